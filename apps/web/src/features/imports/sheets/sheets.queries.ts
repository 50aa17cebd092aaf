import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  importSheetResponseSchema,
  previewSheetResponseSchema,
  proposedMappingSchema,
  sheetRowsResponseSchema,
  sheetSourcesResponseSchema,
  sheetViewSchema,
  type ImportSheetRequest,
  type UploadSheetRequest,
} from '@homeward/domain';
import type { SheetMapping } from '@homeward/domain/sheets';
import { apiFetch, apiFetchBlob } from '../../../api/client';
import { saveBlob } from '../../../api/download';

/** Uploads a sheet (base64 in JSON); the answer carries its headers, first rows and the proposed mapping. */
export function useUploadSheetMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UploadSheetRequest) => apiFetch('/api/imports/sheets', sheetViewSchema, { method: 'POST', body }),
    onSuccess: (view) => client.setQueryData(['sheets', view.id], view),
  });
}

/** An uploaded sheet and where its import stands. */
export function useSheetQuery(id: string) {
  return useQuery({ queryKey: ['sheets', id], queryFn: ({ signal }) => apiFetch(`/api/imports/sheets/${encodeURIComponent(id)}`, sheetViewSchema, { signal }) });
}

/** The sources with a saved mapping (offered when naming the source). */
export function useSheetSourcesQuery() {
  return useQuery({ queryKey: ['sheet-sources'], queryFn: ({ signal }) => apiFetch('/api/imports/sheet-sources', sheetSourcesResponseSchema, { signal }) });
}

/** The mapping a named source would give the sheet (its saved mapping, else the suggestion). */
export function useProposedMappingMutation(id: string) {
  return useMutation({
    mutationFn: (source: string) => apiFetch(`/api/imports/sheets/${encodeURIComponent(id)}/mapping`, proposedMappingSchema, { query: { source } }),
  });
}

/** The rows read with a mapping, validated, before anything is written. */
export function usePreviewQuery(id: string, mapping: SheetMapping | null) {
  return useQuery({
    queryKey: ['sheets', id, 'preview', mapping],
    queryFn: ({ signal }) => apiFetch(`/api/imports/sheets/${encodeURIComponent(id)}/preview`, previewSheetResponseSchema, { method: 'POST', body: { mapping }, signal }),
    enabled: mapping !== null,
    staleTime: Infinity,
  });
}

/** Starts the import job; the answer is the job's id. */
export function useImportSheetMutation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportSheetRequest) => apiFetch(`/api/imports/sheets/${encodeURIComponent(id)}/import`, importSheetResponseSchema, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['sheet-sources'] }),
  });
}

/** The rows that were not imported, with their reasons (first page). */
export function useSheetProblemRowsQuery(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['sheets', id, 'rows'],
    queryFn: ({ signal }) => apiFetch(`/api/imports/sheets/${encodeURIComponent(id)}/rows`, sheetRowsResponseSchema, { query: { limit: 200 }, signal }),
    enabled,
  });
}

/** Downloads the rows not imported as CSV or XLSX, the reasons in the reader's language. */
export function useDownloadRejectedMutation(id: string, fileName: string) {
  return useMutation({
    mutationFn: async ({ format, lang }: { format: 'csv' | 'xlsx'; lang: 'en' | 'az' | 'ru' | 'ar' }) => {
      const blob = await apiFetchBlob(`/api/imports/sheets/${encodeURIComponent(id)}/rejected`, { query: { format, lang } });
      const base = fileName.replace(/\.(csv|xlsx|txt)$/i, '');
      saveBlob(blob, `${base}-rejected.${format}`);
    },
  });
}

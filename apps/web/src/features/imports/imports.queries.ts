import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, apiFetchBlob } from '../../api/client';
import { saveBlob } from '../../api/download';

/**
 * Client-side copies of the import and job schemas, which the server defines in its routes
 * (`modules/imports/imports.routes.ts`, `modules/jobs/jobs.routes.ts`, the result in
 * `person-import.service.ts`) rather than in `@homeward/domain`.
 */
export const importPeopleResponseSchema = z.object({ jobId: z.string() });

export const jobViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobViewSchema>;

const lineProblemSchema = z.object({ line: z.number().int(), reason: z.string() });
export type LineProblem = z.infer<typeof lineProblemSchema>;

/** What a people import did with the lines of the file; `rejected` lists the first 1000, `rejectedTotal` counts all. */
export const importResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(lineProblemSchema),
  rejectedTotal: z.number().int(),
  warnings: z.array(lineProblemSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** The server's body limit (`bodyLimit` in `apps/server/src/app.ts`): a larger import goes through the CLI. */
export const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

/** Starts an import job; the server answers at once with the job's id. */
export function useStartImportMutation() {
  return useMutation({
    mutationFn: (body: { sourceSystem: string; content: string }) => apiFetch('/api/imports/people', importPeopleResponseSchema, { method: 'POST', body }),
  });
}

const finished = (job: JobView | undefined) => job?.status === 'succeeded' || job?.status === 'failed';

/** A job I started, polled every half second until it has succeeded or failed (for the progress bar). */
export function useJobQuery(jobId: string | null) {
  return useQuery({
    queryKey: ['jobs', jobId],
    queryFn: ({ signal }) => apiFetch(`/api/jobs/${encodeURIComponent(jobId ?? '')}`, jobViewSchema, { signal }),
    enabled: jobId !== null,
    refetchInterval: (query) => (finished(query.state.data) ? false : 500),
    staleTime: (query) => (finished(query.state.data) ? Infinity : 0),
  });
}

/** Downloads every person in my scope as homeward.person/1 (an audited export) and saves it as people.jsonl. */
export function useExportMutation() {
  return useMutation({
    mutationFn: async () => saveBlob(await apiFetchBlob('/api/exports/people'), 'people.jsonl'),
  });
}

import { identityHistorySchema, personRecordSchema, personSearchResponseSchema } from '@homeward/domain';
import type { BirthInput, NameInput, RegisterPersonRequest, RelationshipKind } from '@homeward/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, apiFetchBlob, apiSend } from '../../api/client';
import type { EvidenceLevel, NationalityBasis, Source } from './labels';

const created = z.object({ id: z.string() });
const registered = z.object({ id: z.string(), caseId: z.string().nullable() });

/** Cache keys of the registry: a person's record and history are refetched after any change to them. */
export const registryKeys = {
  person: (id: string) => ['registry', 'person', id] as const,
  history: (id: string) => ['registry', 'person', id, 'history'] as const,
  search: (q: string) => ['registry', 'search', q] as const,
};

const personPath = (id: string) => `/api/registry/people/${encodeURIComponent(id)}`;

/** A person's names, birth and relationships (an audited read). */
export function usePersonRecordQuery(id: string | undefined) {
  return useQuery({
    queryKey: registryKeys.person(id ?? ''),
    queryFn: ({ signal }) => apiFetch(personPath(id ?? ''), personRecordSchema, { signal }),
    enabled: Boolean(id),
  });
}

/** Every version of every identity fact and the identity decisions; fetched only when the drawer opens. */
export function usePersonHistoryQuery(id: string, enabled: boolean) {
  return useQuery({
    queryKey: registryKeys.history(id),
    queryFn: ({ signal }) => apiFetch(`${personPath(id)}/history`, identityHistorySchema, { signal }),
    enabled,
  });
}

/** Likely existing records for a typed name, in any script; the caller debounces `q`. */
export function usePersonSearchQuery(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: registryKeys.search(query),
    queryFn: ({ signal }) => apiFetch('/api/registry/people/search', personSearchResponseSchema, { query: { q: query, limit: 8 }, signal }),
    enabled: query.length >= 2,
    staleTime: 10_000,
    placeholderData: (previous) => previous,
  });
}

export function useRegisterPersonMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterPersonRequest) => apiFetch('/api/registry/people', registered, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}

/** After a change to a person, their record, history, case page and the lists showing them are stale. */
function usePersonMutation<V>(call: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['registry'] }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
      ]);
    },
  });
}

export function useAddNameMutation(personId: string) {
  return usePersonMutation((body: NameInput) => apiFetch(`${personPath(personId)}/names`, created, { method: 'POST', body }));
}

export function useCorrectNameMutation(personId: string) {
  return usePersonMutation(({ nameId, body }: { nameId: string; body: NameInput }) =>
    apiFetch(`${personPath(personId)}/names/${encodeURIComponent(nameId)}/corrections`, created, { method: 'POST', body }),
  );
}

export function useRecordBirthMutation(personId: string) {
  return usePersonMutation((body: BirthInput) => apiFetch(`${personPath(personId)}/birth`, created, { method: 'POST', body }));
}

export interface LinkRelativeInput {
  relatedPersonId: string;
  kind: RelationshipKind;
  evidenceLevel: EvidenceLevel;
  source: Source;
  note: string | null;
}

export function useLinkRelativeMutation(personId: string) {
  return usePersonMutation((body: LinkRelativeInput) => apiSend(`${personPath(personId)}/relationships`, { method: 'POST', body }));
}

export interface IdentityDecisionInput {
  confirmedNameId: string | null;
  confirmedBirthId: string | null;
  motherId: string | null;
  fatherId: string | null;
  evidence: string[];
  note: string | null;
}

export function useDecideIdentityMutation(personId: string) {
  return usePersonMutation((body: IdentityDecisionInput) =>
    apiFetch(`${personPath(personId)}/identity-decisions`, created, { method: 'POST', body }),
  );
}

export interface PhotoUpload {
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  dataBase64: string;
  source: Source;
  takenOn: string | null;
}

export function useAddPhotoMutation(personId: string) {
  return usePersonMutation((body: PhotoUpload) => apiFetch(`${personPath(personId)}/photos`, created, { method: 'POST', body }));
}

/** One photo's image, fetched with the session cookie (each read is audited); fetched only when shown. */
export function usePhotoQuery(personId: string, photoId: string) {
  return useQuery({
    // Outside ['registry'], so a change to the person does not fetch (and audit) an image that never changes.
    queryKey: ['photos', personId, photoId],
    queryFn: ({ signal }) => apiFetchBlob(`${personPath(personId)}/photos/${encodeURIComponent(photoId)}`, { signal }),
    staleTime: Infinity,
    retry: false,
  });
}

export interface NationalityClaimInput {
  country: string;
  basis: NationalityBasis;
  source: Source;
}

export function useAddNationalityClaimMutation(personId: string) {
  return usePersonMutation((body: NationalityClaimInput) => apiFetch(`${personPath(personId)}/nationality-claims`, created, { method: 'POST', body }));
}

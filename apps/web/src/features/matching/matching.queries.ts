import { matchCandidatesResponseSchema, matchDecisionResponseSchema, matchQueueResponseSchema, matchSuggestionSchema } from '@homeward/domain';
import type { MatchBand, MatchCandidatesRequest, MatchKind } from '@homeward/domain';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';

/** Filters of the review queue. */
export interface QueueFilters {
  kind: MatchKind | 'all';
  band: MatchBand | 'all';
}

export const matchingKeys = {
  all: ['matching'] as const,
  queue: (f: QueueFilters) => ['matching', 'queue', f] as const,
  suggestion: (id: string) => ['matching', 'suggestion', id] as const,
  candidates: (body: MatchCandidatesRequest) => ['matching', 'candidates', body] as const,
};

/** The open suggestions, best first, page after page (keyset cursor from the server). */
export function useMatchQueueQuery(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: matchingKeys.queue(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiFetch('/api/matching/suggestions', matchQueueResponseSchema, {
        query: { kind: filters.kind === 'all' ? undefined : filters.kind, band: filters.band === 'all' ? undefined : filters.band, after: pageParam, limit: 25 },
        signal,
      }),
    getNextPageParam: (last) => last.nextAfter ?? undefined,
    // While people wait to be matched, new suggestions may appear: look again now and then.
    refetchInterval: (query) => ((query.state.data?.pages[0]?.pendingPeople ?? 0) > 0 ? 4000 : false),
  });
}

/** One suggestion with both sides and the reasons (an audited read on the server). */
export function useMatchSuggestionQuery(id: string | null) {
  return useQuery({
    queryKey: matchingKeys.suggestion(id ?? ''),
    queryFn: ({ signal }) => apiFetch(`/api/matching/suggestions/${encodeURIComponent(id ?? '')}`, matchSuggestionSchema, { signal }),
    enabled: Boolean(id),
  });
}

/** Confirm, reject or "not sure": the queue, the registry and cases are stale afterwards. */
export function useMatchDecisionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: 'confirm' | 'reject' | 'unsure'; reason: string | null }) =>
      apiFetch(`/api/matching/suggestions/${encodeURIComponent(id)}/${decision}`, matchDecisionResponseSchema, { method: 'POST', body: { reason } }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: matchingKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['registry'] }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
      ]);
    },
  });
}

/** Search before create: registry people who may be this unsaved person (the matching engine). */
export function useMatchCandidatesQuery(body: MatchCandidatesRequest | null) {
  return useQuery({
    queryKey: matchingKeys.candidates(body ?? { names: [] }),
    queryFn: ({ signal }) => apiFetch('/api/matching/candidates', matchCandidatesResponseSchema, { method: 'POST', body, signal }),
    enabled: body !== null,
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  });
}

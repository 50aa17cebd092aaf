import { placeListResponseSchema, placementHistorySchema, placementViewSchema, placesBoardResponseSchema, placeViewSchema, recordPlacementResponseSchema } from '@homeward/domain';
import type { CreatePlaceRequest, RecordPlacementRequest, UpdatePlaceRequest } from '@homeward/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';

/** The places of the mission with their occupancy. */
export function usePlacesQuery(enabled = true) {
  return useQuery({
    queryKey: ['places', 'list'],
    queryFn: async ({ signal }) => (await apiFetch('/api/places', placeListResponseSchema, { signal })).places,
    enabled,
  });
}

/** The board: every place with its children, and the gathering plan for `target` when one is chosen. */
export function usePlacesBoardQuery(target: string | null) {
  return useQuery({
    queryKey: ['places', 'board', target],
    queryFn: ({ signal }) => apiFetch('/api/places/board', placesBoardResponseSchema, { query: { target: target ?? undefined }, signal }),
    placeholderData: (previous) => previous,
  });
}

export function useCreatePlaceMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlaceRequest) => apiFetch('/api/places', placeViewSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['places'] }),
  });
}

/** Changes facts about a place (only the fields given); the board and lists follow. */
export function useUpdatePlaceMutation(placeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePlaceRequest) => apiFetch(`/api/places/${encodeURIComponent(placeId)}`, placeViewSchema, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['places'] }),
  });
}

const placementsKey = (personId: string) => ['places', 'placements', personId] as const;

/** A person's placements, newest first, and the current one (absent when the role may not see location). */
export function usePlacementsQuery(personId: string | undefined) {
  return useQuery({
    queryKey: placementsKey(personId ?? ''),
    queryFn: ({ signal }) => apiFetch(`/api/people/${encodeURIComponent(personId ?? '')}/placements`, placementHistorySchema, { signal }),
    enabled: Boolean(personId),
  });
}

/** After a placement changes, the places, the case pages and lists (current place, timeline) are stale. */
function usePlacementMutation<V, R>(call: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['places'] }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
      ]);
    },
  });
}

/** Place or transfer a person; the answer carries warnings such as a place over its capacity. */
export function useRecordPlacementMutation(personId: string) {
  return usePlacementMutation((body: RecordPlacementRequest) =>
    apiFetch(`/api/people/${encodeURIComponent(personId)}/placements`, recordPlacementResponseSchema, { method: 'POST', body }),
  );
}

/** Ends the person's current placement on `endOn` (the person left, was released, returned home). */
export function useEndPlacementMutation(personId: string) {
  return usePlacementMutation(({ placementId, endOn, reason }: { placementId: string; endOn: string; reason: string }) =>
    apiFetch(`/api/people/${encodeURIComponent(personId)}/placements/${encodeURIComponent(placementId)}/end`, placementViewSchema, {
      method: 'POST',
      body: { endOn, reason },
    }),
  );
}

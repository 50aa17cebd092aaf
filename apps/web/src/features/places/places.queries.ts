import { placeListResponseSchema, placementHistorySchema, placesBoardResponseSchema, placeViewSchema, recordPlacementResponseSchema } from '@homeward/domain';
import type { CreatePlaceRequest, RecordPlacementRequest } from '@homeward/domain';
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

const placementsKey = (personId: string) => ['places', 'placements', personId] as const;

/** A person's placements, newest first, and the current one (absent when the role may not see location). */
export function usePlacementsQuery(personId: string | undefined) {
  return useQuery({
    queryKey: placementsKey(personId ?? ''),
    queryFn: ({ signal }) => apiFetch(`/api/people/${encodeURIComponent(personId ?? '')}/placements`, placementHistorySchema, { signal }),
    enabled: Boolean(personId),
  });
}

/** Place or transfer a person; the answer carries warnings such as a place over its capacity. */
export function useRecordPlacementMutation(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordPlacementRequest) =>
      apiFetch(`/api/people/${encodeURIComponent(personId)}/placements`, recordPlacementResponseSchema, { method: 'POST', body }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['places'] }),
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
      ]);
    },
  });
}

import { tracingListResponseSchema, tracingRequestCreatedSchema, tracingRequestViewSchema } from '@homeward/domain';
import type { ConsentState, CreateTracingRequest, TracingStatus, UpdateTracingRequest } from '@homeward/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';

/** Cache keys of tracing: a request's page and the lists are refetched after any change to a request. */
export const tracingKeys = {
  all: ['tracing'] as const,
  list: (filters: TracingFilters) => ['tracing', 'list', filters] as const,
  request: (id: string) => ['tracing', 'request', id] as const,
};

export interface TracingFilters {
  status?: TracingStatus | undefined;
  consent?: ConsentState | undefined;
  q?: string | undefined;
  personId?: string | undefined;
}

const requestPath = (id: string) => `/api/tracing-requests/${encodeURIComponent(id)}`;

/** Tracing requests in the caller's scope, newest first, a page at a time. */
export function useTracingListQuery(filters: TracingFilters) {
  return useInfiniteQuery({
    queryKey: tracingKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch('/api/tracing-requests', tracingListResponseSchema, { query: { ...filters, after: pageParam ?? undefined, limit: 50 }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextAfter,
    placeholderData: (previous) => previous,
  });
}

/** One request with its sought people (an audited read). */
export function useTracingRequestQuery(id: string | undefined) {
  return useQuery({
    queryKey: tracingKeys.request(id ?? ''),
    queryFn: ({ signal }) => apiFetch(requestPath(id ?? ''), tracingRequestViewSchema, { signal }),
    enabled: Boolean(id),
  });
}

export function useCreateTracingRequestMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTracingRequest) => apiFetch('/api/tracing-requests', tracingRequestCreatedSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tracingKeys.all }),
  });
}

/** Consent, its withdrawal and closing all answer with the request as it now stands. */
function useRequestAction<V>(id: string, path: string, body: (variables: V) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => apiFetch(`${requestPath(id)}${path}`, tracingRequestViewSchema, { method: 'POST', body: body(variables) }),
    onSuccess: async (view) => {
      queryClient.setQueryData(tracingKeys.request(id), view);
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['tracing', 'list'] }), queryClient.invalidateQueries({ queryKey: ['registry'] })]);
    },
  });
}

export const useRecordConsentMutation = (id: string) => useRequestAction<void>(id, '/consent', () => ({}));
export const useWithdrawConsentMutation = (id: string) => useRequestAction<{ reason: string }>(id, '/consent-withdrawal', (v) => ({ reason: v.reason }));
export const useCloseTracingRequestMutation = (id: string) => useRequestAction<{ reason: string }>(id, '/close', (v) => ({ reason: v.reason }));

/** Change the requester's details, the family's district and departure, documents or notes. */
export function useUpdateTracingRequestMutation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTracingRequest) => apiFetch(requestPath(id), tracingRequestViewSchema, { method: 'PATCH', body }),
    onSuccess: async (view) => {
      queryClient.setQueryData(tracingKeys.request(id), view);
      await queryClient.invalidateQueries({ queryKey: ['tracing', 'list'] });
    },
  });
}

import { auditListResponseSchema, auditVerifyResponseSchema } from '@homeward/domain';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';

export interface AuditFilter {
  action: string;
  targetId: string;
}

const PAGE_SIZE = 50;

/** The audit trail, newest first, paged backwards by sequence number ("load older"). */
export function useAuditQuery(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam, signal }) =>
      apiFetch('/api/audit', auditListResponseSchema, {
        query: {
          before: pageParam,
          limit: PAGE_SIZE,
          action: filter.action.trim() || undefined,
          targetId: filter.targetId.trim() || undefined,
        },
        signal,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

/** Recomputes the whole hash chain on the server. */
export function useVerifyChainMutation() {
  return useMutation({
    mutationFn: () => apiFetch('/api/audit/verify', auditVerifyResponseSchema, { method: 'POST' }),
  });
}

import { caseDetailSchema, caseListResponseSchema, myTasksResponseSchema } from '@homeward/domain';
import type { FieldCategory } from '@homeward/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch, apiSend } from '../../api/client';
import type { CaseFlag, Priority } from '../registry/labels';
import type { CaseFilter } from './case-filter';

const PAGE_SIZE = 50;
const created = z.object({ id: z.string() });
const casePath = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

/** Cases in the person's scope, newest first, filtered; "load more" follows the server's keyset cursor. */
export function useCaseListQuery(filter: CaseFilter) {
  return useInfiniteQuery({
    queryKey: ['cases', 'list', filter],
    queryFn: ({ pageParam, signal }) =>
      apiFetch('/api/cases', caseListResponseSchema, {
        query: {
          q: filter.q.trim() || undefined,
          stage: filter.stage ?? undefined,
          kind: filter.kind ?? undefined,
          placeId: filter.placeId ?? undefined,
          ageBand: filter.ageBand ?? undefined,
          sex: filter.sex ?? undefined,
          flag: filter.flag ?? undefined,
          assignedToMe: filter.assignedToMe ? 'true' : undefined,
          includeClosed: filter.includeClosed ? 'true' : undefined,
          after: pageParam,
          limit: PAGE_SIZE,
        },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });
}

/** My open tasks across cases, overdue first. */
export function useMyTasksQuery() {
  return useQuery({
    queryKey: ['cases', 'my-tasks'],
    queryFn: async ({ signal }) => (await apiFetch('/api/tasks/mine', myTasksResponseSchema, { signal })).tasks,
  });
}

/** The case page: the case, its transitions and next options, tasks, notes and timeline (an audited read). */
export function useCaseDetailQuery(id: string) {
  return useQuery({
    queryKey: ['cases', 'detail', id],
    queryFn: ({ signal }) => apiFetch(casePath(id), caseDetailSchema, { signal }),
  });
}

/** Every case change makes the case page, the lists and the person's record stale. */
function useCaseMutation<V, R>(call: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['cases'] }),
        queryClient.invalidateQueries({ queryKey: ['registry'] }),
      ]);
    },
  });
}

export function useTransitionMutation(caseId: string) {
  return useCaseMutation((body: { to: string; reason: string }) => apiSend(`${casePath(caseId)}/transitions`, { method: 'POST', body }));
}

export function useAddTaskMutation(caseId: string) {
  return useCaseMutation((body: { title: string; dueOn: string | null }) => apiFetch(`${casePath(caseId)}/tasks`, created, { method: 'POST', body }));
}

/** What a task change may set: its status, its assignee (null: nobody), its due date (null: none). */
export interface TaskChange {
  status?: 'open' | 'done' | 'cancelled';
  assigneeId?: string | null;
  dueOn?: string | null;
}

export function useUpdateTaskMutation() {
  return useCaseMutation(({ id, change }: { id: string; change: TaskChange }) =>
    apiSend(`/api/tasks/${encodeURIComponent(id)}`, { method: 'PATCH', body: change }),
  );
}

/** Priority and flags of a case (only the fields given change). */
export function useUpdateCaseMutation(caseId: string) {
  return useCaseMutation((body: { priority?: Priority; flags?: CaseFlag[] }) => apiSend(casePath(caseId), { method: 'PATCH', body }));
}

/** Opens a case for a registered person who has none; answers with the new case's id. */
export function useOpenCaseMutation() {
  return useCaseMutation((body: { personId: string; kind: 'child' | 'adult'; priority: Priority; flags: CaseFlag[] }) =>
    apiFetch('/api/cases', created, { method: 'POST', body }),
  );
}

export function useAddNoteMutation(caseId: string) {
  return useCaseMutation((body: { category: FieldCategory; body: string }) => apiFetch(`${casePath(caseId)}/notes`, created, { method: 'POST', body }));
}

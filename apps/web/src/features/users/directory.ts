import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../api/client';
import { useCan } from '../auth/session-context';

/** `GET /api/users/directory`: the colleagues of the mission by name (the server defines it inline). */
const directorySchema = z.object({ users: z.array(z.object({ id: z.string(), displayName: z.string(), disabled: z.boolean() })) });
export type DirectoryUser = z.infer<typeof directorySchema>['users'][number];

/** The colleagues of my mission, for "who did what" and for choosing a task's assignee. Rarely changes. */
export function useDirectoryQuery() {
  const can = useCan();
  return useQuery({
    queryKey: ['users', 'directory'],
    queryFn: async ({ signal }) => (await apiFetch('/api/users/directory', directorySchema, { signal })).users,
    enabled: can('case.read'),
    staleTime: 5 * 60_000,
  });
}

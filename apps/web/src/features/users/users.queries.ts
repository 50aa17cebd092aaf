import { userListResponseSchema, userViewSchema } from '@homeward/domain';
import type { CreateUserRequest, UpdateUserRequest, UserView } from '@homeward/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';

const usersKey = ['users'] as const;

export function useUsersQuery() {
  return useQuery({
    queryKey: usersKey,
    queryFn: async () => (await apiFetch('/api/users', userListResponseSchema)).users,
  });
}

/** Every user mutation answers with the changed user; the list is refetched so it shows the server's truth. */
function useUserMutation<V>(call: (variables: V) => Promise<UserView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useCreateUserMutation() {
  return useUserMutation((body: CreateUserRequest) =>
    apiFetch('/api/users', userViewSchema, { method: 'POST', body }),
  );
}

export function useUpdateUserMutation() {
  return useUserMutation(({ id, body }: { id: string; body: UpdateUserRequest }) =>
    apiFetch(`/api/users/${encodeURIComponent(id)}`, userViewSchema, { method: 'PATCH', body }),
  );
}

export type UserCommand = 'disable' | 'enable' | 'reset-second-factor';

export function useUserCommandMutation() {
  return useUserMutation(({ id, command }: { id: string; command: UserCommand }) =>
    apiFetch(`/api/users/${encodeURIComponent(id)}/${command}`, userViewSchema, { method: 'POST' }),
  );
}

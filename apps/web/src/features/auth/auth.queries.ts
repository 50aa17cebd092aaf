import {
  enrolConfirmResponseSchema,
  enrolmentResponseSchema,
  healthResponseSchema,
  loginResponseSchema,
  sessionResponseSchema,
} from '@homeward/domain';
import type { LoginRequest, RecoveryRequest, SessionResponse, TotpVerifyRequest } from '@homeward/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { isApiError } from '../../api/api-error';
import { apiFetch, apiSend } from '../../api/client';
import { sessionQueryKey } from '../../api/query-client';

const authenticatedSchema = z.object({ stage: z.literal('authenticated') });

async function fetchSession(): Promise<SessionResponse | null> {
  try {
    return await apiFetch('/api/auth/session', sessionResponseSchema);
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in session, or null when nobody is (fully) signed in. */
export function useSessionQuery() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** Re-reads the session after a sign-in step, so the guard sees it before we navigate. */
export function useRefreshSession(): () => Promise<SessionResponse | null> {
  const queryClient = useQueryClient();
  return () => queryClient.fetchQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 0 });
}

/** Public server facts; the sign-in page uses `demoMode` to show the demo banner. */
export function useHealthQuery() {
  return useQuery({
    queryKey: ['health'],
    queryFn: () => apiFetch('/api/health', healthResponseSchema),
    staleTime: 5 * 60_000,
  });
}

export function useLoginMutation() {
  return useMutation({
    mutationFn: (body: LoginRequest) => apiFetch('/api/auth/login', loginResponseSchema, { method: 'POST', body }),
  });
}

export function useSecondFactorMutation() {
  return useMutation({
    mutationFn: (body: TotpVerifyRequest) =>
      apiFetch('/api/auth/second-factor', authenticatedSchema, { method: 'POST', body }),
  });
}

export function useRecoveryMutation() {
  return useMutation({
    mutationFn: (body: RecoveryRequest) => apiFetch('/api/auth/recovery', authenticatedSchema, { method: 'POST', body }),
  });
}

const enrolmentKey = ['auth', 'enrolment'] as const;

/**
 * The new TOTP secret, fetched once per enrolment (never refetched, or the QR code on screen could stop
 * matching the secret the server keeps) and dropped from memory once enrolment is confirmed.
 */
export function useEnrolmentQuery() {
  return useQuery({
    queryKey: enrolmentKey,
    queryFn: () => apiFetch('/api/auth/enrolment', enrolmentResponseSchema),
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    refetchOnMount: false,
    refetchOnReconnect: false,
    retry: false,
  });
}

export function useConfirmEnrolmentMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TotpVerifyRequest) =>
      apiFetch('/api/auth/enrolment', enrolConfirmResponseSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.removeQueries({ queryKey: enrolmentKey }),
  });
}

/** Signs out and forgets every cached answer, so nothing of this session stays in memory. */
export function useLogoutMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
}

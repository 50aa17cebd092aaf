import type { Permission } from '@homeward/domain';
import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { NotAllowedPage } from '../shell/not-allowed-page';
import { useSessionQuery } from './auth.queries';
import { SessionContext, useCan } from './session-context';

/** Where the person wanted to go before being sent to sign in. */
export interface SignInState {
  from?: string;
}

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100dvh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** Route guard: nobody signed in → the sign-in page, remembering where they were going. */
export function RequireSession() {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) return <FullPageLoader />;
  if (session.isError) throw session.error;
  if (!session.data) {
    const state: SignInState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return (
    <SessionContext.Provider value={session.data}>
      <Outlet />
    </SessionContext.Provider>
  );
}

/** Shows its page only to those holding `permission` (or one of several); the navigation already hides the link. */
export function RequirePermission({ permission, children }: { permission: Permission | readonly Permission[]; children: ReactNode }) {
  const can = useCan();
  const allowed = typeof permission === 'string' ? can(permission) : permission.some(can);
  return allowed ? children : <NotAllowedPage />;
}

import type { Permission, SessionResponse } from '@homeward/domain';
import { createContext, useContext } from 'react';

/** The session of the signed-in person, provided by the route guard to everything inside the shell. */
export const SessionContext = createContext<SessionResponse | null>(null);

export function useSession(): SessionResponse {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside the signed-in part of the app');
  return session;
}

/** Whether the person may do `permission` at all: the UI hides what the server would refuse anyway. */
export function useCan(): (permission: Permission) => boolean {
  const session = useSession();
  return (permission) => session.permissions[permission] !== undefined;
}

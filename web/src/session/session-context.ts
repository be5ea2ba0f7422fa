import type { SessionInfo } from '@contracts/auth.ts';
import { createContext, useContext } from 'react';

/** The permissions the web client checks: the server's own list (src/domain/access.ts), as the session sends them. */
export type Permission = SessionInfo['permissions'][number];

export type SessionState = {
  session: SessionInfo;
  /** Whether the session holds the permission. */
  can: (permission: Permission) => boolean;
  /** Whether the user may change data guarded by the permission (never for read-only roles). */
  canChange: (permission: Permission) => boolean;
};

export const SessionContext = createContext<SessionState | null>(null);

export function createSessionState(session: SessionInfo): SessionState {
  const can = (permission: Permission) => session.permissions.includes(permission);
  return { session, can, canChange: (permission) => !session.readOnly && can(permission) };
}

/** The signed-in user; only available under the admin layout, which loads the session first. */
export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession 只能在后台布局内使用');
  return state;
}

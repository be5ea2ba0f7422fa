import type { Actor } from '../../domain/access.ts';
import { findAccountById, type AccountWithOrg } from '../../db/account-queries.ts';
import type { Db } from '../../db/client.ts';
import { deleteSession, findLiveSession, touchSession, type SessionRow } from '../../db/session-queries.ts';
import { actorOf } from '../lib/actor.ts';
import { sessionIdOf } from '../lib/tokens.ts';
import { SESSION_IDLE_MS, SESSION_TOUCH_MS } from './session-policy.ts';

export type AuthenticatedSession = { actor: Actor; session: SessionRow; account: AccountWithOrg };

/** Resolves a cookie token to its live session and account; null when absent, expired, idle too long or disabled. */
export async function authenticateSession(
  deps: { db: Db; sessionSecret: string; now: Date },
  token: string,
): Promise<AuthenticatedSession | null> {
  const { db, now } = deps;
  const id = sessionIdOf(token, deps.sessionSecret);
  const session = await findLiveSession(db, id, now);
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS) {
    await deleteSession(db, id);
    return null;
  }
  const account = await findAccountById(db, session.accountId);
  if (!account || account.account.disabledAt) {
    await deleteSession(db, id);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) await touchSession(db, id, now);
  return { actor: actorOf(account), session, account };
}

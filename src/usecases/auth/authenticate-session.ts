import type { Actor } from '../../domain/access.ts';
import type { AccountWithOrg } from '../../db/account-queries.ts';
import type { Db } from '../../db/client.ts';
import { deleteSession, findLiveSessionWithAccount, touchSession, type SessionRow } from '../../db/session-queries.ts';
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
  const found = await findLiveSessionWithAccount(db, id, now);
  if (!found) return null;
  const { session, ...account } = found;
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS || account.account.disabledAt) {
    await deleteSession(db, id);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) await touchSession(db, id, now);
  return { actor: actorOf(account), session, account };
}

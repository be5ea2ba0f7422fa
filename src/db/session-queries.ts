import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { accounts, loginAttempts, orgs, sessions } from './schema.ts';

export type SessionRow = typeof sessions.$inferSelect;

/** A live session with its account and org, in one round trip (this runs on every API request). */
export async function findLiveSessionWithAccount(db: DbOrTx, id: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, account: accounts, org: orgs })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .innerJoin(orgs, eq(orgs.id, accounts.orgId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  return row;
}

export async function touchSession(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfAccount(db: DbOrTx, accountId: string, exceptId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(exceptId ? and(eq(sessions.accountId, accountId), sql`${sessions.id} <> ${exceptId}`) : eq(sessions.accountId, accountId));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function recentAttemptsForUsername(db: DbOrTx, username: string, limit: number) {
  return db
    .select({ at: loginAttempts.at, succeeded: loginAttempts.succeeded })
    .from(loginAttempts)
    .where(eq(loginAttempts.username, username))
    .orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
    .limit(limit);
}

export async function recentFailuresFromIp(db: DbOrTx, ip: string, since: Date, limit: number): Promise<Date[]> {
  const rows = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(limit);
  return rows.map((r) => r.at);
}

export async function insertLoginAttempt(db: DbOrTx, attempt: { username: string; ip: string; succeeded: boolean; at: Date }) {
  await db.insert(loginAttempts).values(attempt);
}

export async function insertSession(tx: Tx, values: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(values);
}

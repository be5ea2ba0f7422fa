import { and, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { accounts, orgs } from './schema.ts';
import { containsPattern } from './sql-helpers.ts';

export type AccountRow = typeof accounts.$inferSelect;
export type AccountWithOrg = { account: AccountRow; org: typeof orgs.$inferSelect };

export async function findAccountByUsername(db: DbOrTx, username: string): Promise<AccountWithOrg | undefined> {
  const [row] = await db
    .select({ account: accounts, org: orgs })
    .from(accounts)
    .innerJoin(orgs, eq(orgs.id, accounts.orgId))
    .where(eq(accounts.username, username.toLowerCase()));
  return row;
}

export async function findAccountById(db: DbOrTx, id: string): Promise<AccountWithOrg | undefined> {
  const [row] = await db
    .select({ account: accounts, org: orgs })
    .from(accounts)
    .innerJoin(orgs, eq(orgs.id, accounts.orgId))
    .where(eq(accounts.id, id));
  return row;
}

export type AccountFilter = {
  scopePath: string | null;
  q?: string | undefined;
  role?: string | undefined;
  orgId?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
};

export async function listAccountsPage(db: DbOrTx, filter: AccountFilter, page: number, pageSize: number) {
  const conditions: SQL[] = [];
  if (filter.scopePath) conditions.push(sql`${orgs.path} like ${filter.scopePath + '%'}`);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const match = or(ilike(accounts.username, pattern), ilike(accounts.displayName, pattern));
    if (match) conditions.push(match);
  }
  if (filter.role) conditions.push(eq(accounts.role, filter.role as AccountRow['role']));
  if (filter.orgId) conditions.push(eq(accounts.orgId, filter.orgId));
  if (filter.status === 'active') conditions.push(isNull(accounts.disabledAt));
  if (filter.status === 'disabled') conditions.push(isNotNull(accounts.disabledAt));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db
    .select({ account: accounts, org: orgs })
    .from(accounts)
    .innerJoin(orgs, eq(orgs.id, accounts.orgId))
    .where(where)
    .orderBy(orgs.path, desc(accounts.createdAt), accounts.username)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accounts)
    .innerJoin(orgs, eq(orgs.id, accounts.orgId))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

export async function countDemoAccounts(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(accounts).where(eq(accounts.isDemo, true));
  return row?.n ?? 0;
}

/** Display names of accounts by id (who recorded a period, who generated a plan …). */
export async function accountNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, name: accounts.displayName })
    .from(accounts)
    .where(inArray(accounts.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// Writes, inside the caller's transaction.

export async function insertAccount(tx: Tx, values: typeof accounts.$inferInsert): Promise<string> {
  const [row] = await tx.insert(accounts).values(values).returning({ id: accounts.id });
  return row!.id;
}

/** Many accounts in one statement (the demo's). */
export async function insertAccounts(tx: Tx, rows: readonly (typeof accounts.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(accounts).values([...rows]);
}

export async function updateAccountRow(tx: Tx, id: string, patch: Partial<typeof accounts.$inferInsert>): Promise<void> {
  await tx.update(accounts).set(patch).where(eq(accounts.id, id));
}

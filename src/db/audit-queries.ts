import { and, asc, desc, eq, gte, gt, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { computeAuditHash, GENESIS_HASH, type AuditEntry, type AuditEntryContent } from '../domain/audit.ts';
import { LOGIN_ACTIONS } from '../domain/audit-presentation.ts';
import type { DbOrTx, Tx } from './client.ts';
import { auditLog, orgs } from './schema.ts';
import { anyOf, containsPattern } from './sql-helpers.ts';

/** Any constant will do; it serialises appends so that seq has no gaps and each entry sees its predecessor. */
const AUDIT_APPEND_LOCK = 72_030_001;

/** What a caller supplies: everything but the sequence number, with the time as a Date. */
export type AuditAppend = Omit<AuditEntryContent, 'seq' | 'at'> & { at: Date };

/** Appends one entry to the hash chain. Must run inside the transaction that makes the change it records. */
export async function appendAuditEntry(tx: Tx, input: AuditAppend): Promise<AuditEntry> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Millisecond precision both in the hash and in the column (timestamp(3)) so the entry re-hashes identically.
  const content = {
    seq,
    at: new Date(Math.floor(input.at.getTime())).toISOString(),
    actorId: input.actorId,
    actorName: input.actorName,
    actorRole: input.actorRole,
    ip: input.ip,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    orgId: input.orgId,
    summary: input.summary,
  };
  const hash = computeAuditHash(prevHash, content);
  await tx.insert(auditLog).values({ ...content, at: new Date(content.at), prevHash, hash });
  return { ...content, prevHash, hash };
}

export type AuditRow = typeof auditLog.$inferSelect;

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorRole: row.actorRole,
    ip: row.ip,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    orgId: row.orgId,
    summary: row.summary,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** Entries with seq > afterSeq, ascending, for walking the chain in batches. */
export async function listAuditBatch(db: DbOrTx, afterSeq: number, limit: number): Promise<AuditEntry[]> {
  const rows = await db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
  return rows.map(toAuditEntry);
}

export type AuditFilter = {
  /** Restrict to entries whose org lies in this subtree path (null = everything). */
  scopePath: string | null;
  action?: string | undefined;
  q?: string | undefined;
  /** Part of the name of who acted. */
  actor?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Sign-in entries (auth.login, auth.login_failed, auth.logout): left out, shown too, or only they. */
  logins?: 'hide' | 'show' | 'only' | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

function auditWhere(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.scopePath) conditions.push(sql`${orgs.path} like ${filter.scopePath + '%'}`);
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actor) conditions.push(ilike(auditLog.actorName, containsPattern(filter.actor)));
  if (filter.targetType) conditions.push(eq(auditLog.targetType, filter.targetType));
  if (filter.targetId) conditions.push(eq(auditLog.targetId, filter.targetId));
  if (!filter.action && filter.logins !== 'show') {
    const logins = sql`${auditLog.action} in (${sql.join(LOGIN_ACTIONS.map((a) => sql`${a}`), sql`, `)})`;
    conditions.push(filter.logins === 'only' ? logins : sql`not (${logins})`);
  }
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    const match = or(ilike(auditLog.actorName, pattern), ilike(auditLog.targetId, pattern), sql`${auditLog.summary}::text ilike ${pattern}`);
    if (match) conditions.push(match);
  }
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  return conditions.length ? and(...conditions) : undefined;
}

export async function listAuditPage(db: DbOrTx, filter: AuditFilter, page: number, pageSize: number) {
  const where = auditWhere(filter);
  const rows = await db
    .select({ entry: auditLog, orgName: orgs.name })
    .from(auditLog)
    .leftJoin(orgs, eq(orgs.id, auditLog.orgId))
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .leftJoin(orgs, eq(orgs.id, auditLog.orgId))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

export async function getAuditHead(db: DbOrTx): Promise<{ entries: number; lastHash: string | null }> {
  const [last] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return { entries: last?.seq ?? 0, lastHash: last?.hash ?? null };
}

/** Whether the database has the audit log and at least one entry in it (without failing when the table is missing). */
export async function hasAuditEntries(db: DbOrTx): Promise<boolean> {
  const result = await db.execute(sql`select to_regclass('audit_log') is not null as exists`);
  const rows = (result as unknown as { rows: { exists: boolean }[] }).rows;
  if (!rows[0]?.exists) return false;
  const [first] = await db.select({ seq: auditLog.seq }).from(auditLog).limit(1);
  return first !== undefined;
}

/** How each kind of audited object is named in the log (SQL over its table, `id` compared as text). */
const TARGET_NAME_SQL: Record<string, (ids: readonly string[]) => SQL> = {
  account: (ids) => sql`select 'account' as type, id::text as id, display_name || '（' || username || '）' as name from accounts where ${anyOf(sql`id::text`, ids)}`,
  unit: (ids) => sql`select 'unit' as type, id::text as id, name as name from units where ${anyOf(sql`id::text`, ids)}`,
  inspector: (ids) => sql`select 'inspector' as type, id::text as id, name || '（' || badge_no || '）' as name from inspectors where ${anyOf(sql`id::text`, ids)}`,
  org: (ids) => sql`select 'org' as type, id::text as id, name as name from orgs where ${anyOf(sql`id::text`, ids)}`,
  collaboration_zone: (ids) => sql`select 'collaboration_zone' as type, id::text as id, name as name from collaboration_zones where ${anyOf(sql`id::text`, ids)}`,
  draw: (ids) => sql`select 'draw' as type, id::text as id, code as name from draws where ${anyOf(sql`id::text`, ids)}`,
  annual_plan: (ids) => sql`select 'annual_plan' as type, id::text as id, name as name from annual_plans where ${anyOf(sql`id::text`, ids)}`,
  monthly_plan: (ids) =>
    sql`select 'monthly_plan' as type, m.id::text as id, o.name || ' ' || m.year || ' 年 ' || m.month || ' 月月度计划' as name from monthly_plans m join orgs o on o.id = m.org_id where ${anyOf(sql`m.id::text`, ids)}`,
  special_campaign: (ids) => sql`select 'special_campaign' as type, id::text as id, name as name from special_campaigns where ${anyOf(sql`id::text`, ids)}`,
  check_item: (ids) => sql`select 'check_item' as type, id::text as id, code as name from check_items where ${anyOf(sql`id::text`, ids)}`,
  task: (ids) => sql`select 'task' as type, t.id::text as id, u.name as name from tasks t join units u on u.id = t.unit_id where ${anyOf(sql`t.id::text`, ids)}`,
  trigger_event: (ids) => sql`select 'trigger_event' as type, e.id::text as id, u.name as name from trigger_events e join units u on u.id = e.unit_id where ${anyOf(sql`e.id::text`, ids)}`,
  import_batch: (ids) => sql`select 'import_batch' as type, id::text as id, file_name as name from import_batches where ${anyOf(sql`id::text`, ids)}`,
  external_person: (ids) => sql`select 'external_person' as type, id::text as id, name as name from external_people where ${anyOf(sql`id::text`, ids)}`,
  recusal: (ids) =>
    sql`select 'recusal' as type, r.id::text as id, i.name || ' 回避 ' || u.name as name from recusals r join inspectors i on i.id = r.inspector_id join units u on u.id = r.unit_id where ${anyOf(sql`r.id::text`, ids)}`,
  dictionary: (ids) => sql`select 'dictionary' as type, id::text as id, label as name from dictionary_entries where ${anyOf(sql`id::text`, ids)}`,
};

/**
 * The names of the objects a page of audit entries is about, keyed `type/id`: an account as 姓名（用户名）, a unit by
 * its name, a draw by its code, a monthly plan as 机构 年 月. Objects of other kinds, or gone, have no entry.
 */
export async function auditTargetNames(db: DbOrTx, targets: readonly { type: string; id: string | null }[]): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const t of targets) {
    if (t.id === null || !Object.hasOwn(TARGET_NAME_SQL, t.type)) continue;
    const ids = idsByType.get(t.type) ?? new Set<string>();
    ids.add(t.id);
    idsByType.set(t.type, ids);
  }
  const names = new Map<string, string>();
  for (const [type, ids] of idsByType) {
    const result = await db.execute(TARGET_NAME_SQL[type]!([...ids]));
    for (const row of (result as unknown as { rows: { type: string; id: string; name: string | null }[] }).rows) {
      if (row.name) names.set(`${row.type}/${row.id}`, row.name);
    }
  }
  return names;
}

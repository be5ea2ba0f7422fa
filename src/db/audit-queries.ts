import { and, asc, desc, eq, gte, gt, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { computeAuditHash, GENESIS_HASH, type AuditEntry, type AuditEntryContent } from '../domain/audit.ts';
import type { JsonValue } from '../domain/canonical-json.ts';
import type { DbOrTx, Tx } from './client.ts';
import { auditLog, orgs } from './schema.ts';
import { containsPattern } from './sql-helpers.ts';

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
    summary: row.summary as JsonValue,
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
  from?: Date | undefined;
  to?: Date | undefined;
};

function auditWhere(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.scopePath) conditions.push(sql`${orgs.path} like ${filter.scopePath + '%'}`);
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
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

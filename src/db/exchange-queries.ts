import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import type { CreditPolicy } from '../domain/exchange/credit-policy.ts';
import type { Tx, DbOrTx } from './client.ts';
import { anyOf, anyUuidOf } from './sql-helpers.ts';
import { exchangeBatches, exchangeDeliveries, exchangeSettings, orgs, publications, sealings, unitHistory, units } from './schema.ts';

// ---------- settings ----------

/** The exchange settings set at the org at `orgPath` or above it, nearest first. */
export async function exchangeSettingsAbove(db: DbOrTx, orgPath: string) {
  return db
    .select({ orgId: exchangeSettings.orgId, orgName: orgs.name, endpointUrl: exchangeSettings.endpointUrl, creditPolicy: exchangeSettings.creditPolicy })
    .from(exchangeSettings)
    .innerJoin(orgs, eq(orgs.id, exchangeSettings.orgId))
    .where(sql`${orgPath} like ${orgs.path} || '%'`)
    .orderBy(desc(sql`length(${orgs.path})`));
}

export async function saveExchangeSettings(tx: Tx, orgId: string, values: { endpointUrl: string | null; creditPolicy: CreditPolicy | null }, accountId: string, now: Date) {
  await tx
    .insert(exchangeSettings)
    .values({ orgId, ...values, updatedBy: accountId, updatedAt: now })
    .onConflictDoUpdate({ target: exchangeSettings.orgId, set: { ...values, updatedBy: accountId, updatedAt: now } });
}

// ---------- the publications of a period ----------

const portalRows = (scopePath: string, from: string, to: string, today: string, kind?: 'penalty') =>
  and(
    sql`${publications.status} in ('published', 'withdrawn')`,
    sql`(${publications.displayUntil} is null or ${publications.displayUntil} >= ${today})`,
    sql`${publications.publishedOn} between ${from} and ${to}`,
    sql`${orgs.path} like ${scopePath + '%'}`,
    kind ? eq(publications.kind, kind) : undefined,
  );

/** How many entries on the portal today were published in [from, to] by orgs under scopePath. */
export async function countPeriodPublications(db: DbOrTx, f: { scopePath: string; from: string; to: string; today: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(publications)
    .innerJoin(orgs, eq(orgs.id, publications.orgId))
    .where(portalRows(f.scopePath, f.from, f.to, f.today));
  return row?.n ?? 0;
}

/** What an exchange item is made of: an entry as the portal shows it. */
const ENTRY_COLUMNS = {
      id: publications.id,
      kind: publications.kind,
      status: publications.status,
      eventDate: publications.eventDate,
      outcome: publications.outcome,
      content: publications.content,
      publishedOn: publications.publishedOn,
      displayUntil: publications.displayUntil,
      withdrawKind: publications.withdrawKind,
      withdrawnOn: publications.withdrawnOn,
};

/** One page of them in a stable order (publication day, id), with the publishing org's path (its policy decides masking). */
export async function listPeriodPublications(db: DbOrTx, f: { scopePath: string; from: string; to: string; today: string; offset: number; limit: number }) {
  return db
    .select({ ...ENTRY_COLUMNS, orgPath: orgs.path })
    .from(publications)
    .innerJoin(orgs, eq(orgs.id, publications.orgId))
    .where(portalRows(f.scopePath, f.from, f.to, f.today))
    .orderBy(asc(publications.publishedOn), asc(publications.id))
    .offset(f.offset)
    .limit(f.limit);
}

/**
 * Penalty entries on the portal today of orgs under scopePath decided in [from, to] (the credit feed; `from` null:
 * every one), decision day then id, at most `limit`; with the unit id for its sealings.
 */
export async function listPortalPenalties(db: DbOrTx, f: { scopePath: string; from: string | null; to: string; today: string; limit: number }) {
  return db
    .select({ ...ENTRY_COLUMNS, unitId: publications.unitId, orgPath: orgs.path })
    .from(publications)
    .innerJoin(orgs, eq(orgs.id, publications.orgId))
    .where(
      and(
        eq(publications.kind, 'penalty'),
        sql`${publications.status} in ('published', 'withdrawn')`,
        sql`(${publications.displayUntil} is null or ${publications.displayUntil} >= ${f.today})`,
        f.from ? sql`${publications.eventDate} >= ${f.from}` : undefined,
        sql`${publications.eventDate} <= ${f.to}`,
        sql`${orgs.path} like ${f.scopePath + '%'}`,
      ),
    )
    .orderBy(asc(publications.eventDate), asc(publications.id))
    .limit(f.limit);
}

/** The days each unit was sealed (查封), by unit id. */
export async function sealedDaysOfUnits(db: DbOrTx, unitIds: readonly string[]): Promise<Map<string, string[]>> {
  const byUnit = new Map<string, string[]>();
  if (unitIds.length === 0) return byUnit;
  const rows = await db.select({ unitId: sealings.unitId, sealedOn: sealings.sealedOn }).from(sealings).where(anyUuidOf(sealings.unitId, unitIds));
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r.sealedOn]);
  return byUnit;
}

// ---------- batches ----------

export type ExchangeBatchInsert = Omit<typeof exchangeBatches.$inferInsert, 'id' | 'createdAt'> & { createdAt: Date };

export async function insertExchangeBatch(tx: Tx, values: ExchangeBatchInsert): Promise<string> {
  const [row] = await tx.insert(exchangeBatches).values(values).returning({ id: exchangeBatches.id });
  return row!.id;
}

const batchSummaryColumns = {
  id: exchangeBatches.id,
  kind: exchangeBatches.kind,
  orgId: exchangeBatches.orgId,
  orgName: orgs.name,
  orgPath: orgs.path,
  periodFrom: exchangeBatches.periodFrom,
  periodTo: exchangeBatches.periodTo,
  part: exchangeBatches.part,
  partCount: exchangeBatches.partCount,
  itemCount: exchangeBatches.itemCount,
  jsonSha256: exchangeBatches.jsonSha256,
  createdAt: exchangeBatches.createdAt,
};

export type ExchangeBatchSummary = Awaited<ReturnType<typeof listExchangeBatches>>['rows'][number];

/** Batches of orgs under scopePath (null: all), newest first, one page. */
export async function listExchangeBatches(db: DbOrTx, f: { scopePath: string | null; limit: number; offset: number }) {
  const where = f.scopePath ? sql`${orgs.path} like ${f.scopePath + '%'}` : undefined;
  const rows = await db
    .select(batchSummaryColumns)
    .from(exchangeBatches)
    .innerJoin(orgs, eq(orgs.id, exchangeBatches.orgId))
    .where(where)
    .orderBy(desc(exchangeBatches.createdAt), asc(exchangeBatches.part), desc(exchangeBatches.id))
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(exchangeBatches).innerJoin(orgs, eq(orgs.id, exchangeBatches.orgId)).where(where);
  return { rows, total: count?.n ?? 0 };
}

export async function findExchangeBatch(db: DbOrTx, id: string) {
  const [row] = await db.select(batchSummaryColumns).from(exchangeBatches).innerJoin(orgs, eq(orgs.id, exchangeBatches.orgId)).where(eq(exchangeBatches.id, id));
  return row;
}

/** The stored JSON text or .xlsx (base64) of a batch. */
export async function loadExchangeBatchContent(db: DbOrTx, id: string, what: 'json' | 'xlsx'): Promise<string | undefined> {
  const [row] = await db
    .select({ content: what === 'json' ? exchangeBatches.jsonText : exchangeBatches.xlsxBase64 })
    .from(exchangeBatches)
    .where(eq(exchangeBatches.id, id));
  return row?.content;
}

// ---------- deliveries (an outbox like outbox_messages) ----------

export type ExchangeDeliveryRow = typeof exchangeDeliveries.$inferSelect;

export async function insertExchangeDelivery(tx: Tx, values: { batchId: string; orgId: string; url: string; createdBy: string | null; now: Date }): Promise<string> {
  const [row] = await tx
    .insert(exchangeDeliveries)
    .values({ batchId: values.batchId, orgId: values.orgId, url: values.url, createdBy: values.createdBy, nextAttemptAt: values.now, createdAt: values.now, updatedAt: values.now })
    .returning({ id: exchangeDeliveries.id });
  return row!.id;
}

/** The newest delivery of each batch. */
export async function latestDeliveriesOf(db: DbOrTx, batchIds: readonly string[]): Promise<Map<string, ExchangeDeliveryRow>> {
  const byBatch = new Map<string, ExchangeDeliveryRow>();
  if (batchIds.length === 0) return byBatch;
  const rows = await db
    .select()
    .from(exchangeDeliveries)
    .where(anyUuidOf(exchangeDeliveries.batchId, batchIds))
    // Made at the same moment (a resend right after the first): the pending one is the newer.
    .orderBy(asc(exchangeDeliveries.createdAt), asc(sql`${exchangeDeliveries.state} = 'pending'`), asc(exchangeDeliveries.id));
  for (const r of rows) byBatch.set(r.batchId, r);
  return byBatch;
}

export async function hasPendingDelivery(db: DbOrTx, batchId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: exchangeDeliveries.id })
    .from(exchangeDeliveries)
    .where(and(eq(exchangeDeliveries.batchId, batchId), eq(exchangeDeliveries.state, 'pending')))
    .limit(1);
  return row !== undefined;
}

export async function listDueDeliveryIds(db: DbOrTx, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: exchangeDeliveries.id })
    .from(exchangeDeliveries)
    .where(and(eq(exchangeDeliveries.state, 'pending'), lte(exchangeDeliveries.nextAttemptAt, now)))
    .orderBy(asc(exchangeDeliveries.nextAttemptAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Leases a due delivery for one attempt (as leaseMessage does for messages); undefined if another dispatcher took it. */
export async function leaseDelivery(db: DbOrTx, id: string, now: Date, leaseUntil: Date): Promise<ExchangeDeliveryRow | undefined> {
  const [row] = await db
    .update(exchangeDeliveries)
    .set({ nextAttemptAt: leaseUntil, attempts: sql`${exchangeDeliveries.attempts} + 1`, updatedAt: now })
    .where(and(eq(exchangeDeliveries.id, id), eq(exchangeDeliveries.state, 'pending'), lte(exchangeDeliveries.nextAttemptAt, now)))
    .returning();
  return row;
}

export async function updateExchangeDelivery(db: DbOrTx, id: string, patch: Partial<typeof exchangeDeliveries.$inferInsert>): Promise<void> {
  await db.update(exchangeDeliveries).set(patch).where(eq(exchangeDeliveries.id, id));
}

// ---------- credit grades ----------

/** Units under scopePath (null: all) with these credit codes, as the credit-grade import compares them. */
export async function findUnitsForCreditGrades(db: DbOrTx, usccs: readonly string[], scopePath: string | null) {
  if (usccs.length === 0) return [];
  return db
    .select({ id: units.id, uscc: units.uscc, name: units.name, creditLevel: units.creditLevel, creditRatedOn: units.creditRatedOn })
    .from(units)
    .innerJoin(orgs, eq(orgs.id, units.brigadeId))
    .where(and(anyOf(units.uscc, usccs), scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined));
}

/** Sets each unit's credit grade, its date and source, and writes a 'credit' history entry for it, in the caller's transaction. */
export async function updateUnitCreditGrades(
  tx: Tx,
  updates: readonly { unitId: string; creditLevel: string; ratedOn: string; source: string | null; summary: Record<string, string | number | null> }[],
  actor: { accountId: string; displayName: string },
  now: Date,
): Promise<void> {
  // One statement per 2,000 units reading one JSON parameter (decision 0006: never a bound parameter per row).
  for (let i = 0; i < updates.length; i += 2000) {
    const rows = JSON.stringify(updates.slice(i, i + 2000).map((u) => ({ id: u.unitId, level: u.creditLevel, rated_on: u.ratedOn, source: u.source })));
    await tx.execute(sql`
      update units set credit_level = r.level, credit_rated_on = r.rated_on, credit_source = r.source, updated_at = ${now.toISOString()}::timestamptz
      from json_to_recordset(${rows}::json) as r(id uuid, level text, rated_on date, source text)
      where units.id = r.id`);
  }
  for (let i = 0; i < updates.length; i += 1000) {
    await tx.insert(unitHistory).values(
      updates.slice(i, i + 1000).map((u) => ({ unitId: u.unitId, kind: 'credit' as const, summary: u.summary, at: now, actorId: actor.accountId, actorName: actor.displayName })),
    );
  }
}

import { and, asc, desc, eq, gte, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from './client.ts';
import { anyUuidOf } from './sql-helpers.ts';
import {
  accounts,
  callbackExternalEntries,
  callbackRecords,
  callbackRounds,
  callbackUnits,
  cases,
  conductComplaints,
  draws,
  inspectionHistory,
  inspectionRecords,
  inspectorAvailability,
  inspectors,
  orgs,
  recusals,
  taskChanges,
  tasks,
  units,
  visitRatings,
} from './schema.ts';

/* 纪检回访 and 异常线索 (decision 0026). */

export type CallbackRoundRow = typeof callbackRounds.$inferSelect;
export type CallbackUnitRow = typeof callbackUnits.$inferSelect;
export type CallbackRecordRow = typeof callbackRecords.$inferSelect;

/**
 * The units of the subtree inspected (a record or an imported inspection in inspection_history) or penalised (a
 * decided case) in [from, to], with their brigade: the candidates of a callback round.
 */
export async function callbackCandidates(db: DbOrTx, scopePath: string, from: string, to: string): Promise<{ unitId: string; brigadeId: string }[]> {
  const inScope = sql`${orgs.path} like ${scopePath + '%'}`;
  const inspected = await db
    .selectDistinct({ unitId: units.id, brigadeId: units.brigadeId })
    .from(inspectionHistory)
    .innerJoin(units, eq(units.id, inspectionHistory.unitId))
    .innerJoin(orgs, eq(orgs.id, units.brigadeId))
    .where(and(inScope, gte(inspectionHistory.inspectedOn, from), lte(inspectionHistory.inspectedOn, to)));
  const penalised = await db
    .selectDistinct({ unitId: units.id, brigadeId: units.brigadeId })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .innerJoin(orgs, eq(orgs.id, units.brigadeId))
    .where(and(inScope, isNotNull(cases.penaltyKind), gte(cases.decidedOn, from), lte(cases.decidedOn, to)));
  const byUnit = new Map<string, string>();
  for (const r of [...inspected, ...penalised]) byUnit.set(r.unitId, r.brigadeId);
  return [...byUnit].map(([unitId, brigadeId]) => ({ unitId, brigadeId }));
}

/** The active 纪检 accounts of the subtree (with the inspector an account is linked to, if any). */
export async function auditorsInScope(db: DbOrTx, scopePath: string): Promise<{ id: string; displayName: string; inspectorId: string | null }[]> {
  return db
    .select({ id: accounts.id, displayName: accounts.displayName, inspectorId: accounts.inspectorId })
    .from(accounts)
    .innerJoin(orgs, eq(orgs.id, accounts.orgId))
    .where(and(eq(accounts.role, 'auditor'), sql`${accounts.disabledAt} is null`, sql`${orgs.path} like ${scopePath + '%'}`));
}

/** [inspectorId, unitId] pairs: the inspector was 主办 or 协办 on a task of the unit inspected in [from, to]. */
export async function inspectorsOfUnitsInPeriod(db: DbOrTx, inspectorIds: readonly string[], from: string, to: string): Promise<[string, string][]> {
  if (inspectorIds.length === 0) return [];
  const out: [string, string][] = [];
  for (const inspectorId of inspectorIds) {
    const rows = await db
      .selectDistinct({ unitId: tasks.unitId })
      .from(inspectionHistory)
      .innerJoin(tasks, eq(tasks.id, inspectionHistory.taskId))
      .where(
        and(
          gte(inspectionHistory.inspectedOn, from),
          lte(inspectionHistory.inspectedOn, to),
          or(sql`${tasks.leadIds} @> array[${inspectorId}]::uuid[]`, sql`${tasks.assistantIds} @> array[${inspectorId}]::uuid[]`),
        ),
      );
    for (const r of rows) out.push([inspectorId, r.unitId]);
  }
  return out;
}

export async function orgNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function accountNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(inArray(accounts.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findCallbackRound(db: DbOrTx, id: string, forUpdate = false) {
  const q = db.select({ round: callbackRounds, org: orgs }).from(callbackRounds).innerJoin(orgs, eq(orgs.id, callbackRounds.orgId)).where(eq(callbackRounds.id, id));
  const [row] = forUpdate ? await q.for('update', { of: callbackRounds }) : await q;
  return row;
}

/** The rounds of the subtree (null: all), newest first. */
export async function listCallbackRounds(db: DbOrTx, scopePath: string | null) {
  return db
    .select({
      id: callbackRounds.id,
      code: callbackRounds.code,
      quarter: callbackRounds.quarter,
      status: callbackRounds.status,
      orgId: callbackRounds.orgId,
      orgName: orgs.name,
      manifestHash: callbackRounds.manifestHash,
      resultHash: callbackRounds.resultHash,
      frozenAt: callbackRounds.frozenAt,
      voidReason: callbackRounds.voidReason,
    })
    .from(callbackRounds)
    .innerJoin(orgs, eq(orgs.id, callbackRounds.orgId))
    .where(scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined)
    .orderBy(desc(callbackRounds.frozenAt))
    .limit(200);
}

/** How many rounds the org has frozen for the quarter (voided ones included): numbers a new round's code. */
export async function countRoundsOfQuarter(db: DbOrTx, orgId: string, quarter: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(callbackRounds)
    .where(and(eq(callbackRounds.orgId, orgId), eq(callbackRounds.quarter, quarter)));
  return row?.n ?? 0;
}

/** `source\u0000ref` of every external value named by a voided round of the org and quarter. */
export async function externalRefsOfVoidedRounds(db: DbOrTx, orgId: string, quarter: string): Promise<Set<string>> {
  const rows = await db
    .select({ external: sql<{ source: string; ref: string }[]>`${callbackRounds.manifest} -> 'external'` })
    .from(callbackRounds)
    .where(and(eq(callbackRounds.orgId, orgId), eq(callbackRounds.quarter, quarter), eq(callbackRounds.status, 'voided')));
  return new Set(rows.flatMap((r) => r.external.map((e) => `${e.source}\u0000${e.ref}`)));
}

export async function lockOrg(tx: Tx, orgId: string): Promise<void> {
  await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, orgId)).for('update');
}

/** A frozen round, or undefined when the org already has a live round for the quarter. */
export async function insertCallbackRound(tx: Tx, values: typeof callbackRounds.$inferInsert): Promise<string | undefined> {
  const [row] = await tx.insert(callbackRounds).values(values).onConflictDoNothing().returning({ id: callbackRounds.id });
  return row?.id;
}

export async function updateCallbackRound(tx: Tx, id: string, patch: Partial<typeof callbackRounds.$inferInsert>): Promise<void> {
  await tx.update(callbackRounds).set(patch).where(eq(callbackRounds.id, id));
}

export async function listCallbackExternalEntries(db: DbOrTx, roundId: string) {
  return db.select().from(callbackExternalEntries).where(eq(callbackExternalEntries.roundId, roundId)).orderBy(asc(callbackExternalEntries.enteredAt), asc(callbackExternalEntries.id));
}

export async function insertCallbackExternalEntry(tx: Tx, values: typeof callbackExternalEntries.$inferInsert): Promise<void> {
  await tx.insert(callbackExternalEntries).values(values);
}

export async function insertCallbackUnits(tx: Tx, rows: readonly (typeof callbackUnits.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(callbackUnits).values(rows.slice(i, i + 500));
}

export async function updateCallbackUnit(tx: Tx, id: string, patch: Partial<typeof callbackUnits.$inferInsert>): Promise<void> {
  await tx.update(callbackUnits).set(patch).where(eq(callbackUnits.id, id));
}

/** Cancels a voided round's units not yet called; returns how many. */
export async function cancelOpenCallbackUnits(tx: Tx, roundId: string): Promise<number> {
  const rows = await tx
    .update(callbackUnits)
    .set({ status: 'cancelled' })
    .where(and(eq(callbackUnits.roundId, roundId), eq(callbackUnits.status, 'open')))
    .returning({ id: callbackUnits.id });
  return rows.length;
}

export async function findCallbackUnit(db: DbOrTx, id: string, forUpdate = false) {
  const q = db.select().from(callbackUnits).where(eq(callbackUnits.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** The round's units with the unit's name and phone-free address, and the brigade's name. */
export async function listCallbackUnits(db: DbOrTx, roundId: string) {
  return db
    .select({ cu: callbackUnits, unitName: units.name, unitAddress: units.address, contactName: units.contactName, contactPhone: units.contactPhone, brigadeName: orgs.name })
    .from(callbackUnits)
    .innerJoin(units, eq(units.id, callbackUnits.unitId))
    .innerJoin(orgs, eq(orgs.id, callbackUnits.brigadeId))
    .where(eq(callbackUnits.roundId, roundId))
    .orderBy(asc(orgs.name), asc(callbackUnits.rank), asc(callbackUnits.createdAt));
}

/** Every record of the round's units, oldest first (the last one per unit is in force). */
export async function listCallbackRecords(db: DbOrTx, roundId: string) {
  return db
    .select({ record: callbackRecords })
    .from(callbackRecords)
    .innerJoin(callbackUnits, eq(callbackUnits.id, callbackRecords.callbackUnitId))
    .where(eq(callbackUnits.roundId, roundId))
    .orderBy(asc(callbackRecords.recordedAt), asc(callbackRecords.id));
}

export async function insertCallbackRecord(tx: Tx, values: typeof callbackRecords.$inferInsert): Promise<void> {
  await tx.insert(callbackRecords).values(values);
}

/** Complaints from the unit pages about visits of the subtree in [from, to]. */
export async function complaintsInPeriod(db: DbOrTx, scopePath: string | null, from: Date, to: Date) {
  return db
    .select({ orgId: conductComplaints.orgId, submittedAt: conductComplaints.submittedAt })
    .from(conductComplaints)
    .innerJoin(orgs, eq(orgs.id, conductComplaints.orgId))
    .where(and(scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined, gte(conductComplaints.submittedAt, from), sql`${conductComplaints.submittedAt} < ${to}`));
}

/** Visit ratings from the unit pages of the subtree in [from, to). */
export async function ratingsInPeriod(db: DbOrTx, scopePath: string | null, from: Date, to: Date) {
  return db
    .select({ orgId: visitRatings.orgId, score: visitRatings.score })
    .from(visitRatings)
    .innerJoin(orgs, eq(orgs.id, visitRatings.orgId))
    .where(and(scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined, gte(visitRatings.submittedAt, from), sql`${visitRatings.submittedAt} < ${to}`));
}

// ---------------------------------------------------------------------------------------------------------------
// 异常线索
// ---------------------------------------------------------------------------------------------------------------

const voider = alias(accounts, 'voider');

/** Voided plan draws of the subtree, newest first. */
export async function voidedDraws(db: DbOrTx, scopePath: string | null, limit: number) {
  return db
    .select({ id: draws.id, code: draws.code, orgName: orgs.name, voidedAt: draws.voidedAt, voidReason: draws.voidReason, voidedBy: voider.displayName, executedAt: draws.executedAt })
    .from(draws)
    .innerJoin(orgs, eq(orgs.id, draws.orgId))
    .leftJoin(voider, eq(voider.id, draws.voidedBy))
    .where(and(eq(draws.status, 'voided'), scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined))
    .orderBy(desc(draws.voidedAt))
    .limit(limit);
}

/** 递补 (unit or inspector replaced) of draws of the subtree since `from`, with who made them. */
export async function replacementsSince(db: DbOrTx, scopePath: string | null, from: Date) {
  return db
    .select({ by: taskChanges.by, byName: accounts.displayName, at: taskChanges.at, kind: taskChanges.kind, taskId: taskChanges.taskId, drawCode: draws.code, reason: taskChanges.reason })
    .from(taskChanges)
    .innerJoin(draws, eq(draws.id, taskChanges.drawId))
    .innerJoin(orgs, eq(orgs.id, draws.orgId))
    .leftJoin(accounts, eq(accounts.id, taskChanges.by))
    .where(and(ne(taskChanges.kind, 'cancelled'), gte(taskChanges.at, from), scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined))
    .orderBy(desc(taskChanges.at))
    .limit(5000);
}

/** Draws of the subtree frozen since `from`, with their org's path (for matching inspectors of the subtree). */
export async function drawsFrozenSince(db: DbOrTx, scopePath: string | null, from: Date) {
  return db
    .select({ id: draws.id, code: draws.code, frozenAt: draws.frozenAt, orgPath: orgs.path, orgName: orgs.name })
    .from(draws)
    .innerJoin(orgs, eq(orgs.id, draws.orgId))
    .where(and(gte(draws.frozenAt, from), scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined))
    .orderBy(desc(draws.frozenAt))
    .limit(500);
}

/** Freezes and 回避 of inspectors of the subtree registered since `from`. */
export async function barsRegisteredSince(db: DbOrTx, scopePath: string | null, from: Date) {
  const creator = alias(accounts, 'creator');
  const inScope = scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined;
  const frozen = await db
    .select({ id: inspectorAvailability.id, inspectorId: inspectors.id, inspectorName: inspectors.name, orgPath: orgs.path, createdAt: inspectorAvailability.createdAt, reason: inspectorAvailability.reason, createdBy: creator.displayName })
    .from(inspectorAvailability)
    .innerJoin(inspectors, eq(inspectors.id, inspectorAvailability.inspectorId))
    .innerJoin(orgs, eq(orgs.id, inspectors.orgId))
    .leftJoin(creator, eq(creator.id, inspectorAvailability.createdBy))
    .where(and(eq(inspectorAvailability.kind, 'frozen'), gte(inspectorAvailability.createdAt, from), inScope))
    .limit(2000);
  const recused = await db
    .select({ id: recusals.id, inspectorId: inspectors.id, inspectorName: inspectors.name, orgPath: orgs.path, createdAt: recusals.createdAt, reason: recusals.reason, createdBy: creator.displayName, unitName: units.name })
    .from(recusals)
    .innerJoin(inspectors, eq(inspectors.id, recusals.inspectorId))
    .innerJoin(orgs, eq(orgs.id, inspectors.orgId))
    .innerJoin(units, eq(units.id, recusals.unitId))
    .leftJoin(creator, eq(creator.id, recusals.createdBy))
    .where(and(gte(recusals.createdAt, from), inScope))
    .limit(2000);
  return { frozen, recused };
}

/** Corrections (version ≥ 2) of inspection records of tasks of the subtree since `from`, newest first. */
export async function recordCorrectionsSince(db: DbOrTx, scopePath: string | null, from: Date, limit: number) {
  const rows = await db
    .select({
      id: inspectionRecords.id,
      taskId: inspectionRecords.taskId,
      correctsId: inspectionRecords.correctsId,
      version: inspectionRecords.version,
      reason: inspectionRecords.correctionReason,
      body: inspectionRecords.body,
      submittedAt: inspectionRecords.submittedAt,
      byName: accounts.displayName,
      unitName: units.name,
      orgName: orgs.name,
    })
    .from(inspectionRecords)
    .innerJoin(tasks, eq(tasks.id, inspectionRecords.taskId))
    .innerJoin(orgs, eq(orgs.id, tasks.orgId))
    .innerJoin(units, eq(units.id, tasks.unitId))
    .leftJoin(accounts, eq(accounts.id, inspectionRecords.submittedBy))
    .where(and(isNotNull(inspectionRecords.correctsId), gte(inspectionRecords.submittedAt, from), scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined))
    .orderBy(desc(inspectionRecords.submittedAt))
    .limit(limit);
  const earlierIds = rows.flatMap((r) => (r.correctsId ? [r.correctsId] : []));
  const earlier =
    earlierIds.length === 0
      ? []
      : await db.select({ id: inspectionRecords.id, body: inspectionRecords.body, submittedAt: inspectionRecords.submittedAt }).from(inspectionRecords).where(anyUuidOf(inspectionRecords.id, earlierIds));
  const byId = new Map(earlier.map((e) => [e.id, e]));
  return rows.map((r) => ({ ...r, corrected: r.correctsId ? byId.get(r.correctsId) : undefined }));
}

import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { anyOf, anyUuidOf } from './sql-helpers.ts';
import {
  annualPlans,
  checkItems,
  checkItemVersions,
  draws,
  externalPeople,
  inspectionHistory,
  inspectionRecords,
  inspectors,
  monthlyPlans,
  orgs,
  outboxMessages,
  recordConfirmations,
  specialCampaigns,
  storedFiles,
  tasks,
  units,
} from './schema.ts';

export type OutboxMessageRow = typeof outboxMessages.$inferSelect;
export type InspectionRecordRow = typeof inspectionRecords.$inferSelect;
export type RecordConfirmationRow = typeof recordConfirmations.$inferSelect;

const OPEN = ['assigned', 'notified', 'in_progress'] as const;

/**
 * The tasks an inspector is on (lead or assistant) for the device: every open task of an executed draw whose period
 * has begun by `until` and every open 复查 task, the tasks whose latest record was submitted since `since` (today's done ones), and — for the
 * 协办 — those whose latest record still waits for the 协办's confirmation on their own device, whenever it was sent.
 */
export async function listFieldTaskRows(db: DbOrTx, inspectorId: string, window: { until: string; since: Date }) {
  const onTask = or(sql`${tasks.leadIds} @> array[${inspectorId}]::uuid[]`, sql`${tasks.assistantIds} @> array[${inspectorId}]::uuid[]`);
  const recentRecord = sql`exists (select 1 from ${inspectionRecords} r where r.task_id = ${tasks.id} and r.submitted_at >= ${window.since.toISOString()}::timestamptz)`;
  // The task's latest record waits for this inspector's confirmation as 协办 (signed elsewhere later), whatever its day.
  const awaitingMyConfirmation = sql`(${tasks.assistantIds} @> array[${inspectorId}]::uuid[] and exists (
    select 1 from ${inspectionRecords} r
    where r.task_id = ${tasks.id} and r.signatures->'assistant' = 'null'::jsonb
      and not exists (select 1 from ${inspectionRecords} n where n.task_id = r.task_id and n.version > r.version)
      and not exists (select 1 from ${recordConfirmations} c where c.record_id = r.id)))`;
  return db
    .select({ task: tasks, unit: units, drawCode: draws.code, periodStart: draws.periodStart, orgName: orgs.name })
    .from(tasks)
    .leftJoin(draws, eq(draws.id, tasks.drawId))
    .innerJoin(units, eq(units.id, tasks.unitId))
    .innerJoin(orgs, eq(orgs.id, tasks.orgId))
    .where(
      and(
        onTask,
        // A 复查 task has no draw: it is open from the day it is made.
        or(eq(tasks.kind, 'reinspection'), eq(draws.status, 'executed')),
        or(
          and(inArray(tasks.status, [...OPEN]), or(eq(tasks.kind, 'reinspection'), lte(draws.periodStart, window.until))),
          and(inArray(tasks.status, ['done', 'unable']), recentRecord),
          and(inArray(tasks.status, ['done', 'unable', 'closed']), awaitingMyConfirmation),
        ),
      ),
    )
    .orderBy(asc(tasks.dueDate), asc(units.name))
    .limit(500);
}

/** Inspectors by id with their 执法证号 (the field bundle's people). */
export async function findFieldPeople(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: inspectors.id, name: inspectors.name, certificateNo: inspectors.certificateNo })
    .from(inspectors)
    .where(inArray(inspectors.id, [...new Set(ids)]));
}

/** The active experts and other departments' staff of these orgs (joint-inspection choices). */
export async function listExternalChoices(db: DbOrTx, orgIds: readonly string[]) {
  if (orgIds.length === 0) return [];
  return db
    .select({ id: externalPeople.id, orgId: externalPeople.orgId, name: externalPeople.name, organization: externalPeople.organization })
    .from(externalPeople)
    .where(and(anyUuidOf(externalPeople.orgId, orgIds), eq(externalPeople.active, true)))
    .orderBy(asc(externalPeople.name));
}

/** The external people among `ids` that belong to `orgId` (a record's joint staff). */
export async function findExternalPeopleOfOrg(db: DbOrTx, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: externalPeople.id, name: externalPeople.name, organization: externalPeople.organization })
    .from(externalPeople)
    .where(and(eq(externalPeople.orgId, orgId), anyUuidOf(externalPeople.id, ids)));
}

/** The units' inspections, newest first (the bundle shows the last few). */
export async function listInspectionsOfUnits(db: DbOrTx, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({ unitId: inspectionHistory.unitId, inspectedOn: inspectionHistory.inspectedOn, kind: inspectionHistory.kind, taskId: inspectionHistory.taskId })
    .from(inspectionHistory)
    .where(anyUuidOf(inspectionHistory.unitId, unitIds))
    .orderBy(desc(inspectionHistory.inspectedOn))
    .limit(2000);
}

/** The 抽查事项 codes a draw's tasks are checked against: its monthly plan's annual plan, or its campaign. */
export async function checkItemCodesOfDraws(db: DbOrTx, drawIds: readonly string[]): Promise<Map<string, { codes: string[]; kind: 'monthly_plan' | 'campaign' }>> {
  if (drawIds.length === 0) return new Map();
  const rows = await db
    .select({ drawId: draws.id, annual: annualPlans.settings, campaign: specialCampaigns.settings })
    .from(draws)
    .leftJoin(monthlyPlans, eq(monthlyPlans.id, draws.monthlyPlanId))
    .leftJoin(annualPlans, eq(annualPlans.id, monthlyPlans.annualPlanId))
    .leftJoin(specialCampaigns, eq(specialCampaigns.id, draws.campaignId))
    .where(anyUuidOf(draws.id, drawIds));
  return new Map(
    rows.map((r) => [
      r.drawId,
      r.campaign ? { codes: r.campaign.checkItemCodes, kind: 'campaign' as const } : { codes: r.annual?.checkItemCodes ?? [], kind: 'monthly_plan' as const },
    ]),
  );
}

/** Every published version of the items with these codes (withdrawn items left out), newest version first. */
export async function listPublishedVersionsOfItems(db: DbOrTx, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db
    .select({
      versionId: checkItemVersions.id,
      itemId: checkItems.id,
      itemCode: checkItems.code,
      sortOrder: checkItems.sortOrder,
      version: checkItemVersions.version,
      name: checkItemVersions.name,
      checklist: checkItemVersions.checklist,
    })
    .from(checkItemVersions)
    .innerJoin(checkItems, eq(checkItems.id, checkItemVersions.itemId))
    .where(and(anyOf(checkItems.code, codes), eq(checkItemVersions.status, 'published'), isNull(checkItems.withdrawnAt)))
    .orderBy(asc(checkItems.sortOrder), asc(checkItems.code), desc(checkItemVersions.version));
}

// ---------- outbox ----------

export async function insertOutboxMessage(tx: Tx, values: typeof outboxMessages.$inferInsert): Promise<OutboxMessageRow> {
  const [row] = await tx.insert(outboxMessages).values(values).returning();
  return row!;
}

/** Whether a short code is taken (codes are random; a clash is tried again). */
export async function isShortCodeTaken(db: DbOrTx, code: string): Promise<boolean> {
  const [row] = await db.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.shortCode, code));
  return row !== undefined;
}

/** The latest message of each task (the notice's state on the task views). */
export async function latestMessagesOfTasks(db: DbOrTx, taskIds: readonly string[]): Promise<Map<string, OutboxMessageRow>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([outboxMessages.taskId])
    .from(outboxMessages)
    .where(anyUuidOf(outboxMessages.taskId, taskIds))
    .orderBy(outboxMessages.taskId, desc(outboxMessages.createdAt), desc(outboxMessages.id));
  return new Map(rows.map((r) => [r.taskId!, r]));
}

export async function updateOutboxMessage(db: DbOrTx, id: string, patch: Partial<typeof outboxMessages.$inferInsert>): Promise<void> {
  await db.update(outboxMessages).set(patch).where(eq(outboxMessages.id, id));
}

/** Messages of the orgs in scope (null: all), newest first, one page, with the task's unit name. */
export async function listOutboxMessages(db: DbOrTx, filter: { scopePath: string | null; state?: string | undefined; limit: number; offset: number }) {
  const c = [
    filter.scopePath ? sql`${orgs.path} like ${filter.scopePath + '%'}` : undefined,
    filter.state ? eq(outboxMessages.state, filter.state as OutboxMessageRow['state']) : undefined,
  ];
  const rows = await db
    .select({ message: outboxMessages, unitName: units.name })
    .from(outboxMessages)
    .innerJoin(orgs, eq(orgs.id, outboxMessages.orgId))
    .leftJoin(tasks, eq(tasks.id, outboxMessages.taskId))
    .leftJoin(units, eq(units.id, tasks.unitId))
    .where(and(...c))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(outboxMessages)
    .innerJoin(orgs, eq(orgs.id, outboxMessages.orgId))
    .where(and(...c));
  return { rows, total: count?.n ?? 0 };
}

/** A pre-notice by its short code, with what the public page shows: brigade, unit, the task's status. */
export async function findNoticeByCode(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ message: outboxMessages, brigadeName: orgs.name, unitName: units.name, taskStatus: tasks.status, taskVisitDate: tasks.visitDate })
    .from(outboxMessages)
    .innerJoin(orgs, eq(orgs.id, outboxMessages.orgId))
    .innerJoin(tasks, eq(tasks.id, outboxMessages.taskId))
    .innerJoin(units, eq(units.id, tasks.unitId))
    .where(eq(outboxMessages.shortCode, code));
  return row;
}

// ---------- records ----------

export async function findRecord(db: DbOrTx, id: string): Promise<InspectionRecordRow | undefined> {
  const [row] = await db.select().from(inspectionRecords).where(eq(inspectionRecords.id, id));
  return row;
}

/** The latest record (highest version) of each task. */
export async function latestRecordsOfTasks(db: DbOrTx, taskIds: readonly string[]): Promise<Map<string, InspectionRecordRow>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([inspectionRecords.taskId])
    .from(inspectionRecords)
    .where(anyUuidOf(inspectionRecords.taskId, taskIds))
    .orderBy(inspectionRecords.taskId, desc(inspectionRecords.version));
  return new Map(rows.map((r) => [r.taskId, r]));
}

export async function insertRecord(tx: Tx, values: typeof inspectionRecords.$inferInsert): Promise<void> {
  await tx.insert(inspectionRecords).values(values);
}

export async function listConfirmations(db: DbOrTx, recordIds: readonly string[]): Promise<RecordConfirmationRow[]> {
  if (recordIds.length === 0) return [];
  return db.select().from(recordConfirmations).where(anyUuidOf(recordConfirmations.recordId, recordIds));
}

/** Inserts a confirmation; false when this inspector already confirmed the record. */
export async function insertConfirmation(tx: Tx, values: typeof recordConfirmations.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(recordConfirmations).values(values).onConflictDoNothing().returning({ id: recordConfirmations.recordId });
  return rows.length > 0;
}

/** Records in scope (by the task's org path), filtered, newest first, one page, with the unit and draw. */
export async function listRecords(
  db: DbOrTx,
  filter: {
    scopePath: string | null;
    taskId?: string | undefined;
    unitId?: string | undefined;
    inspectorId?: string | undefined;
    outcome?: InspectionRecordRow['outcome'] | undefined;
    limit: number;
    offset: number;
  },
) {
  const c = [
    filter.outcome ? eq(inspectionRecords.outcome, filter.outcome) : undefined,
    filter.scopePath ? sql`${orgs.path} like ${filter.scopePath + '%'}` : undefined,
    filter.taskId ? eq(inspectionRecords.taskId, filter.taskId) : undefined,
    filter.unitId ? eq(tasks.unitId, filter.unitId) : undefined,
    filter.inspectorId
      ? or(sql`${tasks.leadIds} @> array[${filter.inspectorId}]::uuid[]`, sql`${tasks.assistantIds} @> array[${filter.inspectorId}]::uuid[]`)
      : undefined,
  ];
  const base = () =>
    db
      .select({ record: inspectionRecords, unitName: units.name, unitId: units.id, drawCode: draws.code, orgPath: orgs.path })
      .from(inspectionRecords)
      .innerJoin(tasks, eq(tasks.id, inspectionRecords.taskId))
      .innerJoin(units, eq(units.id, tasks.unitId))
      .leftJoin(draws, eq(draws.id, tasks.drawId))
      .innerJoin(orgs, eq(orgs.id, tasks.orgId));
  const rows = await base()
    .where(and(...c))
    .orderBy(desc(inspectionRecords.submittedAt), desc(inspectionRecords.version), desc(inspectionRecords.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inspectionRecords)
    .innerJoin(tasks, eq(tasks.id, inspectionRecords.taskId))
    .innerJoin(orgs, eq(orgs.id, tasks.orgId))
    .where(and(...c));
  return { rows, total: count?.n ?? 0 };
}

/** One record with its task's unit, draw and org path (scope). */
export async function findRecordDetail(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ record: inspectionRecords, task: tasks, unitName: units.name, drawCode: draws.code, orgPath: orgs.path })
    .from(inspectionRecords)
    .innerJoin(tasks, eq(tasks.id, inspectionRecords.taskId))
    .innerJoin(units, eq(units.id, tasks.unitId))
    .leftJoin(draws, eq(draws.id, tasks.drawId))
    .innerJoin(orgs, eq(orgs.id, tasks.orgId))
    .where(eq(inspectionRecords.id, id));
  return row;
}

/** The hashes among `sha256s` that no stored file has. */
export async function missingFiles(db: DbOrTx, sha256s: readonly string[]): Promise<string[]> {
  const unique = [...new Set(sha256s)];
  if (unique.length === 0) return [];
  const rows = await db.select({ sha256: storedFiles.sha256 }).from(storedFiles).where(anyOf(storedFiles.sha256, unique));
  const held = new Set(rows.map((r) => r.sha256));
  return unique.filter((s) => !held.has(s));
}

/** How many files and bytes an account uploaded since `since` (the hourly upload limit). */
export async function uploadsOfAccountSince(db: DbOrTx, accountId: string, since: Date): Promise<{ files: number; bytes: number }> {
  const [row] = await db
    .select({ files: sql<number>`count(*)::int`, bytes: sql<number>`coalesce(sum(${storedFiles.byteSize}), 0)::bigint` })
    .from(storedFiles)
    .where(and(eq(storedFiles.createdBy, accountId), gte(storedFiles.createdAt, since)));
  return { files: row?.files ?? 0, bytes: Number(row?.bytes ?? 0) };
}

// ---------- units and history (a record's consequences) ----------

export async function insertInspectionHistory(tx: Tx, values: typeof inspectionHistory.$inferInsert): Promise<void> {
  await tx.insert(inspectionHistory).values(values);
}

/** Removes the history row a task's earlier record wrote (a correction to 无法检查, or to another visit day). */
export async function deleteInspectionHistoryOfTask(tx: Tx, taskId: string): Promise<void> {
  await tx.delete(inspectionHistory).where(and(eq(inspectionHistory.taskId, taskId), eq(inspectionHistory.source, 'task')));
}

/** Flags a unit 待核实 unless it already is; true when it was flagged now. */
export async function flagUnitForReview(tx: Tx, unitId: string, reason: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(units)
    .set({ flaggedAt: now, flagReason: reason, updatedAt: now })
    .where(and(eq(units.id, unitId), isNull(units.flaggedAt)))
    .returning({ id: units.id });
  return rows.length > 0;
}

/** Pending messages due at `now`, oldest first (ids only: each is then leased one by one). */
export async function listDueMessageIds(db: DbOrTx, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.state, 'pending'), lte(outboxMessages.nextAttemptAt, now)))
    .orderBy(asc(outboxMessages.nextAttemptAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Leases a due message for one send: moves its next attempt to `leaseUntil` and counts the attempt, unless another
 * dispatcher took it first (then undefined). A dispatcher that dies mid-send leaves it to be tried after the lease.
 */
export async function leaseMessage(db: DbOrTx, id: string, now: Date, leaseUntil: Date): Promise<OutboxMessageRow | undefined> {
  const [row] = await db
    .update(outboxMessages)
    .set({ nextAttemptAt: leaseUntil, attempts: sql`${outboxMessages.attempts} + 1`, updatedAt: now })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.state, 'pending'), lte(outboxMessages.nextAttemptAt, now)))
    .returning();
  return row;
}

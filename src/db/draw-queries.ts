import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { readTogether, type DbOrTx, type Tx } from './client.ts';
import type { ExternalReference, ManifestStratum, StratumResult, TaskResult } from '../domain/draw/draw-types.ts';
import { anyUuidOf } from './sql-helpers.ts';
import {
  drawExternalEntries,
  drawObservers,
  draws,
  inspectors,
  monthlyPlans,
  orgs,
  recusals,
  specialCampaigns,
  taskChanges,
  tasks,
  units,
} from './schema.ts';

export type DrawRow = typeof draws.$inferSelect;

/** Tasks not yet inspected (src/domain/tasks/task-lifecycle.ts OPEN_TASK_STATUSES). */
const OPEN_STATUSES = ['assigned', 'notified', 'in_progress'] as const;
export type TaskRow = typeof tasks.$inferSelect;
export type DrawWithOrg = { draw: DrawRow; org: typeof orgs.$inferSelect };

export async function findDraw(db: DbOrTx, id: string, forUpdate = false): Promise<DrawWithOrg | undefined> {
  const q = db.select({ draw: draws, org: orgs }).from(draws).innerJoin(orgs, eq(orgs.id, draws.orgId)).where(eq(draws.id, id));
  const [row] = forUpdate ? await q.for('update', { of: draws }) : await q;
  return row;
}

export async function findDrawByCode(db: DbOrTx, code: string): Promise<DrawWithOrg | undefined> {
  const [row] = await db
    .select({ draw: draws, org: orgs })
    .from(draws)
    .innerJoin(orgs, eq(orgs.id, draws.orgId))
    .where(eq(draws.code, code));
  return row;
}

export async function listDraws(db: DbOrTx, filter: { scopePath: string | null; publicOnly?: boolean }) {
  const c = [filter.scopePath ? sql`${orgs.path} like ${filter.scopePath + '%'}` : undefined];
  return db
    .select({
      draw: {
        id: draws.id,
        code: draws.code,
        status: draws.status,
        manifestHash: draws.manifestHash,
        monthlyPlanId: draws.monthlyPlanId,
        campaignId: draws.campaignId,
        frozenAt: draws.frozenAt,
        executedAt: draws.executedAt,
        voidedAt: draws.voidedAt,
        dueDate: draws.dueDate,
      },
      org: { id: orgs.id, name: orgs.name },
      planYear: monthlyPlans.year,
      planMonth: monthlyPlans.month,
      campaignName: specialCampaigns.name,
    })
    .from(draws)
    .innerJoin(orgs, eq(orgs.id, draws.orgId))
    .leftJoin(monthlyPlans, eq(monthlyPlans.id, draws.monthlyPlanId))
    .leftJoin(specialCampaigns, eq(specialCampaigns.id, draws.campaignId))
    .where(and(...c))
    .orderBy(desc(draws.frozenAt))
    .limit(500);
}

/** `source\u0000ref` of every external value named by a voided draw of the plan (a live one blocks a new draw anyway). */
export async function externalRefsOfEarlierDraws(
  db: DbOrTx,
  plan: { monthlyPlanId: string | null; campaignId: string | null },
): Promise<Set<string>> {
  const rows = await db
    .select({ external: sql<{ source: string; ref: string }[]>`${draws.manifest} -> 'external'` })
    .from(draws)
    .where(
      and(eq(draws.status, 'voided'), plan.monthlyPlanId ? eq(draws.monthlyPlanId, plan.monthlyPlanId) : eq(draws.campaignId, plan.campaignId!)),
    );
  return new Set(rows.flatMap((r) => r.external.map((e) => `${e.source}\u0000${e.ref}`)));
}

export async function unitNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(anyUuidOf(units.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Locks the org's row for numbering its next draw: two freezes in one org at once count and number their draws
 * one after the other instead of both taking the same code.
 */
export async function lockOrgForNumbering(tx: Tx, orgId: string): Promise<void> {
  await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, orgId)).for('update');
}

/** How many draws the org has made (call {@link lockOrgForNumbering} first when numbering a new one). */
export async function countDrawsOfOrg(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(draws)
    .where(eq(draws.orgId, orgId));
  return row?.n ?? 0;
}

export async function listObservers(db: DbOrTx, drawId: string) {
  return db.select().from(drawObservers).where(eq(drawObservers.drawId, drawId)).orderBy(asc(drawObservers.observerId));
}

export async function listExternalEntries(db: DbOrTx, drawId: string) {
  return db
    .select()
    .from(drawExternalEntries)
    .where(eq(drawExternalEntries.drawId, drawId))
    .orderBy(asc(drawExternalEntries.enteredAt));
}

/** 回避 declarations of these inspectors in force on any day of [from, to] (not revoked). */
export async function loadRecusalsInPeriod(db: DbOrTx, inspectorIds: readonly string[], from: string, to: string) {
  if (inspectorIds.length === 0) return [];
  return db
    .select({
      inspectorId: recusals.inspectorId,
      unitId: recusals.unitId,
      validFrom: recusals.validFrom,
      validTo: recusals.validTo,
    })
    .from(recusals)
    .where(
      and(
        inArray(recusals.inspectorId, [...inspectorIds]),
        isNull(recusals.revokedAt),
        sql`${recusals.validFrom} <= ${to}`,
        or(isNull(recusals.validTo), sql`${recusals.validTo} >= ${from}`),
      ),
    );
}

/** Each unit's most recent task lead(s) from earlier draws that were not voided: the previous 主办. */
export async function loadPreviousLeads(db: DbOrTx, unitIds: readonly string[]): Promise<Map<string, string[]>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .select({ unitId: tasks.unitId, leadIds: tasks.leadIds, createdAt: tasks.createdAt })
    .from(tasks)
    .innerJoin(draws, eq(draws.id, tasks.drawId))
    .where(and(ne(draws.status, 'voided'), ne(tasks.status, 'cancelled'), anyUuidOf(tasks.unitId, unitIds)))
    .orderBy(desc(tasks.createdAt));
  const map = new Map<string, string[]>();
  for (const r of rows) if (!map.has(r.unitId)) map.set(r.unitId, r.leadIds);
  return map;
}

/**
 * Units with an open task (drawn, not yet done): PENDING_TASK in eligibility; and those of them with an open
 * task due in `year`, which count as covered that year. A 复查 task (kind 'reinspection') is neither: it follows a
 * notice, it is not a draw's task.
 */
export async function loadPendingUnitIds(
  db: DbOrTx,
  brigadeIds: readonly string[],
  year: number,
): Promise<{ pending: Set<string>; coveringYear: Set<string> }> {
  const pending = new Set<string>();
  const coveringYear = new Set<string>();
  if (brigadeIds.length === 0) return { pending, coveringYear };
  const rows = await db
    .select({ unitId: tasks.unitId, dueDate: tasks.dueDate })
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.unitId))
    .where(and(eq(tasks.kind, 'draw'), inArray(tasks.status, [...OPEN_STATUSES]), inArray(units.brigadeId, [...brigadeIds])));
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const r of rows) {
    pending.add(r.unitId);
    if (r.dueDate.startsWith(prefix)) coveringYear.add(r.unitId);
  }
  return { pending, coveringYear };
}

export async function listTasksOfDraw(db: DbOrTx, drawId: string) {
  return db
    .select({ task: tasks, unitName: units.name, unitUscc: units.uscc, unitAddress: units.address, orgName: orgs.name })
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.unitId))
    .innerJoin(orgs, eq(orgs.id, tasks.orgId))
    .where(eq(tasks.drawId, drawId))
    .orderBy(asc(tasks.stratum), asc(tasks.rank));
}

export async function listTaskChanges(db: DbOrTx, drawId: string) {
  return db.select().from(taskChanges).where(eq(taskChanges.drawId, drawId)).orderBy(asc(taskChanges.at));
}

/** A task with its org, and its draw (null for a 复查 task, which no draw made). */
export async function findTask(db: DbOrTx, id: string, forUpdate = false) {
  const q = db
    .select({ task: tasks, draw: draws, org: orgs })
    .from(tasks)
    .leftJoin(draws, eq(draws.id, tasks.drawId))
    .innerJoin(orgs, eq(orgs.id, tasks.orgId))
    .where(eq(tasks.id, id));
  const [row] = forUpdate ? await q.for('update', { of: tasks }) : await q;
  return row;
}

/** Tasks in a subtree, or those an inspector is on (lead or assistant), newest due date first; 复查 tasks have no draw code. */
export async function listTasks(
  db: DbOrTx,
  filter: { scopePath: string | null; inspectorId?: string; status?: TaskRow['status'] },
) {
  const c = [filter.scopePath ? sql`${orgs.path} like ${filter.scopePath + '%'}` : undefined];
  if (filter.inspectorId)
    c.push(
      or(
        sql`${tasks.leadIds} @> array[${filter.inspectorId}]::uuid[]`,
        sql`${tasks.assistantIds} @> array[${filter.inspectorId}]::uuid[]`,
      ),
    );
  if (filter.status) c.push(eq(tasks.status, filter.status));
  return db
    .select({ task: tasks, unitName: units.name, unitAddress: units.address, orgName: orgs.name, drawCode: draws.code })
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.unitId))
    .innerJoin(orgs, eq(orgs.id, tasks.orgId))
    .leftJoin(draws, eq(draws.id, tasks.drawId))
    .where(and(...c))
    .orderBy(desc(tasks.dueDate), asc(units.name))
    .limit(2000);
}

export async function inspectorNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: inspectors.id, name: inspectors.name })
    .from(inspectors)
    .where(inArray(inspectors.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Per live (not voided) draw of these monthly plans: its code and status, and its tasks by status and overdue. */
export async function monthlyDrawProgress(db: DbOrTx, monthlyPlanIds: readonly string[], today: string) {
  if (monthlyPlanIds.length === 0) return [];
  return db
    .select({
      monthlyPlanId: draws.monthlyPlanId,
      drawId: draws.id,
      code: draws.code,
      status: draws.status,
      total: sql<number>`count(${tasks.id}) filter (where ${tasks.status} not in ('replaced', 'cancelled'))::int`,
      done: sql<number>`count(${tasks.id}) filter (where ${tasks.status} in ('done', 'unable', 'closed'))::int`,
      open: sql<number>`count(${tasks.id}) filter (where ${tasks.status} in ('assigned', 'notified', 'in_progress'))::int`,
      overdue: sql<number>`count(${tasks.id}) filter (where ${tasks.status} in ('assigned', 'notified', 'in_progress') and ${tasks.dueDate} < ${today})::int`,
    })
    .from(draws)
    .leftJoin(tasks, eq(tasks.drawId, draws.id))
    .where(and(ne(draws.status, 'voided'), anyUuidOf(draws.monthlyPlanId, monthlyPlanIds)))
    .groupBy(draws.monthlyPlanId, draws.id, draws.code, draws.status);
}

/** A draw of the monthly plan that is not voided (frozen or executed), if any. */
export async function findLiveDrawOfMonthlyPlan(db: DbOrTx, monthlyPlanId: string): Promise<{ code: string } | undefined> {
  const [row] = await db
    .select({ code: draws.code })
    .from(draws)
    .where(and(eq(draws.monthlyPlanId, monthlyPlanId), ne(draws.status, 'voided')))
    .limit(1);
  return row;
}

/** Each unit's brigade (the org of its task). */
export async function brigadesOfUnits(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: units.id, brigadeId: units.brigadeId }).from(units).where(anyUuidOf(units.id, ids));
  return new Map(rows.map((u) => [u.id, u.brigadeId]));
}

/** A unit's brigade and its path (whose scope a 递补 to this unit falls in). */
export async function findUnitBrigade(db: DbOrTx, unitId: string): Promise<{ brigadeId: string; brigadePath: string } | undefined> {
  const [row] = await db
    .select({ brigadeId: units.brigadeId, brigadePath: orgs.path })
    .from(units)
    .innerJoin(orgs, eq(orgs.id, units.brigadeId))
    .where(eq(units.id, unitId));
  return row;
}

/** The units the draw has tasks for (replaced ones included): an alternate already used is not used again. */
export async function unitIdsWithTasks(db: DbOrTx, drawId: string): Promise<Set<string>> {
  const rows = await db.select({ unitId: tasks.unitId }).from(tasks).where(eq(tasks.drawId, drawId));
  return new Set(rows.map((t) => t.unitId));
}

/** The task a 递补 task replaced (null for a drawn one). */
export async function replacedTaskIdOf(db: DbOrTx, taskId: string): Promise<string | null> {
  const [row] = await db.select({ replacesTaskId: tasks.replacesTaskId }).from(tasks).where(eq(tasks.id, taskId));
  return row?.replacesTaskId ?? null;
}

/** The inspectors replaced (an inspector 递补) on any of these tasks. */
export async function inspectorsReplacedOn(db: DbOrTx, taskIds: readonly string[]): Promise<Set<string>> {
  const rows = await db
    .select({ fromId: taskChanges.fromId })
    .from(taskChanges)
    .where(and(inArray(taskChanges.taskId, [...taskIds]), eq(taskChanges.kind, 'inspector_replaced')));
  return new Set(rows.flatMap((r) => (r.fromId ? [r.fromId] : [])));
}

// Writes, inside the caller's transaction (the use case locks the draw row first).

/** A frozen draw, or undefined when the plan already has a live one (a partial unique index: one per plan). */
export async function insertDraw(tx: Tx, values: typeof draws.$inferInsert): Promise<string | undefined> {
  const [row] = await tx.insert(draws).values(values).onConflictDoNothing().returning({ id: draws.id });
  return row?.id;
}

export async function updateDrawRow(tx: Tx, id: string, patch: Partial<typeof draws.$inferInsert>): Promise<void> {
  await tx.update(draws).set(patch).where(eq(draws.id, id));
}

export async function insertObservers(tx: Tx, rows: readonly (typeof drawObservers.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(drawObservers).values([...rows]);
}

export async function updateObserver(tx: Tx, drawId: string, observerId: string, patch: Partial<typeof drawObservers.$inferInsert>): Promise<void> {
  await tx
    .update(drawObservers)
    .set(patch)
    .where(and(eq(drawObservers.drawId, drawId), eq(drawObservers.observerId, observerId)));
}

export async function insertExternalEntry(tx: Tx, values: typeof drawExternalEntries.$inferInsert): Promise<void> {
  await tx.insert(drawExternalEntries).values(values);
}

/** The tasks of an executed draw, in statements of 500. */
export async function insertTasks(tx: Tx, rows: readonly (typeof tasks.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(tasks).values(rows.slice(i, i + 500));
}

export async function insertTask(tx: Tx, values: typeof tasks.$inferInsert): Promise<string> {
  const [row] = await tx.insert(tasks).values(values).returning({ id: tasks.id });
  return row!.id;
}

export async function updateTaskRow(tx: Tx, id: string, patch: Partial<typeof tasks.$inferInsert>): Promise<void> {
  await tx.update(tasks).set(patch).where(eq(tasks.id, id));
}

/** Cancels the draw's open tasks (a void); returns how many. */
export async function cancelOpenTasks(tx: Tx, drawId: string, now: Date): Promise<number> {
  const rows = await tx
    .update(tasks)
    .set({ status: 'cancelled', updatedAt: now })
    .where(and(eq(tasks.drawId, drawId), inArray(tasks.status, [...OPEN_STATUSES])))
    .returning({ id: tasks.id });
  return rows.length;
}

export async function insertTaskChange(tx: Tx, values: typeof taskChanges.$inferInsert): Promise<void> {
  await tx.insert(taskChanges).values(values);
}

// ---------- the portal's draw page (decision 0035) ----------

/**
 * A draw as its public page heads it: its own columns without the big jsonb ones (the manifest holds every candidate,
 * the result every task), its org's name and whether it has tasks. What the page shows of the manifest comes from
 * {@link manifestOutline}.
 */
export async function findPublicDrawHead(db: DbOrTx, code: string) {
  const [row] = await db
    .select({
      draw: {
        id: draws.id,
        code: draws.code,
        status: draws.status,
        monthlyPlanId: draws.monthlyPlanId,
        campaignId: draws.campaignId,
        manifestHash: draws.manifestHash,
        dueDate: draws.dueDate,
        frozenAt: draws.frozenAt,
        seed: draws.seed,
        resultHash: draws.resultHash,
        executedAt: draws.executedAt,
        voidedAt: draws.voidedAt,
        voidReason: draws.voidReason,
      },
      org: { name: orgs.name },
      hasTasks: sql<boolean>`exists (select 1 from ${tasks} where ${tasks.drawId} = ${draws.id})`,
    })
    .from(draws)
    .innerJoin(orgs, eq(orgs.id, draws.orgId))
    .where(eq(draws.code, code));
  return row;
}
export type PublicDrawHead = NonNullable<Awaited<ReturnType<typeof findPublicDrawHead>>>;

/**
 * What a page shows of a manifest, read by jsonb paths in SQL: its strata and external references (small), and how
 * many candidates, exclusions, inspectors and conflicts it lists (lengths only; the lists stay in the database).
 */
export async function manifestOutline(db: DbOrTx, drawId: string) {
  const [row] = await db
    .select({
      strata: sql<ManifestStratum[]>`${draws.manifest} -> 'strata'`,
      external: sql<ExternalReference[]>`${draws.manifest} -> 'external'`,
      candidates: sql<number>`jsonb_array_length(${draws.manifest} -> 'candidates')`,
      excluded: sql<number>`jsonb_array_length(${draws.manifest} -> 'excluded')`,
      inspectors: sql<number>`jsonb_array_length(${draws.manifest} -> 'inspectors')`,
      conflicts: sql<number>`jsonb_array_length(${draws.manifest} -> 'conflicts')`,
    })
    .from(draws)
    .where(eq(draws.id, drawId));
  return row;
}
export type ManifestOutline = NonNullable<Awaited<ReturnType<typeof manifestOutline>>>;

const inStratum = (drawId: string, stratum: string | undefined) =>
  and(eq(tasks.drawId, drawId), stratum === undefined ? undefined : eq(tasks.stratum, stratum));

/**
 * One page of a draw's tasks, in the order its page lists them (stratum by code units, then rank; the id breaks a tie
 * so that pages neither repeat nor skip a task), with what the portal shows of each.
 */
export async function pageTasksOfDraw(db: DbOrTx, drawId: string, q: { stratum?: string; offset: number; limit: number }) {
  return db
    .select({
      id: tasks.id,
      unitId: tasks.unitId,
      unitName: units.name,
      stratum: tasks.stratum,
      rank: tasks.rank,
      leadIds: tasks.leadIds,
      assistantIds: tasks.assistantIds,
      status: tasks.status,
    })
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.unitId))
    .where(inStratum(drawId, q.stratum))
    .orderBy(sql`${tasks.stratum} collate "C"`, asc(tasks.rank), asc(tasks.id))
    .limit(q.limit)
    .offset(q.offset);
}

export async function countTasksOfDraw(db: DbOrTx, drawId: string, stratum?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tasks)
    .where(inStratum(drawId, stratum));
  return row?.n ?? 0;
}

/** The tasks a draw's result lists and its strata's order (for a draw voided before execution: what it would have made). */
export async function resultTasksOfDraw(db: DbOrTx, drawId: string) {
  const [row] = await db
    .select({
      tasks: sql<TaskResult[] | null>`${draws.result} -> 'tasks'`,
      strata: sql<StratumResult[] | null>`${draws.result} -> 'strata'`,
    })
    .from(draws)
    .where(eq(draws.id, drawId));
  return { tasks: row?.tasks ?? [], strata: row?.strata ?? [] };
}

/** The latest `limit` changes of a draw, in time order, and how many it has in all. */
export async function latestTaskChanges(db: DbOrTx, drawId: string, limit: number) {
  const [rows, [count]] = await readTogether(db, [
    () => db.select().from(taskChanges).where(eq(taskChanges.drawId, drawId)).orderBy(desc(taskChanges.at), desc(taskChanges.id)).limit(limit),
    () => db.select({ n: sql<number>`count(*)::int` }).from(taskChanges).where(eq(taskChanges.drawId, drawId)),
  ]);
  return { changes: rows.reverse(), total: count?.n ?? 0 };
}

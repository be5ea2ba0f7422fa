import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { COUNTED_INSPECTION_KINDS } from '../domain/plans/eligibility-types.ts';
import type { DbOrTx, Tx } from './client.ts';
import {
  accounts,
  annualPlans,
  collaborationZoneMembers,
  inspectionHistory,
  inspectorAvailability,
  inspectorZoneMemberships,
  inspectors,
  monthlyPlans,
  orgs,
  specialCampaigns,
  triggerEvents,
  units,
} from './schema.ts';

export type AnnualPlanRow = typeof annualPlans.$inferSelect;
export type MonthlyPlanRow = typeof monthlyPlans.$inferSelect;
export type CampaignRow = typeof specialCampaigns.$inferSelect;
export type TriggerEventRow = typeof triggerEvents.$inferSelect;
type OrgRow = typeof orgs.$inferSelect;

export type AnnualPlanWithOrg = { plan: AnnualPlanRow; org: OrgRow };
export type MonthlyPlanWithOrg = { plan: MonthlyPlanRow; org: OrgRow; annualName: string; generatedByName: string | null };

const inSubtree = (scopePath: string | null) => (scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined);

export async function listAnnualPlans(
  db: DbOrTx,
  filter: { scopePath: string | null; year?: number | undefined; publishedOnly?: boolean },
): Promise<AnnualPlanWithOrg[]> {
  const c = [inSubtree(filter.scopePath)];
  if (filter.year !== undefined) c.push(eq(annualPlans.year, filter.year));
  if (filter.publishedOnly) c.push(eq(annualPlans.status, 'published'));
  return db
    .select({ plan: annualPlans, org: orgs })
    .from(annualPlans)
    .innerJoin(orgs, eq(orgs.id, annualPlans.orgId))
    .where(and(...c))
    .orderBy(desc(annualPlans.year), asc(orgs.path));
}

export async function findAnnualPlan(db: DbOrTx, id: string, forUpdate = false): Promise<AnnualPlanWithOrg | undefined> {
  const q = db.select({ plan: annualPlans, org: orgs }).from(annualPlans).innerJoin(orgs, eq(orgs.id, annualPlans.orgId)).where(eq(annualPlans.id, id));
  const [row] = forUpdate ? await q.for('update', { of: annualPlans }) : await q;
  return row;
}

export async function findAnnualPlanOf(db: DbOrTx, orgId: string, year: number): Promise<AnnualPlanRow | undefined> {
  const [row] = await db.select().from(annualPlans).where(and(eq(annualPlans.orgId, orgId), eq(annualPlans.year, year)));
  return row;
}

const monthlySelection = {
  plan: monthlyPlans,
  org: orgs,
  annualName: annualPlans.name,
  generatedByName: accounts.displayName,
};

function monthlyQuery(db: DbOrTx) {
  return db
    .select(monthlySelection)
    .from(monthlyPlans)
    .innerJoin(orgs, eq(orgs.id, monthlyPlans.orgId))
    .innerJoin(annualPlans, eq(annualPlans.id, monthlyPlans.annualPlanId))
    .leftJoin(accounts, eq(accounts.id, monthlyPlans.generatedBy));
}

export async function listMonthlyPlans(
  db: DbOrTx,
  filter: { scopePath: string | null; annualPlanId?: string; year?: number | undefined; month?: number | undefined; publishedOnly?: boolean },
): Promise<MonthlyPlanWithOrg[]> {
  const c = [inSubtree(filter.scopePath)];
  if (filter.annualPlanId) c.push(eq(monthlyPlans.annualPlanId, filter.annualPlanId));
  if (filter.year !== undefined) c.push(eq(monthlyPlans.year, filter.year));
  if (filter.month !== undefined) c.push(eq(monthlyPlans.month, filter.month));
  if (filter.publishedOnly) c.push(eq(monthlyPlans.status, 'published'));
  return monthlyQuery(db)
    .where(and(...c))
    .orderBy(desc(monthlyPlans.year), desc(monthlyPlans.month), asc(orgs.path));
}

export async function findMonthlyPlan(db: DbOrTx, id: string): Promise<MonthlyPlanWithOrg | undefined> {
  const [row] = await monthlyQuery(db).where(eq(monthlyPlans.id, id));
  return row;
}

/** Locks the month's row (if any) so concurrent generate/adjust/publish of one month serialise. */
export async function lockMonthlyPlan(db: DbOrTx, annualPlanId: string, month: number): Promise<MonthlyPlanRow | undefined> {
  const [row] = await db
    .select()
    .from(monthlyPlans)
    .where(and(eq(monthlyPlans.annualPlanId, annualPlanId), eq(monthlyPlans.month, month)))
    .for('update');
  return row;
}

/** The units a plan draws from (projection for the eligibility rules), for a set of brigades. */
export async function loadEligibilityUnits(db: DbOrTx, brigadeIds: readonly string[]) {
  if (brigadeIds.length === 0) return [];
  return db
    .select({
      id: units.id,
      brigadeId: units.brigadeId,
      category: units.category,
      isCrowded: units.isCrowded,
      isFlammable: units.isFlammable,
      isHighRise: units.isHighRise,
      tags: units.tags,
      districtCode: units.districtCode,
      industry: units.industry,
      riskLevel: units.riskLevel,
      creditLevel: units.creditLevel,
      status: units.status,
      statusEffectiveOn: units.statusEffectiveOn,
      flaggedAt: units.flaggedAt,
      address: units.address,
    })
    .from(units)
    .where(inArray(units.brigadeId, [...brigadeIds]));
}

/** Inspections of the brigades' units since `from` (YYYY-MM-DD). */
export async function loadInspectionHistory(db: DbOrTx, brigadeIds: readonly string[], from: string) {
  if (brigadeIds.length === 0) return [];
  return db
    .select({ unitId: inspectionHistory.unitId, on: inspectionHistory.inspectedOn, kind: inspectionHistory.kind })
    .from(inspectionHistory)
    .innerJoin(units, eq(units.id, inspectionHistory.unitId))
    .where(and(inArray(units.brigadeId, [...brigadeIds]), gte(inspectionHistory.inspectedOn, from)));
}

/** Units with an open trigger event (the triggered pool). */
export async function loadTriggeredUnitIds(db: DbOrTx, brigadeIds: readonly string[]): Promise<Set<string>> {
  if (brigadeIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ unitId: triggerEvents.unitId })
    .from(triggerEvents)
    .innerJoin(units, eq(units.id, triggerEvents.unitId))
    .where(and(inArray(units.brigadeId, [...brigadeIds]), isNull(triggerEvents.closedAt)));
  return new Set(rows.map((r) => r.unitId));
}

/** Inspectors of the given orgs and those serving the given zones, with their availability and zones. */
export async function loadPlanInspectors(db: DbOrTx, orgIds: readonly string[], zoneIds: readonly string[]) {
  // One after the other: inside a transaction both run on one connection (pg 8 deprecates queueing them there).
  const byOrg = orgIds.length ? await db.select().from(inspectors).where(inArray(inspectors.orgId, [...orgIds])) : [];
  const memberships = zoneIds.length
    ? await db.select().from(inspectorZoneMemberships).where(inArray(inspectorZoneMemberships.zoneId, [...zoneIds]))
    : [];
  // Zone members from other orgs, each once (an inspector may serve two of the zones).
  const known = new Set(byOrg.map((i) => i.id));
  const extraIds = [...new Set(memberships.map((m) => m.inspectorId))].filter((id) => !known.has(id));
  const extra = extraIds.length ? await db.select().from(inspectors).where(inArray(inspectors.id, extraIds)) : [];
  const all = [...byOrg, ...extra];
  const ids = all.map((i) => i.id);
  const availability = ids.length ? await db.select().from(inspectorAvailability).where(inArray(inspectorAvailability.inspectorId, ids)) : [];
  return { inspectors: all, availability, memberships };
}

/** brigadeId → zoneId for the brigades in zones of the given detachment subtree. */
export async function loadZoneOfBrigade(db: DbOrTx, brigadeIds: readonly string[]): Promise<Map<string, string>> {
  if (brigadeIds.length === 0) return new Map();
  const rows = await db
    .select({ brigadeId: collaborationZoneMembers.brigadeId, zoneId: collaborationZoneMembers.zoneId })
    .from(collaborationZoneMembers)
    .where(inArray(collaborationZoneMembers.brigadeId, [...brigadeIds]))
    .orderBy(asc(collaborationZoneMembers.zoneId));
  const map = new Map<string, string>();
  for (const r of rows) if (!map.has(r.brigadeId)) map.set(r.brigadeId, r.zoneId);
  return map;
}

/** The brigades (kind 'brigade') in an org's subtree, the org itself included when it is one. */
export async function listBrigadesUnder(db: DbOrTx, orgPath: string): Promise<OrgRow[]> {
  return db
    .select()
    .from(orgs)
    .where(and(eq(orgs.kind, 'brigade'), sql`${orgs.path} like ${orgPath + '%'}`))
    .orderBy(asc(orgs.path));
}

/**
 * Unit rows for a drill-down page: names, the last counted inspection (routine, special, triggered: the ones the
 * frequency rules read) and the last check of any kind (复查 and complaint checks too), each as
 * "YYYY-MM-DD kind", both on or before `asOf` (a record dated later is not an inspection that happened).
 */
export async function loadUnitsForList(db: DbOrTx, ids: readonly string[], asOf: string) {
  if (ids.length === 0) return [];
  const counted = [...COUNTED_INSPECTION_KINDS];
  return db
    .select({
      id: units.id,
      name: units.name,
      uscc: units.uscc,
      address: units.address,
      category: units.category,
      // Written out: drizzle drops table qualifiers inside a single-table select, which would make this ambiguous.
      lastCounted: sql<string | null>`(select ih.inspected_on::text || ' ' || ih.kind from inspection_history ih where ih.unit_id = "units"."id" and ih.inspected_on <= ${asOf} and ih.kind in (${sql.join(counted.map((k) => sql`${k}`), sql`, `)}) order by ih.inspected_on desc, ih.id desc limit 1)`,
      lastAny: sql<string | null>`(select ih.inspected_on::text || ' ' || ih.kind from inspection_history ih where ih.unit_id = "units"."id" and ih.inspected_on <= ${asOf} order by ih.inspected_on desc, ih.id desc limit 1)`,
    })
    .from(units)
    .where(inArray(units.id, [...ids]));
}

export async function listCampaigns(db: DbOrTx, filter: { scopePath: string | null; publishedOnly?: boolean }) {
  const c = [inSubtree(filter.scopePath)];
  if (filter.publishedOnly) c.push(eq(specialCampaigns.status, 'published'));
  return db
    .select({ campaign: specialCampaigns, org: orgs })
    .from(specialCampaigns)
    .innerJoin(orgs, eq(orgs.id, specialCampaigns.orgId))
    .where(and(...c))
    .orderBy(desc(specialCampaigns.startsOn), asc(orgs.path));
}

export async function findCampaign(db: DbOrTx, id: string, forUpdate = false) {
  const q = db.select({ campaign: specialCampaigns, org: orgs }).from(specialCampaigns).innerJoin(orgs, eq(orgs.id, specialCampaigns.orgId)).where(eq(specialCampaigns.id, id));
  const [row] = forUpdate ? await q.for('update', { of: specialCampaigns }) : await q;
  return row;
}

export async function listTriggerEvents(db: DbOrTx, filter: { scopePath: string | null; open?: boolean | undefined }) {
  const c = [inSubtree(filter.scopePath)];
  if (filter.open === true) c.push(isNull(triggerEvents.closedAt));
  if (filter.open === false) c.push(sql`${triggerEvents.closedAt} is not null`);
  return db
    .select({ event: triggerEvents, org: orgs, unitName: units.name })
    .from(triggerEvents)
    .innerJoin(orgs, eq(orgs.id, triggerEvents.orgId))
    .innerJoin(units, eq(units.id, triggerEvents.unitId))
    .where(and(...c))
    .orderBy(desc(triggerEvents.receivedOn), desc(triggerEvents.createdAt))
    .limit(1000);
}

export async function findTriggerEvent(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ event: triggerEvents, org: orgs, unitName: units.name })
    .from(triggerEvents)
    .innerJoin(orgs, eq(orgs.id, triggerEvents.orgId))
    .innerJoin(units, eq(units.id, triggerEvents.unitId))
    .where(eq(triggerEvents.id, id));
  return row;
}

/** One org's monthly plan of a month, if generated (the demo draw looks it up). */
export async function findMonthlyPlanOf(db: DbOrTx, orgId: string, year: number, month: number) {
  const [row] = await db
    .select({ id: monthlyPlans.id, status: monthlyPlans.status })
    .from(monthlyPlans)
    .where(and(eq(monthlyPlans.orgId, orgId), eq(monthlyPlans.year, year), eq(monthlyPlans.month, month)));
  return row;
}

// Writes. An `onlyIfStatus` update changes the row only while it still has that status and says whether it did:
// of two concurrent publishes, one updates and the other is told no (CONFLICT).

/** A new annual plan, or undefined when the org already has one for the year (one per org and year). */
export async function insertAnnualPlan(tx: Tx, values: typeof annualPlans.$inferInsert): Promise<string | undefined> {
  const [row] = await tx.insert(annualPlans).values(values).onConflictDoNothing().returning({ id: annualPlans.id });
  return row?.id;
}

export async function updateAnnualPlanRow(
  tx: Tx,
  id: string,
  patch: Partial<typeof annualPlans.$inferInsert>,
  onlyIfStatus?: AnnualPlanRow['status'],
): Promise<boolean> {
  const rows = await tx
    .update(annualPlans)
    .set(patch)
    .where(and(eq(annualPlans.id, id), onlyIfStatus ? eq(annualPlans.status, onlyIfStatus) : undefined))
    .returning({ id: annualPlans.id });
  return rows.length > 0;
}

export async function insertMonthlyPlan(tx: Tx, values: typeof monthlyPlans.$inferInsert): Promise<string> {
  const [row] = await tx.insert(monthlyPlans).values(values).returning({ id: monthlyPlans.id });
  return row!.id;
}

export async function updateMonthlyPlanRow(
  tx: Tx,
  id: string,
  patch: Partial<typeof monthlyPlans.$inferInsert>,
  onlyIfStatus?: MonthlyPlanRow['status'],
): Promise<boolean> {
  const rows = await tx
    .update(monthlyPlans)
    .set(patch)
    .where(and(eq(monthlyPlans.id, id), onlyIfStatus ? eq(monthlyPlans.status, onlyIfStatus) : undefined))
    .returning({ id: monthlyPlans.id });
  return rows.length > 0;
}

export async function insertCampaign(tx: Tx, values: typeof specialCampaigns.$inferInsert): Promise<string> {
  const [row] = await tx.insert(specialCampaigns).values(values).returning({ id: specialCampaigns.id });
  return row!.id;
}

export async function updateCampaignRow(
  tx: Tx,
  id: string,
  patch: Partial<typeof specialCampaigns.$inferInsert>,
  onlyIfStatus?: CampaignRow['status'],
): Promise<boolean> {
  const rows = await tx
    .update(specialCampaigns)
    .set(patch)
    .where(and(eq(specialCampaigns.id, id), onlyIfStatus ? eq(specialCampaigns.status, onlyIfStatus) : undefined))
    .returning({ id: specialCampaigns.id });
  return rows.length > 0;
}

export async function insertTriggerEvent(tx: Tx, values: typeof triggerEvents.$inferInsert): Promise<string> {
  const [row] = await tx.insert(triggerEvents).values(values).returning({ id: triggerEvents.id });
  return row!.id;
}

export async function updateTriggerEventRow(tx: Tx, id: string, patch: Partial<typeof triggerEvents.$inferInsert>): Promise<void> {
  await tx.update(triggerEvents).set(patch).where(eq(triggerEvents.id, id));
}

/** Inspection records, in statements of 1,000 rows (the demo writes two years of them at once). */
export async function insertInspectionHistory(tx: Tx, rows: readonly (typeof inspectionHistory.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(inspectionHistory).values(rows.slice(i, i + 1000));
}

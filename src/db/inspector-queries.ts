import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { containsPattern } from './sql-helpers.ts';
import {
  accounts,
  collaborationZones,
  externalPeople,
  inspectorAvailability,
  inspectorZoneMemberships,
  inspectors,
  orgs,
  recusals,
  units,
} from './schema.ts';

export type InspectorRow = typeof inspectors.$inferSelect;
export type AvailabilityRow = typeof inspectorAvailability.$inferSelect;
export type InspectorWithOrg = { inspector: InspectorRow; org: typeof orgs.$inferSelect; accountUsername: string | null };

export type InspectorFilter = {
  scopePath: string | null;
  q?: string | undefined;
  orgId?: string | undefined;
  post?: InspectorRow['post'] | undefined;
  status?: InspectorRow['status'] | undefined;
};

/** All inspectors matching the filter (a registry holds at most a few thousand), ordered by org then name. */
export async function listInspectorsInScope(db: DbOrTx, filter: InspectorFilter): Promise<InspectorWithOrg[]> {
  const c: (SQL | undefined)[] = [];
  if (filter.scopePath) c.push(sql`${orgs.path} like ${filter.scopePath + '%'}`);
  if (filter.q) c.push(or(ilike(inspectors.name, containsPattern(filter.q)), ilike(inspectors.badgeNo, containsPattern(filter.q)), ilike(inspectors.certificateNo, containsPattern(filter.q))));
  if (filter.orgId) c.push(eq(inspectors.orgId, filter.orgId));
  if (filter.post) c.push(eq(inspectors.post, filter.post));
  if (filter.status) c.push(eq(inspectors.status, filter.status));
  const present = c.filter((x): x is SQL => x !== undefined);
  return db
    .select({ inspector: inspectors, org: orgs, accountUsername: accounts.username })
    .from(inspectors)
    .innerJoin(orgs, eq(orgs.id, inspectors.orgId))
    .leftJoin(accounts, eq(accounts.inspectorId, inspectors.id))
    .where(present.length ? and(...present) : undefined)
    .orderBy(asc(orgs.path), asc(inspectors.name), asc(inspectors.badgeNo));
}

export async function findInspectorById(db: DbOrTx, id: string): Promise<InspectorWithOrg | undefined> {
  const [row] = await db
    .select({ inspector: inspectors, org: orgs, accountUsername: accounts.username })
    .from(inspectors)
    .innerJoin(orgs, eq(orgs.id, inspectors.orgId))
    .leftJoin(accounts, eq(accounts.inspectorId, inspectors.id))
    .where(eq(inspectors.id, id));
  return row;
}

export async function findInspectorByBadge(db: DbOrTx, badgeNo: string) {
  const [row] = await db.select().from(inspectors).where(eq(inspectors.badgeNo, badgeNo));
  return row;
}

export async function listAvailability(db: DbOrTx, inspectorIds: string[]): Promise<AvailabilityRow[]> {
  if (inspectorIds.length === 0) return [];
  return db
    .select()
    .from(inspectorAvailability)
    .where(inArray(inspectorAvailability.inspectorId, inspectorIds))
    .orderBy(asc(inspectorAvailability.fromDate));
}

export async function findAvailabilityById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(inspectorAvailability).where(eq(inspectorAvailability.id, id));
  return row;
}

export async function listRecusals(db: DbOrTx, where: { inspectorId?: string | undefined; unitId?: string | undefined; scopePath: string | null }) {
  const c: (SQL | undefined)[] = [
    where.inspectorId ? eq(recusals.inspectorId, where.inspectorId) : undefined,
    where.unitId ? eq(recusals.unitId, where.unitId) : undefined,
    where.scopePath ? sql`${orgs.path} like ${where.scopePath + '%'}` : undefined,
  ];
  const present = c.filter((x): x is SQL => x !== undefined);
  return db
    .select({ recusal: recusals, inspectorName: inspectors.name, unitName: units.name, unitUscc: units.uscc })
    .from(recusals)
    .innerJoin(inspectors, eq(inspectors.id, recusals.inspectorId))
    .innerJoin(orgs, eq(orgs.id, inspectors.orgId))
    .innerJoin(units, eq(units.id, recusals.unitId))
    .where(present.length ? and(...present) : undefined)
    .orderBy(asc(recusals.validFrom));
}

export async function findRecusalById(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ recusal: recusals, inspectorName: inspectors.name, unitName: units.name, unitUscc: units.uscc, inspectorOrgPath: orgs.path })
    .from(recusals)
    .innerJoin(inspectors, eq(inspectors.id, recusals.inspectorId))
    .innerJoin(orgs, eq(orgs.id, inspectors.orgId))
    .innerJoin(units, eq(units.id, recusals.unitId))
    .where(eq(recusals.id, id));
  return row;
}

export async function listInspectorZones(db: DbOrTx, inspectorId: string) {
  return db
    .select({ id: collaborationZones.id, name: collaborationZones.name })
    .from(inspectorZoneMemberships)
    .innerJoin(collaborationZones, eq(collaborationZones.id, inspectorZoneMemberships.zoneId))
    .where(eq(inspectorZoneMemberships.inspectorId, inspectorId));
}

export type ExternalPersonFilter = { scopePath: string | null; kind?: 'expert' | 'department_staff' | undefined; q?: string | undefined };

export async function listExternalPeoplePage(db: DbOrTx, filter: ExternalPersonFilter, page: number, pageSize: number) {
  const c: (SQL | undefined)[] = [
    filter.scopePath ? sql`${orgs.path} like ${filter.scopePath + '%'}` : undefined,
    filter.kind ? eq(externalPeople.kind, filter.kind) : undefined,
    filter.q ? or(ilike(externalPeople.name, containsPattern(filter.q)), ilike(externalPeople.organization, containsPattern(filter.q))) : undefined,
  ];
  const present = c.filter((x): x is SQL => x !== undefined);
  const where = present.length ? and(...present) : undefined;
  const rows = await db
    .select({ person: externalPeople, orgName: orgs.name })
    .from(externalPeople)
    .innerJoin(orgs, eq(orgs.id, externalPeople.orgId))
    .where(where)
    .orderBy(asc(externalPeople.kind), asc(externalPeople.name))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(externalPeople).innerJoin(orgs, eq(orgs.id, externalPeople.orgId)).where(where);
  return { rows, total: count?.n ?? 0 };
}

export async function findExternalPersonById(db: DbOrTx, id: string) {
  const [row] = await db.select({ person: externalPeople, org: orgs }).from(externalPeople).innerJoin(orgs, eq(orgs.id, externalPeople.orgId)).where(eq(externalPeople.id, id));
  return row;
}

/** External people (联合检查人员) by id, any org: a record names those who were there. */
export async function findExternalPeopleByIds(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select().from(externalPeople).where(inArray(externalPeople.id, [...ids]));
}

export async function findInspectorsByIds(db: DbOrTx, ids: readonly string[]): Promise<InspectorRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(inspectors).where(inArray(inspectors.id, [...ids]));
}

// Writes, inside the caller's transaction.

export async function insertInspector(tx: Tx, values: typeof inspectors.$inferInsert): Promise<string> {
  const [row] = await tx.insert(inspectors).values(values).returning({ id: inspectors.id });
  return row!.id;
}

export async function updateInspectorRow(tx: Tx, id: string, patch: Partial<typeof inspectors.$inferInsert>): Promise<void> {
  await tx.update(inspectors).set(patch).where(eq(inspectors.id, id));
}

/** Replaces the collaboration zones the inspector serves. */
export async function setInspectorZones(tx: Tx, inspectorId: string, zoneIds: readonly string[]): Promise<void> {
  await tx.delete(inspectorZoneMemberships).where(eq(inspectorZoneMemberships.inspectorId, inspectorId));
  if (zoneIds.length > 0) await tx.insert(inspectorZoneMemberships).values(zoneIds.map((zoneId) => ({ inspectorId, zoneId })));
}

export async function insertAvailability(tx: Tx, values: typeof inspectorAvailability.$inferInsert): Promise<string> {
  const [row] = await tx.insert(inspectorAvailability).values(values).returning({ id: inspectorAvailability.id });
  return row!.id;
}

export async function updateAvailabilityRow(tx: Tx, id: string, patch: Partial<typeof inspectorAvailability.$inferInsert>): Promise<void> {
  await tx.update(inspectorAvailability).set(patch).where(eq(inspectorAvailability.id, id));
}

export async function insertRecusal(tx: Tx, values: typeof recusals.$inferInsert): Promise<string> {
  const [row] = await tx.insert(recusals).values(values).returning({ id: recusals.id });
  return row!.id;
}

export async function updateRecusalRow(tx: Tx, id: string, patch: Partial<typeof recusals.$inferInsert>): Promise<void> {
  await tx.update(recusals).set(patch).where(eq(recusals.id, id));
}

export async function insertExternalPerson(tx: Tx, values: typeof externalPeople.$inferInsert): Promise<string> {
  const [row] = await tx.insert(externalPeople).values(values).returning({ id: externalPeople.id });
  return row!.id;
}

export async function updateExternalPersonRow(tx: Tx, id: string, patch: Partial<typeof externalPeople.$inferInsert>): Promise<void> {
  await tx.update(externalPeople).set(patch).where(eq(externalPeople.id, id));
}

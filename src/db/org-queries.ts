import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { accounts, collaborationZoneMembers, collaborationZones, inspectors, orgs, units } from './schema.ts';

export type OrgRow = typeof orgs.$inferSelect;

export async function findOrgById(db: DbOrTx, id: string): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
  return row;
}

/** Orgs whose path starts with scopePath (null = all), ordered so parents come before children. */
export async function listOrgsInScope(db: DbOrTx, scopePath: string | null): Promise<OrgRow[]> {
  const query = db.select().from(orgs);
  const rows = scopePath ? await query.where(sql`${orgs.path} like ${scopePath + '%'}`) : await query;
  return rows.sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.divisionCode.localeCompare(b.divisionCode));
}

export type OrgCounts = { accountCount: number; unitCount: number; inspectorCount: number };

/** Per-org counts of accounts, units and inspectors owned directly by each org. */
export async function countByOrg(db: DbOrTx, orgIds: string[]): Promise<Map<string, OrgCounts>> {
  const result = new Map<string, OrgCounts>();
  for (const id of orgIds) result.set(id, { accountCount: 0, unitCount: 0, inspectorCount: 0 });
  if (orgIds.length === 0) return result;
  const [accountRows, unitRows, inspectorRows] = [
    await db.select({ id: accounts.orgId, n: sql<number>`count(*)::int` }).from(accounts).where(inArray(accounts.orgId, orgIds)).groupBy(accounts.orgId),
    await db.select({ id: units.brigadeId, n: sql<number>`count(*)::int` }).from(units).where(inArray(units.brigadeId, orgIds)).groupBy(units.brigadeId),
    await db.select({ id: inspectors.orgId, n: sql<number>`count(*)::int` }).from(inspectors).where(inArray(inspectors.orgId, orgIds)).groupBy(inspectors.orgId),
  ];
  for (const r of accountRows) result.get(r.id)!.accountCount = r.n;
  for (const r of unitRows) result.get(r.id)!.unitCount = r.n;
  for (const r of inspectorRows) result.get(r.id)!.inspectorCount = r.n;
  return result;
}

export async function findSiblingByName(db: DbOrTx, parentId: string, name: string): Promise<OrgRow | undefined> {
  const [row] = await db.select().from(orgs).where(and(eq(orgs.parentId, parentId), eq(orgs.name, name)));
  return row;
}

export type ZoneRow = typeof collaborationZones.$inferSelect & { brigades: { id: string; name: string }[]; detachmentName: string };

/** Zones visible from a subtree: those of a detachment inside it, or having a member brigade inside it. */
export async function listZones(db: DbOrTx, scopePath: string | null): Promise<ZoneRow[]> {
  const zoneRows = await db
    .select({ zone: collaborationZones, detachmentName: orgs.name, detachmentPath: orgs.path })
    .from(collaborationZones)
    .innerJoin(orgs, eq(orgs.id, collaborationZones.detachmentId))
    .orderBy(asc(collaborationZones.name));
  if (zoneRows.length === 0) return [];
  const members = await db
    .select({ zoneId: collaborationZoneMembers.zoneId, id: orgs.id, name: orgs.name, path: orgs.path })
    .from(collaborationZoneMembers)
    .innerJoin(orgs, eq(orgs.id, collaborationZoneMembers.brigadeId))
    .orderBy(asc(orgs.divisionCode));
  const inScope = (path: string) => !scopePath || path.startsWith(scopePath);
  return zoneRows.flatMap(({ zone, detachmentName, detachmentPath }) => {
    const zoneMembers = members.filter((m) => m.zoneId === zone.id);
    if (!inScope(detachmentPath) && !zoneMembers.some((m) => inScope(m.path))) return [];
    return [{ ...zone, detachmentName, brigades: zoneMembers.map(({ id, name }) => ({ id, name })) }];
  });
}

export async function findZoneById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(collaborationZones).where(eq(collaborationZones.id, id));
  return row;
}

export async function findOrgsByIds(db: DbOrTx, ids: readonly string[]): Promise<OrgRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(orgs).where(inArray(orgs.id, [...ids]));
}

/** How many orgs exist (none: the database is fresh, ready to bootstrap or take the demo data). */
export async function countOrgs(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(orgs);
  return row?.n ?? 0;
}

/** Units per brigade and inspectors per org, across the whole tree (the portal's home figures). */
export async function countRegistryByOrg(db: DbOrTx): Promise<{ units: { id: string; n: number }[]; inspectors: { id: string; n: number }[] }> {
  const unitRows = await db
    .select({ id: units.brigadeId, n: sql<number>`count(*)::int` })
    .from(units)
    .groupBy(units.brigadeId);
  const inspectorRows = await db
    .select({ id: inspectors.orgId, n: sql<number>`count(*)::int` })
    .from(inspectors)
    .groupBy(inspectors.orgId);
  return { units: unitRows, inspectors: inspectorRows };
}

/** Whether the detachment has another zone of this name (`exceptId`: the zone being renamed). */
export async function isZoneNameTaken(db: DbOrTx, detachmentId: string, name: string, exceptId: string): Promise<boolean> {
  const rows = await db
    .select({ id: collaborationZones.id })
    .from(collaborationZones)
    .where(and(eq(collaborationZones.detachmentId, detachmentId), eq(collaborationZones.name, name), ne(collaborationZones.id, exceptId)));
  return rows.length > 0;
}

/** Which of these zones contain which brigades. */
export async function listZoneMembers(db: DbOrTx, zoneIds: readonly string[]): Promise<{ zoneId: string; brigadeId: string }[]> {
  if (zoneIds.length === 0) return [];
  return db
    .select({ zoneId: collaborationZoneMembers.zoneId, brigadeId: collaborationZoneMembers.brigadeId })
    .from(collaborationZoneMembers)
    .where(inArray(collaborationZoneMembers.zoneId, [...zoneIds]));
}

// Writes, inside the caller's transaction.

export async function insertOrg(tx: Tx, values: typeof orgs.$inferInsert): Promise<void> {
  await tx.insert(orgs).values(values);
}

export async function updateOrgRow(tx: Tx, id: string, patch: Partial<typeof orgs.$inferInsert>): Promise<void> {
  await tx.update(orgs).set(patch).where(eq(orgs.id, id));
}

export async function insertZone(tx: Tx, values: typeof collaborationZones.$inferInsert): Promise<string> {
  const [row] = await tx.insert(collaborationZones).values(values).returning({ id: collaborationZones.id });
  return row!.id;
}

export async function renameZone(tx: Tx, id: string, name: string): Promise<void> {
  await tx.update(collaborationZones).set({ name }).where(eq(collaborationZones.id, id));
}

/** Replaces the zone's member brigades. */
export async function setZoneMembers(tx: Tx, zoneId: string, brigadeIds: readonly string[]): Promise<void> {
  await tx.delete(collaborationZoneMembers).where(eq(collaborationZoneMembers.zoneId, zoneId));
  if (brigadeIds.length > 0) await tx.insert(collaborationZoneMembers).values(brigadeIds.map((brigadeId) => ({ zoneId, brigadeId })));
}

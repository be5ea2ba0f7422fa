import { and, asc, count, desc, eq, inArray, min, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { cases, documents, documentServices, hazards, inspectionRecords, orgs, referrals, sealings, units } from './schema.ts';

export type CaseRow = typeof cases.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;
export type SealingRow = typeof sealings.$inferSelect;
export type HazardRowOfCase = typeof hazards.$inferSelect;

const scoped = (scopePath: string | null): SQL | undefined => (scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined);

export async function insertCase(tx: Tx, values: typeof cases.$inferInsert): Promise<CaseRow> {
  const [row] = await tx.insert(cases).values(values).returning();
  return row!;
}

export async function updateCase(tx: Tx, id: string, patch: Partial<typeof cases.$inferInsert>): Promise<void> {
  await tx.update(cases).set(patch).where(eq(cases.id, id));
}

/** A case with its unit and its brigade (for the scope check); `forUpdate` locks the case row. */
export async function findCase(db: DbOrTx, id: string, forUpdate = false) {
  const q = db
    .select({ case: cases, unit: units, org: { id: orgs.id, name: orgs.name, path: orgs.path } })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .innerJoin(orgs, eq(orgs.id, cases.orgId))
    .where(eq(cases.id, id));
  const [row] = forUpdate ? await q.for('update', { of: cases }) : await q;
  return row ?? null;
}

export type CaseListFilter = { scopePath: string | null; status?: CaseRow['status'] | undefined; unitId?: string | undefined; page: number; pageSize: number };

/** Cases in scope, newest first, with the unit's name. */
export async function listCases(db: DbOrTx, filter: CaseListFilter) {
  const where = and(
    scoped(filter.scopePath),
    filter.status ? eq(cases.status, filter.status) : undefined,
    filter.unitId ? eq(cases.unitId, filter.unitId) : undefined,
  );
  const rows = await db
    .select({ case: cases, unitName: units.name })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .innerJoin(orgs, eq(orgs.id, cases.orgId))
    .where(where)
    .orderBy(desc(cases.openedOn), desc(cases.createdAt))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [total] = await db.select({ n: count() }).from(cases).innerJoin(orgs, eq(orgs.id, cases.orgId)).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function casesOfUnit(db: DbOrTx, unitId: string): Promise<CaseRow[]> {
  return db.select().from(cases).where(eq(cases.unitId, unitId)).orderBy(desc(cases.openedOn), desc(cases.createdAt));
}

export async function hazardsOfCase(db: DbOrTx, caseId: string) {
  return db.select().from(hazards).where(eq(hazards.caseId, caseId)).orderBy(asc(hazards.foundOn), asc(hazards.recordId), asc(hazards.seq));
}

/** Every hazard of a unit, newest inspection first (superseded ones too: the history shows them). */
export async function hazardsOfUnit(db: DbOrTx, unitId: string) {
  return db.select().from(hazards).where(eq(hazards.unitId, unitId)).orderBy(desc(hazards.foundOn), asc(hazards.recordId), asc(hazards.seq));
}

export async function documentsOfCase(db: DbOrTx, caseId: string) {
  return db.select().from(documents).where(eq(documents.caseId, caseId)).orderBy(asc(documents.issuedAt));
}

export async function documentsOfUnit(db: DbOrTx, unitId: string) {
  return db.select().from(documents).where(eq(documents.unitId, unitId)).orderBy(desc(documents.issueDate), desc(documents.issuedAt));
}

export async function findDocumentsByIds(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.select().from(documents).where(inArray(documents.id, [...ids]));
}

/** The first service (送达) of each document that has one: documentId → servedAt. */
export async function firstServices(db: DbOrTx, documentIds: readonly string[]): Promise<Map<string, Date>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db
    .select({ documentId: documentServices.documentId, servedAt: min(documentServices.servedAt) })
    .from(documentServices)
    .where(inArray(documentServices.documentId, [...documentIds]))
    .groupBy(documentServices.documentId);
  return new Map(rows.filter((r) => r.servedAt !== null).map((r) => [r.documentId, r.servedAt!]));
}

export async function insertReferral(tx: Tx, values: typeof referrals.$inferInsert): Promise<ReferralRow> {
  const [row] = await tx.insert(referrals).values(values).returning();
  return row!;
}

export async function updateReferral(tx: Tx, id: string, patch: Partial<typeof referrals.$inferInsert>): Promise<void> {
  await tx.update(referrals).set(patch).where(eq(referrals.id, id));
}

export async function findReferral(db: DbOrTx, id: string, forUpdate = false) {
  const q = db
    .select({ referral: referrals, org: { id: orgs.id, path: orgs.path } })
    .from(referrals)
    .innerJoin(orgs, eq(orgs.id, referrals.orgId))
    .where(eq(referrals.id, id));
  const [row] = forUpdate ? await q.for('update', { of: referrals }) : await q;
  return row ?? null;
}

export async function referralsOf(db: DbOrTx, by: { caseId: string } | { unitId: string }): Promise<ReferralRow[]> {
  const where = 'caseId' in by ? eq(referrals.caseId, by.caseId) : eq(referrals.unitId, by.unitId);
  return db.select().from(referrals).where(where).orderBy(desc(referrals.sentOn), desc(referrals.createdAt));
}

export async function insertSealing(tx: Tx, values: typeof sealings.$inferInsert): Promise<SealingRow> {
  const [row] = await tx.insert(sealings).values(values).returning();
  return row!;
}

export async function updateSealing(tx: Tx, id: string, patch: Partial<typeof sealings.$inferInsert>): Promise<void> {
  await tx.update(sealings).set(patch).where(eq(sealings.id, id));
}

export async function findSealing(db: DbOrTx, id: string, forUpdate = false) {
  const q = db
    .select({ sealing: sealings, unit: units, org: { id: orgs.id, path: orgs.path } })
    .from(sealings)
    .innerJoin(units, eq(units.id, sealings.unitId))
    .innerJoin(orgs, eq(orgs.id, sealings.orgId))
    .where(eq(sealings.id, id));
  const [row] = forUpdate ? await q.for('update', { of: sealings }) : await q;
  return row ?? null;
}

export async function sealingsOfUnit(db: DbOrTx, unitId: string): Promise<SealingRow[]> {
  return db.select().from(sealings).where(eq(sealings.unitId, unitId)).orderBy(desc(sealings.sealedOn), desc(sealings.createdAt));
}

/** The visit date of each task's latest record (the 复查 of a hazard): taskId → visitDate. */
export async function latestVisitDates(db: DbOrTx, taskIds: readonly string[]): Promise<Map<string, string>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .select({ taskId: inspectionRecords.taskId, visitDate: inspectionRecords.visitDate, version: inspectionRecords.version })
    .from(inspectionRecords)
    .where(inArray(inspectionRecords.taskId, [...taskIds]))
    .orderBy(asc(inspectionRecords.version));
  return new Map(rows.map((r) => [r.taskId, r.visitDate]));
}

import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { documentCounters, documentNumberFormats, documents, documentServices, inspectionRecords, inspectors, orgs, tasks, units } from './schema.ts';
import { anyUuidOf } from './sql-helpers.ts';

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentServiceRow = typeof documentServices.$inferSelect;

/**
 * The next sequence number of a brigade's document type in a year, taken in the caller's transaction: the counter row
 * is locked until that transaction ends, so concurrent issuers queue and a rolled-back issue gives its number back.
 */
export async function allocateSequence(tx: Tx, orgId: string, docType: string, year: number): Promise<number> {
  const rows = await tx
    .insert(documentCounters)
    .values({ orgId, docType, year, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.orgId, documentCounters.docType, documentCounters.year],
      set: { lastSeq: sql`${documentCounters.lastSeq} + 1` },
    })
    .returning({ seq: documentCounters.lastSeq });
  return rows[0]!.seq;
}

export async function findNumberPattern(db: DbOrTx, orgId: string, docType: string): Promise<string | null> {
  const [row] = await db
    .select({ pattern: documentNumberFormats.pattern })
    .from(documentNumberFormats)
    .where(and(eq(documentNumberFormats.orgId, orgId), eq(documentNumberFormats.docType, docType)));
  return row?.pattern ?? null;
}

export async function findOrgForDocuments(db: DbOrTx, orgId: string) {
  const [row] = await db
    .select({ id: orgs.id, name: orgs.name, shortName: orgs.shortName, docPrefix: orgs.docPrefix, kind: orgs.kind, path: orgs.path })
    .from(orgs)
    .where(eq(orgs.id, orgId));
  return row ?? null;
}

export async function isCheckCodeTaken(db: DbOrTx, code: string): Promise<boolean> {
  const rows = await db.select({ id: documents.id }).from(documents).where(eq(documents.checkCode, code)).limit(1);
  return rows.length > 0;
}

export async function insertDocument(tx: Tx, values: typeof documents.$inferInsert): Promise<void> {
  await tx.insert(documents).values(values);
}

export async function findDocument(db: DbOrTx, id: string, forUpdate = false): Promise<DocumentRow | null> {
  const q = db.select().from(documents).where(eq(documents.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findDocumentByCheckCode(db: DbOrTx, code: string): Promise<DocumentRow | null> {
  const [row] = await db.select().from(documents).where(eq(documents.checkCode, code));
  return row ?? null;
}

/** The documents that name `id` as the one they replace (a correction), newest first. */
export async function findReplacements(db: DbOrTx, id: string): Promise<DocumentRow[]> {
  return db.select().from(documents).where(eq(documents.replacesId, id)).orderBy(desc(documents.issuedAt));
}

export async function listServicesOfDocument(db: DbOrTx, documentId: string): Promise<DocumentServiceRow[]> {
  return db.select().from(documentServices).where(eq(documentServices.documentId, documentId)).orderBy(asc(documentServices.servedAt));
}

// ---------- lists and detail (the admin pages) ----------

/** The number of the (latest) document that replaces this one (a correction; it stays replaced even if that one is voided), or null. */
const replacedByNumber = sql<string | null>`(select s.number from documents as s where s.replaces_id = ${documents.id} order by s.issued_at desc limit 1)`;
const servedCount = sql<number>`(select count(*)::int from ${documentServices} where ${documentServices.documentId} = ${documents.id})`;
const firstServedAt = sql<Date | null>`(select min(${documentServices.servedAt}) from ${documentServices} where ${documentServices.documentId} = ${documents.id})`;

const listColumns = {
  document: documents,
  unitName: units.name,
  orgName: orgs.name,
  orgPath: orgs.path,
  inspectedOn: inspectionRecords.visitDate,
  replacedByNumber,
  servedCount,
  firstServedAt,
};

export type DocumentListRow = {
  document: DocumentRow;
  unitName: string;
  orgName: string;
  orgPath: string;
  inspectedOn: string | null;
  replacedByNumber: string | null;
  servedCount: number;
  firstServedAt: Date | string | null;
};

export type DocumentListFilter = {
  scopePath: string | null;
  type?: string | undefined;
  status?: 'valid' | 'voided' | 'replaced' | undefined;
  unitId?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
};

function listConditions(f: DocumentListFilter): (SQL | undefined)[] {
  const isReplaced = sql`exists (select 1 from documents as s where s.replaces_id = ${documents.id})`;
  return [
    f.scopePath ? sql`${orgs.path} like ${f.scopePath + '%'}` : undefined,
    f.type ? eq(documents.docType, f.type) : undefined,
    f.unitId ? eq(documents.unitId, f.unitId) : undefined,
    f.recordId ? eq(documents.recordId, f.recordId) : undefined,
    f.from ? gte(documents.issueDate, f.from) : undefined,
    f.to ? lte(documents.issueDate, f.to) : undefined,
    f.q ? sql`strpos(${documents.number}, ${f.q}) > 0` : undefined,
    f.status === 'voided' ? eq(documents.status, 'voided') : undefined,
    f.status === 'replaced' ? and(eq(documents.status, 'issued'), isReplaced) : undefined,
    f.status === 'valid' ? and(eq(documents.status, 'issued'), sql`not ${isReplaced}`) : undefined,
  ];
}

/** Documents in scope (by the issuing brigade's path), filtered, newest first, one page. */
export async function listDocuments(db: DbOrTx, f: DocumentListFilter): Promise<{ rows: DocumentListRow[]; total: number }> {
  const c = listConditions(f);
  const rows = await db
    .select(listColumns)
    .from(documents)
    .innerJoin(units, eq(units.id, documents.unitId))
    .innerJoin(orgs, eq(orgs.id, documents.orgId))
    .leftJoin(inspectionRecords, eq(inspectionRecords.id, documents.recordId))
    .where(and(...c))
    .orderBy(desc(documents.issueDate), desc(documents.issuedAt), desc(documents.number))
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .innerJoin(orgs, eq(orgs.id, documents.orgId))
    .where(and(...c));
  return { rows, total: count?.n ?? 0 };
}

/** One document with what its pages show: unit, brigade (scope), the record's visit day. */
export async function findDocumentDetail(db: DbOrTx, id: string): Promise<DocumentListRow | null> {
  const [row] = await db
    .select(listColumns)
    .from(documents)
    .innerJoin(units, eq(units.id, documents.unitId))
    .innerJoin(orgs, eq(orgs.id, documents.orgId))
    .leftJoin(inspectionRecords, eq(inspectionRecords.id, documents.recordId))
    .where(eq(documents.id, id));
  return row ?? null;
}

export async function findDocumentsByIds(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ document: documents, orgPath: orgs.path })
    .from(documents)
    .innerJoin(orgs, eq(orgs.id, documents.orgId))
    .where(anyUuidOf(documents.id, ids));
}

/** What the public check page shows of a document by its check code (whitelisted again by the presenter). */
export async function findPublicDocument(db: DbOrTx, code: string) {
  const [row] = await db
    .select({ document: documents, orgName: orgs.name, unitName: units.name, replacedByNumber })
    .from(documents)
    .innerJoin(units, eq(units.id, documents.unitId))
    .innerJoin(orgs, eq(orgs.id, documents.orgId))
    .where(eq(documents.checkCode, code));
  return row ?? null;
}

export async function voidDocumentRow(tx: Tx, id: string, patch: { voidReason: string; voidedAt: Date; voidedBy: string }): Promise<void> {
  await tx.update(documents).set({ status: 'voided', ...patch }).where(eq(documents.id, id));
}

export async function insertService(tx: Tx, values: typeof documentServices.$inferInsert): Promise<DocumentServiceRow> {
  const [row] = await tx.insert(documentServices).values(values).returning();
  return row!;
}

/** The inspectors who sign a notice, with their 执法证号, in the order asked. */
export async function findSigners(db: DbOrTx, ids: readonly string[]): Promise<{ id: string; name: string; certificateNo: string | null }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: inspectors.id, name: inspectors.name, certificateNo: inspectors.certificateNo })
    .from(inspectors)
    .where(anyUuidOf(inspectors.id, ids));
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

export async function listNumberFormats(db: DbOrTx, orgId: string): Promise<{ docType: string; pattern: string }[]> {
  return db
    .select({ docType: documentNumberFormats.docType, pattern: documentNumberFormats.pattern })
    .from(documentNumberFormats)
    .where(eq(documentNumberFormats.orgId, orgId));
}

export async function upsertNumberFormat(tx: Tx, values: { orgId: string; docType: string; pattern: string; updatedBy: string; updatedAt: Date }): Promise<void> {
  await tx
    .insert(documentNumberFormats)
    .values(values)
    .onConflictDoUpdate({
      target: [documentNumberFormats.orgId, documentNumberFormats.docType],
      set: { pattern: values.pattern, updatedBy: values.updatedBy, updatedAt: values.updatedAt },
    });
}

/** The task a document came from (its inspectors may issue and serve), or null. */
export async function findTaskPeople(db: DbOrTx, taskId: string) {
  const [row] = await db.select({ leadIds: tasks.leadIds, assistantIds: tasks.assistantIds }).from(tasks).where(eq(tasks.id, taskId));
  return row ?? null;
}

/** The documents issued for a record that are not voided, oldest first. */
export async function liveDocumentsOfRecord(db: DbOrTx, recordId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.recordId, recordId), sql`${documents.status} <> 'voided'`))
    .orderBy(asc(documents.issuedAt));
}

import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { documentCounters, documentNumberFormats, documents, documentServices, orgs } from './schema.ts';

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

import { and, asc, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { anyUuidOf } from './sql-helpers.ts';
import { documents, hazards, reinspectionRequests, tasks } from './schema.ts';
import type { DocumentRow } from './document-queries.ts';
import type { HazardRow } from './hazard-queries.ts';

export type ReinspectionRequestRow = typeof reinspectionRequests.$inferSelect;

/** The task (not cancelled) that follows a notice — its 复查 — if any. */
export async function findTaskFollowing(db: DbOrTx, noticeId: string): Promise<typeof tasks.$inferSelect | null> {
  const [row] = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.followsDocumentId, noticeId), ne(tasks.status, 'cancelled')))
    .limit(1);
  return row ?? null;
}

/** The hazards a notice orders corrected, in their record's order. */
export async function hazardsOfNotice(db: DbOrTx, noticeId: string): Promise<HazardRow[]> {
  return db.select().from(hazards).where(eq(hazards.noticeId, noticeId)).orderBy(asc(hazards.seq));
}

/** The hazards of several notices (the field bundle's 复查 checklists). */
export async function hazardsOfNotices(db: DbOrTx, noticeIds: readonly string[]): Promise<HazardRow[]> {
  if (noticeIds.length === 0) return [];
  return db.select().from(hazards).where(anyUuidOf(hazards.noticeId, noticeIds)).orderBy(asc(hazards.seq));
}

export async function findDocumentsByIds(db: DbOrTx, ids: readonly string[]): Promise<DocumentRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(documents).where(anyUuidOf(documents.id, ids));
}

/** The 责令限期改正通知书 issued for a task (voided ones included), oldest first, each with its 复查 task if one exists. */
export async function deadlineNoticesOfTask(db: DbOrTx, taskId: string) {
  const docs = await db
    .select()
    .from(documents)
    .where(and(eq(documents.taskId, taskId), eq(documents.docType, 'deadline_notice')))
    .orderBy(asc(documents.issuedAt));
  if (docs.length === 0) return [];
  const following = await db
    .select({ id: tasks.id, noticeId: tasks.followsDocumentId })
    .from(tasks)
    .where(and(anyUuidOf(tasks.followsDocumentId, docs.map((d) => d.id)), ne(tasks.status, 'cancelled')));
  return docs.map((document) => ({ document, reinspectionTaskId: following.find((t) => t.noticeId === document.id)?.id ?? null }));
}

/** The 复查意见书 of a 复查 task (the latest not voided), if issued. */
export async function opinionOfTask(db: DbOrTx, taskId: string): Promise<DocumentRow | null> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.taskId, taskId), eq(documents.docType, 'reinspection_opinion'), eq(documents.status, 'issued')))
    .orderBy(desc(documents.issuedAt))
    .limit(1);
  return row ?? null;
}

/**
 * Every issued (not voided) 责令限期改正通知书 that no task follows yet and that still orders hazards corrected (stage
 * 'ordered'): with the latest correction deadline of those hazards and the earliest early-复查 request. The scheduler's
 * input.
 */
export async function noticesAwaitingReinspection(db: DbOrTx) {
  const rows = await db
    .select({
      noticeId: documents.id,
      orgId: documents.orgId,
      number: documents.number,
      correctionDue: sql<string | null>`max(${hazards.correctionDue})::text`,
      requestedOn: sql<string | null>`(select min(r.requested_on)::text from ${reinspectionRequests} r where r.document_id = ${documents.id})`,
    })
    .from(documents)
    .innerJoin(hazards, and(eq(hazards.noticeId, documents.id), eq(hazards.stage, 'ordered'), isNotNull(hazards.correctionDue)))
    .where(
      and(
        eq(documents.docType, 'deadline_notice'),
        eq(documents.status, 'issued'),
        sql`not exists (select 1 from ${tasks} t where t.follows_document_id = ${documents.id} and t.status <> 'cancelled')`,
      ),
    )
    .groupBy(documents.id, documents.orgId, documents.number)
    .orderBy(asc(documents.issuedAt));
  return rows.filter((r): r is typeof r & { correctionDue: string } => r.correctionDue !== null);
}

export async function insertReinspectionRequest(tx: Tx, values: typeof reinspectionRequests.$inferInsert): Promise<ReinspectionRequestRow> {
  const [row] = await tx.insert(reinspectionRequests).values(values).returning();
  return row!;
}

/** The hazards 复查 tasks check (moved to them when each was made), in their record's order. */
export async function hazardsOfReinspectionTasks(db: DbOrTx, taskIds: readonly string[], forUpdate = false): Promise<HazardRow[]> {
  if (taskIds.length === 0) return [];
  const q = db.select().from(hazards).where(anyUuidOf(hazards.reinspectionTaskId, taskIds)).orderBy(asc(hazards.seq));
  return forUpdate ? q.for('update') : q;
}

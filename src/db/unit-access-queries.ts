import { and, asc, desc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { anyUuidOf } from './sql-helpers.ts';
import {
  cases,
  conductComplaints,
  documents,
  hazards,
  inspectionRecords,
  inspectors,
  orgs,
  rectificationEvidence,
  reinspectionRequests,
  storedFiles,
  tasks,
  unitAccessAttempts,
  unitAccessSessions,
  units,
  visitRatings,
} from './schema.ts';

/*
 * The inspected unit's own page (decision 0024): opening it by a document's check code and the unit's credit code,
 * its bearer sessions, and what it reads and writes. Everything is keyed by the session's unit.
 */

// ---------- opening ----------

/** A document by its check code, with its unit's credit code and name (null: no such code). */
export async function findDocumentForUnitAccess(db: DbOrTx, code: string) {
  const [row] = await db
    .select({
      documentId: documents.id,
      status: documents.status,
      issueDate: documents.issueDate,
      number: documents.number,
      orgId: documents.orgId,
      unitId: units.id,
      unitName: units.name,
      uscc: units.uscc,
    })
    .from(documents)
    .innerJoin(units, eq(units.id, documents.unitId))
    .where(eq(documents.checkCode, code));
  return row ?? null;
}

/** A code's latest attempts, newest first. */
export async function recentUnitAccessAttempts(db: DbOrTx, code: string, limit: number) {
  return db
    .select({ at: unitAccessAttempts.at, succeeded: unitAccessAttempts.succeeded })
    .from(unitAccessAttempts)
    .where(eq(unitAccessAttempts.code, code))
    .orderBy(desc(unitAccessAttempts.at), desc(unitAccessAttempts.id))
    .limit(limit);
}

/** Failed attempts from an address since `since`, newest first. */
export async function recentUnitAccessFailuresFrom(db: DbOrTx, ip: string, since: Date, limit: number): Promise<Date[]> {
  const rows = await db
    .select({ at: unitAccessAttempts.at })
    .from(unitAccessAttempts)
    .where(and(eq(unitAccessAttempts.ip, ip), eq(unitAccessAttempts.succeeded, false), gt(unitAccessAttempts.at, since)))
    .orderBy(desc(unitAccessAttempts.at))
    .limit(limit);
  return rows.map((r) => r.at);
}

export async function insertUnitAccessAttempt(tx: Tx, values: typeof unitAccessAttempts.$inferInsert): Promise<void> {
  await tx.insert(unitAccessAttempts).values(values);
}

export async function insertUnitSession(tx: Tx, values: typeof unitAccessSessions.$inferInsert): Promise<{ id: string }> {
  const [row] = await tx.insert(unitAccessSessions).values(values).returning({ id: unitAccessSessions.id });
  return row!;
}

export async function deleteExpiredUnitSessions(tx: Tx, now: Date): Promise<void> {
  await tx.delete(unitAccessSessions).where(lt(unitAccessSessions.expiresAt, now));
}

/** A live session by its token's hash. */
export async function findLiveUnitSession(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ id: unitAccessSessions.id, unitId: unitAccessSessions.unitId, documentId: unitAccessSessions.documentId, expiresAt: unitAccessSessions.expiresAt })
    .from(unitAccessSessions)
    .where(and(eq(unitAccessSessions.tokenHash, tokenHash), gt(unitAccessSessions.expiresAt, now)));
  return row ?? null;
}

// ---------- the page ----------

export async function findUnitName(db: DbOrTx, unitId: string) {
  const [row] = await db.select({ id: units.id, name: units.name, orgId: units.brigadeId }).from(units).where(eq(units.id, unitId));
  return row ?? null;
}

/** The unit's correction notices (立即/限期), newest first, with the number of the notice replacing each. */
export async function noticesOfUnit(db: DbOrTx, unitId: string) {
  return db
    .select({
      id: documents.id,
      docType: documents.docType,
      number: documents.number,
      issueDate: documents.issueDate,
      status: documents.status,
      orgId: documents.orgId,
      orgName: orgs.name,
      taskId: documents.taskId,
      replacedBy: sql<string | null>`(select d2.number from ${documents} d2 where d2.replaces_id = ${documents.id} limit 1)`,
      reinspectionTaskDue: sql<string | null>`(select t.due_date::text from ${tasks} t where t.follows_document_id = ${documents.id} and t.status <> 'cancelled' limit 1)`,
    })
    .from(documents)
    .innerJoin(orgs, eq(orgs.id, documents.orgId))
    .where(and(eq(documents.unitId, unitId), inArray(documents.docType, ['deadline_notice', 'immediate_notice'])))
    .orderBy(desc(documents.issueDate), desc(documents.number));
}

/** The hazards of notices, in their record's order. */
export async function hazardsOfNoticesForUnit(db: DbOrTx, noticeIds: readonly string[]) {
  if (noticeIds.length === 0) return [];
  return db
    .select({ noticeId: hazards.noticeId, seq: hazards.seq, description: hazards.description, location: hazards.location, stage: hazards.stage, correctionDue: hazards.correctionDue })
    .from(hazards)
    .where(anyUuidOf(hazards.noticeId, noticeIds))
    .orderBy(asc(hazards.seq));
}

/** Early-复查 requests of notices, oldest first. */
export async function reinspectionRequestsOf(db: DbOrTx, noticeIds: readonly string[]) {
  if (noticeIds.length === 0) return [];
  return db
    .select({ documentId: reinspectionRequests.documentId, requestedOn: reinspectionRequests.requestedOn, recordedBy: reinspectionRequests.recordedBy, note: reinspectionRequests.note })
    .from(reinspectionRequests)
    .where(anyUuidOf(reinspectionRequests.documentId, noticeIds))
    .orderBy(asc(reinspectionRequests.recordedAt));
}

/** The evidence the unit uploaded for documents, oldest first, with each file's kind and size. */
export async function evidenceOfDocuments(db: DbOrTx, documentIds: readonly string[]) {
  if (documentIds.length === 0) return [];
  return db
    .select({
      id: rectificationEvidence.id,
      documentId: rectificationEvidence.documentId,
      sha256: rectificationEvidence.fileSha256,
      fileName: rectificationEvidence.fileName,
      note: rectificationEvidence.note,
      submittedAt: rectificationEvidence.submittedAt,
      contentType: storedFiles.contentType,
      byteSize: storedFiles.byteSize,
    })
    .from(rectificationEvidence)
    .innerJoin(storedFiles, eq(storedFiles.sha256, rectificationEvidence.fileSha256))
    .where(anyUuidOf(rectificationEvidence.documentId, documentIds))
    .orderBy(asc(rectificationEvidence.submittedAt));
}

/** The unit's finished visits (a task with a submitted record, done or closed), newest first, each with its latest record's outcome. */
export async function finishedVisitsOfUnit(db: DbOrTx, unitId: string) {
  return db
    .select({
      taskId: tasks.id,
      kind: tasks.kind,
      orgId: tasks.orgId,
      orgName: orgs.name,
      leadIds: tasks.leadIds,
      assistantIds: tasks.assistantIds,
      visitDate: sql<string>`(select r.visit_date::text from ${inspectionRecords} r where r.task_id = ${tasks.id} order by r.version desc limit 1)`,
      outcome: sql<'inspected' | 'unable'>`(select r.outcome from ${inspectionRecords} r where r.task_id = ${tasks.id} order by r.version desc limit 1)`,
      hazardCount: sql<number>`(select count(*)::int from ${hazards} h where h.task_id = ${tasks.id} and h.stage <> 'superseded')`,
      ratingScore: sql<number | null>`(select v.score from ${visitRatings} v where v.task_id = ${tasks.id})`,
    })
    .from(tasks)
    .innerJoin(orgs, eq(orgs.id, tasks.orgId))
    .where(
      and(
        eq(tasks.unitId, unitId),
        inArray(tasks.status, ['done', 'closed']),
        sql`exists (select 1 from ${inspectionRecords} r where r.task_id = ${tasks.id})`,
      ),
    )
    .orderBy(desc(tasks.dueDate), desc(tasks.id));
}

/** Inspectors' names by id. */
export async function inspectorNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: inspectors.id, name: inspectors.name }).from(inspectors).where(anyUuidOf(inspectors.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The unit's decided penalties (cases with a decision), newest first, with the decision's number. */
export async function penaltiesOfUnit(db: DbOrTx, unitId: string) {
  return db
    .select({
      caseId: cases.id,
      status: cases.status,
      penaltyKind: cases.penaltyKind,
      fineAmount: cases.fineAmount,
      decidedOn: cases.decidedOn,
      revokeKind: cases.revokeKind,
      paymentStatus: cases.paymentStatus,
      number: documents.number,
      documentStatus: documents.status,
      orgName: orgs.name,
    })
    .from(cases)
    .innerJoin(documents, eq(documents.id, cases.decisionDocumentId))
    .innerJoin(orgs, eq(orgs.id, cases.orgId))
    .where(and(eq(cases.unitId, unitId), sql`${cases.decidedOn} is not null`))
    .orderBy(desc(cases.decidedOn));
}

// ---------- the unit's actions ----------

/** A finished task of the unit (done or closed, with a record), or null. */
export async function findFinishedTaskOfUnit(db: DbOrTx, taskId: string, unitId: string) {
  const [row] = await db
    .select({ id: tasks.id, orgId: tasks.orgId, unitId: tasks.unitId, leadIds: tasks.leadIds, assistantIds: tasks.assistantIds, status: tasks.status })
    .from(tasks)
    .where(
      and(
        eq(tasks.id, taskId),
        eq(tasks.unitId, unitId),
        inArray(tasks.status, ['done', 'closed']),
        sql`exists (select 1 from ${inspectionRecords} r where r.task_id = ${tasks.id})`,
      ),
    );
  return row ?? null;
}

/** Inserts a rating unless the task has one; null when it had. */
export async function insertVisitRating(tx: Tx, values: typeof visitRatings.$inferInsert): Promise<{ id: string } | null> {
  const [row] = await tx.insert(visitRatings).values(values).onConflictDoNothing({ target: visitRatings.taskId }).returning({ id: visitRatings.id });
  return row ?? null;
}

export async function insertConductComplaint(tx: Tx, values: typeof conductComplaints.$inferInsert): Promise<{ id: string }> {
  const [row] = await tx.insert(conductComplaints).values(values).returning({ id: conductComplaints.id });
  return row!;
}

export async function insertRectificationEvidence(tx: Tx, values: typeof rectificationEvidence.$inferInsert): Promise<{ id: string }> {
  const [row] = await tx.insert(rectificationEvidence).values(values).returning({ id: rectificationEvidence.id });
  return row!;
}

/** Files a unit session stored since `since` (the upload limit). */
export async function evidenceOfSessionSince(db: DbOrTx, sessionId: string, since: Date): Promise<{ files: number; bytes: number }> {
  const [row] = await db
    .select({ files: sql<number>`count(*)::int`, bytes: sql<number>`coalesce(sum(${storedFiles.byteSize}), 0)::bigint` })
    .from(rectificationEvidence)
    .innerJoin(storedFiles, eq(storedFiles.sha256, rectificationEvidence.fileSha256))
    .where(and(eq(rectificationEvidence.sessionId, sessionId), gte(rectificationEvidence.submittedAt, since)));
  return { files: row?.files ?? 0, bytes: Number(row?.bytes ?? 0) };
}

/** The 主办 and 协办 of tasks (纪检's list names an inspector's role on the visit). */
export async function peopleOfTasks(db: DbOrTx, taskIds: readonly string[]) {
  if (taskIds.length === 0) return [];
  return db.select({ id: tasks.id, leadIds: tasks.leadIds, assistantIds: tasks.assistantIds }).from(tasks).where(anyUuidOf(tasks.id, taskIds));
}

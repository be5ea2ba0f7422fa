import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { documents, hazards, inspectionRecords, orgs, tasks, units } from './schema.ts';

export type HazardRow = typeof hazards.$inferSelect;

export async function findHazards(db: DbOrTx, ids: readonly string[], forUpdate = false): Promise<HazardRow[]> {
  if (ids.length === 0) return [];
  const q = db.select().from(hazards).where(inArray(hazards.id, [...ids])).orderBy(asc(hazards.recordId), asc(hazards.seq));
  return forUpdate ? q.for('update') : q;
}

export async function updateHazard(tx: Tx, id: string, patch: Partial<typeof hazards.$inferInsert>): Promise<void> {
  await tx.update(hazards).set(patch).where(eq(hazards.id, id));
}

/** The hazards of a task's latest record (superseded ones of earlier versions excluded by the caller's stage check). */
export async function hazardsOfTask(db: DbOrTx, taskId: string): Promise<HazardRow[]> {
  return db
    .select({ h: hazards })
    .from(hazards)
    .innerJoin(inspectionRecords, eq(inspectionRecords.id, hazards.recordId))
    .where(and(eq(hazards.taskId, taskId)))
    .orderBy(asc(inspectionRecords.version), asc(hazards.seq))
    .then((rows) => rows.map((r) => r.h));
}

export async function insertHazards(tx: Tx, rows: readonly (typeof hazards.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(hazards).values([...rows]);
}

/** The hazards of one record version, in their order. */
export async function hazardsOfRecord(db: DbOrTx, recordId: string): Promise<HazardRow[]> {
  return db.select().from(hazards).where(eq(hazards.recordId, recordId)).orderBy(asc(hazards.seq));
}

/** The hazards a notice ordered (hazards.notice_id), in record order. */
export async function hazardsOfNotice(db: DbOrTx, noticeId: string): Promise<HazardRow[]> {
  return db.select().from(hazards).where(eq(hazards.noticeId, noticeId)).orderBy(asc(hazards.seq));
}

export type HazardListRow = { hazard: HazardRow; unitName: string; noticeNumber: string | null; noticeType: string | null };

/**
 * Hazards in scope for the 隐患闭环 list: every one not in a terminal stage unless a stage is asked for; the caller
 * sorts (overdue first needs the calendar). At most `cap` rows.
 */
export async function listHazards(
  db: DbOrTx,
  filter: {
    scopePath: string | null;
    stage?: string | undefined;
    unitId?: string | undefined;
    recordId?: string | undefined;
    /** Only hazards found on a task this inspector leads or assists (the inspector's own reminders). */
    inspectorId?: string | undefined;
    terminal: readonly string[];
    cap: number;
  },
): Promise<HazardListRow[]> {
  return db
    .select({ hazard: hazards, unitName: units.name, noticeNumber: documents.number, noticeType: documents.docType })
    .from(hazards)
    .innerJoin(units, eq(units.id, hazards.unitId))
    .innerJoin(orgs, eq(orgs.id, hazards.orgId))
    .innerJoin(tasks, eq(tasks.id, hazards.taskId))
    .leftJoin(documents, eq(documents.id, hazards.noticeId))
    .where(
      and(
        filter.scopePath ? sql`${orgs.path} like ${filter.scopePath + '%'}` : undefined,
        filter.inspectorId ? sql`(${filter.inspectorId}::uuid = any(${tasks.leadIds}) or ${filter.inspectorId}::uuid = any(${tasks.assistantIds}))` : undefined,
        filter.stage ? eq(hazards.stage, filter.stage as HazardRow['stage']) : notInArray(hazards.stage, [...filter.terminal] as HazardRow['stage'][]),
        filter.unitId ? eq(hazards.unitId, filter.unitId) : undefined,
        filter.recordId ? eq(hazards.recordId, filter.recordId) : undefined,
      ),
    )
    .orderBy(asc(hazards.foundOn), asc(hazards.recordId), asc(hazards.seq))
    .limit(filter.cap);
}

/** The hazards of one record or notice with their unit and notice numbers (document and record pages). */
export async function hazardRowsWhere(db: DbOrTx, by: { recordId: string } | { noticeId: string }): Promise<HazardListRow[]> {
  return db
    .select({ hazard: hazards, unitName: units.name, noticeNumber: documents.number, noticeType: documents.docType })
    .from(hazards)
    .innerJoin(units, eq(units.id, hazards.unitId))
    .leftJoin(documents, eq(documents.id, hazards.noticeId))
    .where('recordId' in by ? eq(hazards.recordId, by.recordId) : eq(hazards.noticeId, by.noticeId))
    .orderBy(asc(hazards.seq));
}

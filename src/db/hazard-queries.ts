import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { hazards, inspectionRecords } from './schema.ts';

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

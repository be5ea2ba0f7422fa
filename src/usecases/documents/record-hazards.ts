import { hazardsFromRecord } from '../../domain/hazards/hazards-from-record.ts';
import type { Tx } from '../../db/client.ts';
import type { TaskRow } from '../../db/draw-queries.ts';
import type { InspectionRecordRow } from '../../db/field-queries.ts';
import { hazardsOfRecord, insertHazards } from '../../db/hazard-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { closeTaskIfSettled, moveHazards } from './move-hazards.ts';

/**
 * The hazards of a just-submitted record, in the submitting transaction (decision 0023): one row per 不符合 line. A
 * correction first supersedes the old version's hazards that no notice named yet (those on a notice stay where they
 * are). 复查 records are not handled here: their lines settle the notice's hazards instead.
 */
export async function recordHazards(tx: Tx, ctx: UseCaseContext, task: TaskRow, record: InspectionRecordRow): Promise<void> {
  if (task.kind === 'reinspection') return;
  const rows =
    record.outcome === 'inspected'
      ? hazardsFromRecord(record.body.lines, record.visitDate).map((h) => ({
          ...h,
          orgId: task.orgId,
          unitId: task.unitId,
          taskId: task.id,
          recordId: record.id,
          updatedAt: ctx.now,
        }))
      : [];
  await insertHazards(tx, rows);
  // The new version's hazards are in first, so superseding the old ones cannot settle (close) the task by itself.
  if (record.correctsId) {
    const open = (await hazardsOfRecord(tx, record.correctsId)).filter((h) => h.stage === 'found').map((h) => h.id);
    if (open.length > 0) await moveHazards(tx, ctx, open, 'record_corrected');
  }
  // Every hazard fixed on the spot: nothing left to follow, the task is 已办结.
  if (rows.length > 0) await closeTaskIfSettled(tx, ctx, task.id);
}

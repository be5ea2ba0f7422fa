import { DomainError } from '../../domain/errors.ts';
import { inspectorAtPosition } from '../../domain/publication/unit-page-rules.ts';
import { findFinishedTaskOfUnit, findUnitName, insertConductComplaint } from '../../db/unit-access-queries.ts';
import { recordUnitAudit } from './unit-audit.ts';
import type { UnitContext } from './unit-session.ts';

/**
 * 投诉 (POST /api/unit/complaints, decision 0024): about an inspector of one of the unit's own finished visits (by the
 * position its page shows; the id is resolved here) or the visit as a whole. Stored for 纪检 above the brigade; the
 * audit entry says only that a complaint was made, on which task and by which unit, never its words or contact.
 */
export async function complain(ctx: UnitContext, input: { taskId: string; inspector: string | null; text: string; contact: string }): Promise<{ id: string }> {
  const task = await findFinishedTaskOfUnit(ctx.db, input.taskId, ctx.session.unitId);
  if (!task) throw new DomainError('NOT_FOUND', '检查任务不存在：只能投诉本单位已完成的检查', { field: 'taskId' });
  const inspectorId = input.inspector === null ? null : inspectorAtPosition(task, input.inspector);
  if (input.inspector !== null && inspectorId === null) throw new DomainError('VALIDATION_FAILED', '投诉对象：该次检查没有这名检查人员', { field: 'inspector' });
  const unit = await findUnitName(ctx.db, ctx.session.unitId);
  return ctx.db.transaction(async (tx) => {
    const row = await insertConductComplaint(tx, {
      taskId: task.id,
      orgId: task.orgId,
      unitId: task.unitId,
      inspectorId,
      text: input.text,
      contact: input.contact,
      sessionId: ctx.session.sessionId,
      submittedAt: ctx.now,
    });
    await recordUnitAudit(tx, ctx, {
      action: 'unit_access.complaint',
      targetType: 'task',
      targetId: task.id,
      orgId: task.orgId,
      summary: { task: task.id, unit: unit?.name ?? '' },
    });
    return row;
  });
}

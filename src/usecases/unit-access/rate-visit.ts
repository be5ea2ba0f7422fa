import { DomainError } from '../../domain/errors.ts';
import { RATING_LABELS } from '../../domain/publication/unit-access.ts';
import { findFinishedTaskOfUnit, insertVisitRating } from '../../db/unit-access-queries.ts';
import { recordUnitAudit } from './unit-audit.ts';
import type { UnitContext } from './unit-session.ts';

export const ALREADY_RATED = '该次检查已评价';

/**
 * 评价 (POST /api/unit/ratings, decision 0024): 1–5 and a comment on one of the unit's own finished visits, once per
 * visit. The unique index decides between two submits at once: the second inserts nothing and is 409, never a 500.
 */
export async function rateVisit(ctx: UnitContext, input: { taskId: string; score: number; comment: string }): Promise<{ id: string }> {
  const task = await findFinishedTaskOfUnit(ctx.db, input.taskId, ctx.session.unitId);
  if (!task) throw new DomainError('NOT_FOUND', '检查任务不存在：只能评价本单位已完成的检查', { field: 'taskId' });
  return ctx.db.transaction(async (tx) => {
    const row = await insertVisitRating(tx, {
      taskId: task.id,
      orgId: task.orgId,
      unitId: task.unitId,
      score: input.score,
      comment: input.comment,
      sessionId: ctx.session.sessionId,
      submittedAt: ctx.now,
    });
    if (!row) throw new DomainError('CONFLICT', ALREADY_RATED, { field: 'taskId' });
    await recordUnitAudit(tx, ctx, {
      action: 'unit_access.rating',
      targetType: 'task',
      targetId: task.id,
      orgId: task.orgId,
      summary: { task: task.id, score: `${input.score} 分 ${RATING_LABELS[input.score] ?? ''}`.trim() },
    });
    return row;
  });
}

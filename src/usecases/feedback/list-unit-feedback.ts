import { DomainError } from '../../domain/errors.ts';
import { canReadComplaint, canReadFeedback } from '../../domain/publication/feedback-access.ts';
import { RATING_LABELS } from '../../domain/publication/unit-access.ts';
import { listComplaintsInScope, listRatingsInScope } from '../../db/publication-queries.ts';
import { inspectorNames, peopleOfTasks } from '../../db/unit-access-queries.ts';
import { roleOnTask } from '../../domain/publication/unit-page-rules.ts';
import type { FeedbackView } from '../../contracts/publication.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { scopePathOf } from '../lib/actor.ts';

const LIMIT = 500;

/**
 * 回访评价与投诉 (GET /api/feedback, decision 0024): the units' ratings and complaints in the reader's scope, newest
 * first, for 纪检 and the system administrator only (403 for everyone else); complaints only those the reader may read
 * (never an auditor of the inspecting brigade), with the inspector's full name.
 */
export async function listUnitFeedback(ctx: UseCaseContext): Promise<FeedbackView> {
  if (!canReadFeedback(ctx.actor)) throw new DomainError('FORBIDDEN', '回访评价与投诉仅纪检部门可以查看');
  const scope = scopePathOf(ctx.actor);
  const ratings = await listRatingsInScope(ctx.db, scope, LIMIT);
  const complaintRows = (await listComplaintsInScope(ctx.db, scope, LIMIT)).filter((c) => canReadComplaint(ctx.actor, c.complaint.orgId));
  const names = await inspectorNames(ctx.db, [...new Set(complaintRows.flatMap((c) => (c.complaint.inspectorId ? [c.complaint.inspectorId] : [])))]);
  const people = new Map((await peopleOfTasks(ctx.db, [...new Set(complaintRows.map((c) => c.complaint.taskId))])).map((t) => [t.id, t]));
  const inspectorLabel = (taskId: string, inspectorId: string | null) => {
    if (!inspectorId) return '整次检查';
    const task = people.get(taskId);
    const role = task ? roleOnTask(task, inspectorId) : null;
    return `${names.get(inspectorId) ?? '（检查人员）'}${role ? `（${role}）` : ''}`;
  };
  // An auditor of a brigade reads no complaint at all: every one in its scope is about its own brigade.
  const hidden = ctx.actor.role === 'auditor' && ctx.actor.orgKind === 'brigade';
  return {
    ratings: ratings.map((r) => ({
      id: r.rating.id,
      taskId: r.rating.taskId,
      score: r.rating.score,
      scoreLabel: `${r.rating.score} 分 ${RATING_LABELS[r.rating.score] ?? ''}`.trim(),
      comment: r.rating.comment,
      unitName: r.unitName,
      brigadeName: r.orgName,
      submittedAt: r.rating.submittedAt.toISOString(),
    })),
    complaints: hidden
      ? null
      : complaintRows.map((c) => ({
          id: c.complaint.id,
          taskId: c.complaint.taskId,
          unitName: c.unitName,
          brigadeName: c.orgName,
          inspectorLabel: inspectorLabel(c.complaint.taskId, c.complaint.inspectorId),
          text: c.complaint.text,
          contact: c.complaint.contact,
          submittedAt: c.complaint.submittedAt.toISOString(),
        })),
    complaintsHiddenReason: hidden ? '投诉不向实施检查的大队本级纪检显示，由上级纪检部门处理' : null,
  };
}

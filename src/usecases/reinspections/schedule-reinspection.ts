import { DOCUMENT_TYPE_LABELS } from '../../domain/documents/document-types.ts';
import { DomainError } from '../../domain/errors.ts';
import { reinspectionDue } from '../../domain/deadlines/deadlines.ts';
import { REINSPECTION_REASON_LABELS, type ReinspectionReason } from '../../domain/reinspections/reinspection-schedule.ts';
import { REINSPECTION_STRATUM } from '../../domain/tasks/task-kind.ts';
import { TASK_STATUS_LABELS } from '../../domain/tasks/task-lifecycle.ts';
import { localDate } from '../../domain/local-date.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import type { Tx } from '../../db/client.ts';
import { findDocument } from '../../db/document-queries.ts';
import { findTask, insertTask, type TaskRow } from '../../db/draw-queries.ts';
import { findTaskFollowing, hazardsOfNotice } from '../../db/reinspection-queries.ts';
import { moveHazards } from '../documents/move-hazards.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';

/**
 * Makes the 复查 task of a 责令限期改正通知书 inside the caller's transaction (decision 0023): the notice is locked, so two
 * callers queue and the second finds the first's task (409). The task: kind 'reinspection', following the notice, for
 * the notice's unit and brigade, with the original task's 主办 and 协办, stratum 「复查」, due within 3 working days of
 * the correction deadline (the latest of the hazards still ordered corrected) or of the unit's early request. Those
 * hazards move to 待复查 with the task named. `reason` says why (the scheduler's rule, by hand, or a request).
 * `noticeOrgPath` is checked by the caller (scope).
 */
export async function scheduleReinspection(
  tx: Tx,
  ctx: UseCaseContext,
  noticeId: string,
  options: { requestedOn: string | null; reason: ReinspectionReason | 'manual' },
): Promise<TaskRow> {
  const notice = await findDocument(tx, noticeId, true);
  if (!notice) throw new DomainError('NOT_FOUND', '通知书不存在');
  if (notice.docType !== 'deadline_notice') throw new DomainError('CONFLICT', `只能对责令限期改正通知书安排复查（本文书为${DOCUMENT_TYPE_LABELS[notice.docType as keyof typeof DOCUMENT_TYPE_LABELS] ?? notice.docType}）`);
  if (notice.status !== 'issued') throw new DomainError('CONFLICT', `通知书 ${notice.number} 已作废，不能安排复查`);
  const existing = await findTaskFollowing(tx, notice.id);
  if (existing) {
    throw new DomainError('CONFLICT', `通知书 ${notice.number} 已有复查任务（${TASK_STATUS_LABELS[existing.status]}，期限 ${existing.dueDate}），不能重复安排`, { taskId: existing.id });
  }
  const ordered = (await hazardsOfNotice(tx, notice.id)).filter((h) => h.stage === 'ordered');
  if (ordered.length === 0) throw new DomainError('CONFLICT', `通知书 ${notice.number} 没有待复查的隐患（均已改正或已另行处理）`);
  const correctionDue = ordered.map((h) => h.correctionDue).filter((d): d is string => d !== null).sort().at(-1);
  if (!correctionDue) throw new DomainError('CONFLICT', `通知书 ${notice.number} 的隐患没有整改期限，无法计算复查期限`);
  if (!notice.taskId) throw new DomainError('CONFLICT', `通知书 ${notice.number} 未关联检查任务，无法确定复查人员`);
  const original = await findTask(tx, notice.taskId);
  if (!original) throw new DomainError('CONFLICT', `通知书 ${notice.number} 关联的检查任务不存在`);

  const today = localDate(ctx.now);
  const years = [today, correctionDue, options.requestedOn].flatMap((d) => (d ? [Number(d.slice(0, 4)), Number(d.slice(0, 4)) + 1] : []));
  const calendar = await loadHolidayCalendar(tx, [...new Set(years)]);
  // By hand, on request or by the scheduler's rule: the due date follows the same law (120号令 art. 20).
  const dueDate = reinspectionDue(calendar, correctionDue, options.requestedOn);

  const values = {
    kind: 'reinspection' as const,
    drawId: null,
    followsDocumentId: notice.id,
    orgId: notice.orgId,
    unitId: notice.unitId,
    stratum: REINSPECTION_STRATUM,
    rank: 0,
    leadIds: original.task.leadIds,
    assistantIds: original.task.assistantIds,
    backups: { lead: [], assistant: [] },
    dueDate,
    status: 'assigned' as const,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const id = await insertTask(tx, values);
  await moveHazards(tx, ctx, ordered.map((h) => h.id), 'reinspection_scheduled', { reinspectionTaskId: id });
  await recordAudit(tx, ctx, {
    action: 'reinspection.create',
    targetType: 'task',
    targetId: id,
    orgId: notice.orgId,
    summary: {
      notice: notice.number,
      noticeId: notice.id,
      originalTask: original.task.id,
      correctionDue,
      requestedOn: options.requestedOn,
      dueDate,
      reason: options.reason === 'manual' ? '人工安排' : REINSPECTION_REASON_LABELS[options.reason],
      hazards: ordered.length,
    },
  });
  return (await findTask(tx, id))!.task;
}


import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { findDocument, findOrgForDocuments } from '../../db/document-queries.ts';
import type { TaskRow } from '../../db/draw-queries.ts';
import { findTaskFollowing, insertReinspectionRequest } from '../../db/reinspection-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';
import { scheduleReinspection } from './schedule-reinspection.ts';

/**
 * 登记提前复查申请 (POST /api/documents/:id/reinspection-requests): the unit says it has corrected the hazards before the
 * deadline and asks for the 复查 early; staff register the request (dated the day it was made, not after today) and the
 * 复查 task is made at once, due within 3 working days of the request (120号令 art. 20). A notice that already has its
 * 复查 task is 409 (nothing is registered).
 */
export async function requestEarlyReinspection(ctx: UseCaseContext, noticeId: string, input: { requestedOn: string; note: string }): Promise<TaskRow> {
  requirePermission(ctx.actor, 'draws.manage');
  const today = localDate(ctx.now);
  if (input.requestedOn > today) throw new DomainError('VALIDATION_FAILED', `申请日期：不能晚于今天（${today}）`, { field: 'requestedOn' });
  return ctx.db.transaction(async (tx) => {
    const notice = await findDocument(tx, noticeId, true);
    const org = notice ? await findOrgForDocuments(tx, notice.orgId) : null;
    if (!notice || !org) throw new DomainError('NOT_FOUND', '通知书不存在');
    requireInScope(ctx.actor, org.path, '通知书');
    if (input.requestedOn < notice.issueDate) {
      throw new DomainError('VALIDATION_FAILED', `申请日期：不能早于通知书的开具日期（${notice.issueDate}）`, { field: 'requestedOn' });
    }
    const existing = await findTaskFollowing(tx, notice.id);
    if (existing) throw new DomainError('CONFLICT', `通知书 ${notice.number} 已有复查任务（期限 ${existing.dueDate}），无需再登记提前复查申请`, { taskId: existing.id });
    const request = await insertReinspectionRequest(tx, {
      documentId: notice.id,
      requestedOn: input.requestedOn,
      note: input.note,
      recordedBy: ctx.actor.accountId,
      recordedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'reinspection.request',
      targetType: 'document',
      targetId: notice.id,
      orgId: notice.orgId,
      summary: { notice: notice.number, requestedOn: input.requestedOn, note: input.note, request: request.id },
    });
    return scheduleReinspection(tx, ctx, notice.id, { requestedOn: input.requestedOn, reason: 'early_request' });
  });
}

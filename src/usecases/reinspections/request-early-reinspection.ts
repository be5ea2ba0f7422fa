import type { AuditAction } from '../../domain/audit-actions.ts';
import type { JsonValue } from '../../domain/canonical-json.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import type { Tx } from '../../db/client.ts';
import { findDocument, findOrgForDocuments, type DocumentRow } from '../../db/document-queries.ts';
import type { TaskRow } from '../../db/draw-queries.ts';
import { findTaskFollowing, insertReinspectionRequest } from '../../db/reinspection-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';
import { scheduleReinspection } from './schedule-reinspection.ts';

/**
 * The step both ways of asking for an early 复查 share — staff registering the unit's request, and the unit on its own
 * page (src/usecases/unit-access/request-unit-reinspection.ts): inside the caller's transaction, with the notice locked
 * by the caller, a notice that already has its 复查 task is 409; otherwise the request is stored (recordedBy null: the
 * unit itself), audited under `audit.action`, and the 复查 task made at once, due within 3 working days of the request
 * (120号令 art. 20).
 */
export async function registerEarlyRequest(
  tx: Tx,
  ctx: UseCaseContext,
  notice: DocumentRow,
  input: { requestedOn: string; note: string; recordedBy: string | null },
  audit: { action: Extract<AuditAction, 'reinspection.request' | 'unit_access.reinspection'>; summary: Record<string, JsonValue> },
): Promise<TaskRow> {
  const existing = await findTaskFollowing(tx, notice.id);
  if (existing) throw new DomainError('CONFLICT', `通知书 ${notice.number} 已有复查任务（期限 ${existing.dueDate}），无需再申请提前复查`, { taskId: existing.id });
  const request = await insertReinspectionRequest(tx, {
    documentId: notice.id,
    requestedOn: input.requestedOn,
    note: input.note,
    recordedBy: input.recordedBy,
    recordedAt: ctx.now,
  });
  await recordAudit(tx, ctx, {
    action: audit.action,
    targetType: 'document',
    targetId: notice.id,
    orgId: notice.orgId,
    summary: { notice: notice.number, requestedOn: input.requestedOn, note: input.note, request: request.id, ...audit.summary },
  });
  return scheduleReinspection(tx, ctx, notice.id, { requestedOn: input.requestedOn, reason: 'early_request' });
}

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
    return registerEarlyRequest(tx, ctx, notice, { ...input, recordedBy: ctx.actor.accountId }, { action: 'reinspection.request', summary: {} });
  });
}

import { DomainError } from '../../domain/errors.ts';
import { findDocument, findOrgForDocuments } from '../../db/document-queries.ts';
import type { TaskRow } from '../../db/draw-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';
import { scheduleReinspection } from './schedule-reinspection.ts';

/**
 * 安排复查 by hand (POST /api/documents/:id/reinspection): the 复查 task of an issued 责令限期改正通知书 in the actor's
 * scope (src/usecases/reinspections/schedule-reinspection.ts). A second one for the same notice is 409.
 */
export async function createReinspectionTask(ctx: UseCaseContext, noticeId: string): Promise<TaskRow> {
  requirePermission(ctx.actor, 'draws.manage');
  return ctx.db.transaction(async (tx) => {
    const notice = await findDocument(tx, noticeId);
    const org = notice ? await findOrgForDocuments(tx, notice.orgId) : null;
    if (!notice || !org) throw new DomainError('NOT_FOUND', '通知书不存在');
    requireInScope(ctx.actor, org.path, '通知书');
    return scheduleReinspection(tx, ctx, noticeId, { requestedOn: null, reason: 'manual' });
  });
}

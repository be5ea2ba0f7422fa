import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { findDocument } from '../../db/document-queries.ts';
import { hazardsOfNotice } from '../../db/reinspection-queries.ts';
import { registerEarlyRequest } from '../reinspections/request-early-reinspection.ts';
import { unitActingContext } from './unit-audit.ts';
import type { UnitContext } from './unit-session.ts';

/**
 * 申请提前复查 from the unit's own page (POST /api/unit/reinspection-requests, decision 0024): the unit says it has
 * corrected the hazards of its 责令限期改正通知书 and asks for the 复查 now. The same step as staff registering it
 * (registerEarlyRequest), dated today, recorded by nobody (the unit), audited as unit_access.reinspection. Refused in
 * Chinese: another unit's notice (as missing), a voided or replaced one, one with nothing left to correct, one whose
 * deadline has passed (the 复查 is then made by the daily job), one that already has its 复查 (409).
 */
export async function requestUnitReinspection(ctx: UnitContext, input: { documentId: string; note: string }): Promise<{ dueDate: string }> {
  const today = localDate(ctx.now);
  const acting = unitActingContext(ctx);
  return ctx.db.transaction(async (tx) => {
    const notice = await findDocument(tx, input.documentId, true);
    if (!notice || notice.unitId !== ctx.session.unitId || !['deadline_notice', 'immediate_notice'].includes(notice.docType)) {
      throw new DomainError('NOT_FOUND', '整改通知书不存在：只能为本单位的整改通知书申请复查', { field: 'documentId' });
    }
    if (notice.docType !== 'deadline_notice') throw new DomainError('CONFLICT', '责令立即改正通知书无需申请复查');
    if (notice.status !== 'issued') throw new DomainError('CONFLICT', `通知书 ${notice.number} 已作废，不能申请复查`);
    const ordered = (await hazardsOfNotice(tx, notice.id)).filter((h) => h.stage === 'ordered');
    if (ordered.length === 0) throw new DomainError('CONFLICT', `通知书 ${notice.number} 没有待整改的隐患（已整改、已安排复查或已另行处理），无需申请`);
    const due = ordered.flatMap((h) => (h.correctionDue ? [h.correctionDue] : [])).sort().at(-1);
    if (due && today > due) throw new DomainError('CONFLICT', `通知书 ${notice.number} 的整改期限（${due}）已过，复查将由大队安排，无需申请提前复查`);
    const task = await registerEarlyRequest(tx, acting, notice, { requestedOn: today, note: input.note, recordedBy: null }, {
      action: 'unit_access.reinspection',
      summary: { session: ctx.session.sessionId },
    });
    return { dueDate: task.dueDate };
  });
}

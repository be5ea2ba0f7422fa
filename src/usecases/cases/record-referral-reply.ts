import { canHandleCases, canReadCases } from '../../domain/cases/case-access.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { findReferral, updateReferral } from '../../db/case-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';

/** 登记移送回复 (decision 0023): the receiving department's answer, once, not before the referral nor in the future. */
export async function recordReferralReply(ctx: UseCaseContext, referralId: string, input: { replyOn: string; replyText: string }): Promise<string | null> {
  return ctx.db.transaction(async (tx) => {
    const found = await findReferral(tx, referralId, true);
    if (!found || !canReadCases(ctx.actor, found.org.path)) throw new DomainError('NOT_FOUND', '移送记录不存在');
    if (!canHandleCases(ctx.actor, found.org.path)) throw new DomainError('FORBIDDEN', '只有本大队的大队管理员可以办理案件、移送和查封');
    const r = found.referral;
    if (r.status === 'replied') throw new DomainError('CONFLICT', '该移送已登记回复');
    if (input.replyOn > localDate(ctx.now)) throw new DomainError('VALIDATION_FAILED', '回复日期：不能晚于今天', { field: 'replyOn' });
    if (input.replyOn < r.sentOn) throw new DomainError('VALIDATION_FAILED', `回复日期：不能早于移送日期 ${r.sentOn}`, { field: 'replyOn' });
    await updateReferral(tx, r.id, { status: 'replied', replyOn: input.replyOn, replyText: input.replyText });
    await recordAudit(tx, ctx, {
      action: 'referral.reply',
      targetType: 'referral',
      targetId: r.id,
      orgId: r.orgId,
      summary: { departmentName: r.departmentName, replyOn: input.replyOn, reply: input.replyText.slice(0, 200) },
    });
    return r.caseId;
  });
}

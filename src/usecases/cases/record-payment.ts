import { PAYMENT_STATUS_LABELS } from '../../domain/cases/case-types.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { updateCase } from '../../db/case-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadCase } from './load-case.ts';

export type PaymentInput = { status: 'paid' | 'enforced'; paidOn: string; note: string };

/** 登记罚款缴纳或强制执行 of a decided fine (decision 0023): once, on or after the decision, not in the future. */
export async function recordPayment(ctx: UseCaseContext, caseId: string, input: PaymentInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { case: c } = await loadCase(ctx, caseId, { db: tx, act: true, forUpdate: true });
    if (c.status !== 'decided' || c.paymentStatus !== 'unpaid') throw new DomainError('CONFLICT', '该案件没有待缴纳的罚款');
    if (input.paidOn > localDate(ctx.now)) throw new DomainError('VALIDATION_FAILED', '缴纳日期：不能晚于今天', { field: 'paidOn' });
    if (c.decidedOn && input.paidOn < c.decidedOn) throw new DomainError('VALIDATION_FAILED', `缴纳日期：不能早于决定日期 ${c.decidedOn}`, { field: 'paidOn' });
    await updateCase(tx, c.id, { paymentStatus: input.status, paidOn: input.paidOn, paymentNote: input.note || null, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'case.payment',
      targetType: 'case',
      targetId: c.id,
      orgId: c.orgId,
      summary: { number: c.number, status: PAYMENT_STATUS_LABELS[input.status], paidOn: input.paidOn, note: input.note },
    });
  });
}

import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { WITHDRAW_KIND_LABELS } from '../../domain/publication/publication-types.ts';
import { updateCase, type CaseRow } from '../../db/case-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requestWithdrawal } from '../publication/request-withdrawal.ts';
import { loadCase } from './load-case.ts';

export type RevokePenaltyInput = { kind: 'revoked' | 'changed'; revokedOn: string; reason: string };

/**
 * 撤销/变更处罚决定 (POST /api/cases/:id/revoke; decision 0024): after 行政复议, 诉讼 or the organ's own correction, a
 * decided or closed case's penalty is revoked or changed, with the date and the ground. The case becomes 处罚决定已撤销
 * and its published penalty entry waits to be withdrawn within 3 working days (行政处罚法 art. 48); an entry not yet
 * published is never published. A changed decision is then decided again as a new case.
 */
export async function revokePenalty(ctx: UseCaseContext, caseId: string, input: RevokePenaltyInput): Promise<CaseRow> {
  return ctx.db.transaction(async (tx) => {
    const { case: c } = await loadCase(ctx, caseId, { db: tx, act: true, forUpdate: true });
    if (c.status !== 'decided' && c.status !== 'closed') throw new DomainError('CONFLICT', c.status === 'revoked' ? '该案件的处罚决定已撤销' : '该案件尚未作出处罚决定，不能撤销');
    const today = localDate(ctx.now);
    if (input.revokedOn > today) throw new DomainError('VALIDATION_FAILED', '撤销日期：不能晚于今天', { field: 'revokedOn' });
    if (c.decidedOn && input.revokedOn < c.decidedOn) throw new DomainError('VALIDATION_FAILED', `撤销日期：不能早于决定日期 ${c.decidedOn}`, { field: 'revokedOn' });
    const patch = { status: 'revoked' as const, revokedOn: input.revokedOn, revokeKind: input.kind, revokeReason: input.reason, updatedAt: ctx.now };
    await updateCase(tx, c.id, patch);
    await recordAudit(tx, ctx, {
      action: 'case.revoke',
      targetType: 'case',
      targetId: c.id,
      orgId: c.orgId,
      summary: { number: c.number, how: WITHDRAW_KIND_LABELS[input.kind], revokedOn: input.revokedOn, reason: input.reason },
    });
    await requestWithdrawal(tx, ctx, c.id, input.kind, input.reason, input.revokedOn);
    return { ...c, ...patch };
  });
}

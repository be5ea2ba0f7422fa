import { CLOSE_WITHOUT_PENALTY_LABELS } from '../../contracts/cases.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { hazardsOfCase, updateCase } from '../../db/case-queries.ts';
import { moveHazards } from '../documents/move-hazards.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadCase } from './load-case.ts';

export type CloseCaseInput = { withoutPenalty: 'no_penalty' | 'withdrawn' | null; note: string };

/**
 * 结案 (decision 0023): a decided case once its fine is paid or enforced (or it had none); an open case only without a
 * penalty (不予处罚 / 撤销立案) and with a reason. The case's hazards are then 已办结, and their tasks close when settled.
 */
export async function closeCase(ctx: UseCaseContext, caseId: string, input: CloseCaseInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { case: c } = await loadCase(ctx, caseId, { db: tx, act: true, forUpdate: true });
    if (c.status === 'closed') throw new DomainError('CONFLICT', '该案件已结案');
    if (c.status === 'decided') {
      if (input.withoutPenalty) throw new DomainError('CONFLICT', '该案件已作出处罚决定，不能以不予处罚或撤销立案结案', { field: 'withoutPenalty' });
      if (c.paymentStatus === 'unpaid') throw new DomainError('CONFLICT', '罚款尚未缴纳或强制执行，不能结案');
    } else {
      if (!input.withoutPenalty) throw new DomainError('VALIDATION_FAILED', '结案方式：案件尚未作出处罚决定，只能以不予处罚或撤销立案结案', { field: 'withoutPenalty' });
      if (!input.note) throw new DomainError('VALIDATION_FAILED', '结案说明：不予处罚或撤销立案必须说明理由', { field: 'note' });
    }
    const closedOn = localDate(ctx.now);
    const how = input.withoutPenalty ? CLOSE_WITHOUT_PENALTY_LABELS[input.withoutPenalty] : '执行完毕';
    const note = input.note ? `${how}：${input.note}` : how;
    await updateCase(tx, c.id, { status: 'closed', closedOn, closeNote: note, updatedAt: ctx.now });
    const hazards = (await hazardsOfCase(tx, c.id)).filter((h) => h.stage === 'case');
    if (hazards.length > 0) await moveHazards(tx, ctx, hazards.map((h) => h.id), 'case_closed', { caseId: c.id });
    await recordAudit(tx, ctx, {
      action: 'case.close',
      targetType: 'case',
      targetId: c.id,
      orgId: c.orgId,
      summary: { number: c.number, closedOn, how, note: input.note, hazards: hazards.length },
    });
  });
}

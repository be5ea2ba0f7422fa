import { DomainError } from '../../domain/errors.ts';
import { cancelOpenCallbackUnits, listCallbackExternalEntries, updateCallbackRound } from '../../db/callback-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { computeResult, drawInputsFrom } from '../draws/draw-result.ts';
import { changeableRound } from './callback-access.ts';

/**
 * 作废 a callback round with a reason: never deleted; a frozen round is voided only once its external value is
 * confirmed, and its would-be result is computed and kept with the void (so voiding never hides an outcome); calls not yet made are
 * cancelled; a new round of the quarter must name new external values.
 */
export async function voidCallbackRound(ctx: UseCaseContext, roundId: string, reason: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { round, org } = await changeableRound(ctx, roundId, tx);
    if (round.status === 'voided') throw new DomainError('CONFLICT', '该回访抽取已作废');
    let wouldBe: Awaited<ReturnType<typeof computeResult>> | null = null;
    if (round.status === 'frozen') {
      const inputs = drawInputsFrom(round.manifest, [], await listCallbackExternalEntries(tx, roundId));
      // Without observers only the lottery value is missing, and once it is drawn anyone can compute the result: as
      // for plan draws, such a round is voided only after the value is entered, and its would-be result goes with it.
      if (inputs.missing) {
        throw new DomainError('CONFLICT', '开奖后任何人都能算出本次回访抽取的结果：请在开奖号码公布并由两名纪检人员录入一致后再作废，届时本应产生的结果将随作废一并公开');
      }
      wouldBe = await computeResult(round, inputs);
    }
    await updateCallbackRound(tx, roundId, {
      status: 'voided',
      voidedAt: ctx.now,
      voidedBy: ctx.actor.accountId,
      voidReason: reason,
      ...(wouldBe ? { seed: wouldBe.result.seed, result: wouldBe.result, resultHash: wouldBe.hash } : {}),
    });
    const cancelled = await cancelOpenCallbackUnits(tx, roundId);
    await recordAudit(tx, ctx, {
      action: 'callback.void',
      targetType: 'callback_round',
      targetId: roundId,
      orgId: org.id,
      summary: { drawId: round.code, reason, wasExecuted: round.status === 'executed', resultHash: round.resultHash ?? wouldBe?.hash ?? null, cancelledTasks: cancelled },
    });
  });
}

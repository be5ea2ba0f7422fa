import { DomainError } from '../../domain/errors.ts';
import { cancelOpenTasks, updateDrawRow } from '../../db/draw-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { readableDraw } from './draw-access.ts';
import { computeResult, drawInputsOf } from './draw-result.ts';

/**
 * 作废: a draw is never deleted or re-drawn. Voiding needs a reason; the draw, its manifest and its would-be
 * result stay visible (portal, bundle and audit log), its open tasks are cancelled (the void's audit entry
 * gives the reason and the count; each task shows 已取消 — one row per task in the changes would bury the
 * 递补 in a large draw), and the plan may then be drawn again only with a new manifest naming new external
 * values.
 *
 * A frozen draw whose inputs are complete has a result already, whoever computes it: voiding computes and keeps
 * it, so "void and draw again" never hides an outcome someone disliked. Once every observer has revealed, only
 * the lottery value is missing, and when the lottery is drawn anyone can compute the result; such a draw is
 * voided only after the value is entered, so its would-be result is published with the void.
 */
export async function voidDraw(ctx: UseCaseContext, drawId: string, reason: string): Promise<void> {
  requirePermission(ctx.actor, 'draws.manage');
  await ctx.db.transaction(async (tx) => {
    const { draw, org } = await readableDraw(ctx, drawId, tx, true);
    if (draw.status === 'voided') throw new DomainError('CONFLICT', '该抽取已作废');
    let wouldBe: Awaited<ReturnType<typeof computeResult>> | null = null;
    if (draw.status === 'frozen') {
      const inputs = await drawInputsOf(tx, draw);
      if (!inputs.missing) wouldBe = await computeResult(draw, inputs);
      else if (inputs.revealed) {
        throw new DomainError(
          'CONFLICT',
          '监督人密钥已全部公开，只差开奖号码：开奖后任何人都能算出本次结果。请在开奖号码公布并由两名工作人员录入一致后再作废，届时本应产生的结果将随作废一并公开',
        );
      }
    }
    await updateDrawRow(tx, drawId, {
      status: 'voided',
      voidedAt: ctx.now,
      voidedBy: ctx.actor.accountId,
      voidReason: reason,
      ...(wouldBe ? { seed: wouldBe.result.seed, result: wouldBe.result, resultHash: wouldBe.hash } : {}),
    });
    const cancelled = await cancelOpenTasks(tx, drawId, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'draw.void',
      targetType: 'draw',
      targetId: drawId,
      orgId: org.id,
      summary: {
        drawId: draw.code,
        reason,
        wasExecuted: draw.status === 'executed',
        resultHash: draw.resultHash ?? wouldBe?.hash ?? null,
        wouldBeResultPublished: wouldBe !== null,
        cancelledTasks: cancelled,
      },
    });
  });
}

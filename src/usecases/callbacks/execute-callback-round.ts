import { DomainError } from '../../domain/errors.ts';
import { brigadesOfUnits } from '../../db/draw-queries.ts';
import { insertCallbackUnits, listCallbackExternalEntries, updateCallbackRound } from '../../db/callback-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { computeResult, drawInputsFrom } from '../draws/draw-result.ts';
import { changeableRound, requireFrozenRound } from './callback-access.ts';

/**
 * 执行抽取 of a callback round: F over the frozen manifest and the confirmed external values (the same code as a plan
 * draw), the drawn units stored with their 回访人 (lead) and 记录人 (assistant), in one transaction with its audit
 * entry. The round row is locked first; there is no re-draw.
 */
export async function executeCallbackRound(ctx: UseCaseContext, roundId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { round, org } = await changeableRound(ctx, roundId, tx);
    requireFrozenRound(round);
    const inputs = drawInputsFrom(round.manifest, [], await listCallbackExternalEntries(tx, roundId));
    if (inputs.missing) throw new DomainError('CONFLICT', inputs.missing.replace('两名工作人员', '两名纪检人员'));
    const { result, hash } = await computeResult(round, inputs);
    await updateCallbackRound(tx, roundId, { status: 'executed', seed: result.seed, result, resultHash: hash, executedAt: ctx.now, executedBy: ctx.actor.accountId });
    const stratumOf = new Map(round.manifest.candidates.map((c) => [c[0], c[1]]));
    const rankOf = new Map(result.strata.flatMap((s) => s.selected.map((id, i) => [id, i + 1] as const)));
    const brigadeOf = await brigadesOfUnits(tx, result.tasks.map((t) => t.unitId));
    await insertCallbackUnits(
      tx,
      result.tasks.map((t) => ({
        roundId,
        unitId: t.unitId,
        brigadeId: brigadeOf.get(t.unitId)!,
        stratum: stratumOf.get(t.unitId)!,
        rank: rankOf.get(t.unitId)!,
        callerId: t.lead[0]!,
        recorderId: t.assistant[0]!,
        createdAt: ctx.now,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'callback.execute',
      targetType: 'callback_round',
      targetId: roundId,
      orgId: org.id,
      summary: { drawId: round.code, manifestHash: round.manifestHash, seed: result.seed, resultHash: hash, tasks: result.tasks.length, external: inputs.externals.map((e) => `${e.source} ${e.ref}: ${e.value}`) },
    });
  });
}

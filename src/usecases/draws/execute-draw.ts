import { DomainError } from '../../domain/errors.ts';
import { brigadesOfUnits, insertTasks, updateDrawRow } from '../../db/draw-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { readableDraw, requireFrozen } from './draw-access.ts';
import { computeResult, drawInputsOf } from './draw-result.ts';

/**
 * 执行 (draw-algorithm.md §1.5): computes the seed and the result from the frozen manifest, the reveals and the
 * confirmed external values, and creates every task, in one transaction with its audit entry. The draw row is
 * locked first, so of two concurrent executions one succeeds and the other gets CONFLICT; there is no re-draw.
 */
export async function executeDraw(ctx: UseCaseContext, drawId: string): Promise<void> {
  requirePermission(ctx.actor, 'draws.manage');
  await ctx.db.transaction(async (tx) => {
    const { draw, org } = await readableDraw(ctx, drawId, tx, true);
    requireFrozen(draw);
    const manifest = draw.manifest;
    const inputs = await drawInputsOf(tx, draw);
    if (inputs.missing) throw new DomainError('CONFLICT', inputs.missing);
    const { result, hash } = await computeResult(draw, inputs);
    await updateDrawRow(tx, drawId, { status: 'executed', seed: result.seed, result, resultHash: hash, executedAt: ctx.now, executedBy: ctx.actor.accountId });

    const stratumOf = new Map(manifest.candidates.map((c) => [c[0], c[1]]));
    const rankOf = new Map(result.strata.flatMap((s) => s.selected.map((id, i) => [id, i] as const)));
    const brigadeOf = await brigadesOfUnits(tx, result.tasks.map((t) => t.unitId));
    await insertTasks(
      tx,
      result.tasks.map((t) => ({
        drawId,
        orgId: brigadeOf.get(t.unitId) ?? org.id,
        unitId: t.unitId,
        stratum: stratumOf.get(t.unitId)!,
        rank: rankOf.get(t.unitId)!,
        // Copies: the draw's id lists are frozen and shared between tasks.
        leadIds: [...t.lead],
        assistantIds: [...t.assistant],
        backups: { lead: [...t.backups.lead], assistant: [...t.backups.assistant] },
        dueDate: draw.dueDate,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'draw.execute',
      targetType: 'draw',
      targetId: drawId,
      orgId: org.id,
      summary: {
        drawId: draw.code,
        manifestHash: draw.manifestHash,
        seed: result.seed,
        resultHash: hash,
        tasks: result.tasks.length,
        external: inputs.externals.map((e) => `${e.source} ${e.ref}: ${e.value}`),
      },
    });
  });
}

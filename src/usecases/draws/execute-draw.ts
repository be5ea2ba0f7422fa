import { eq } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import { freezeManifest } from '../../domain/draw/draw.ts';
import { isDrawError } from '../../domain/draw/draw-error.ts';
import { confirmedExternalValue } from '../../domain/draw/external-entries.ts';
import type { DrawResult, ExternalValue, ObserverReveal } from '../../domain/draw/draw-types.ts';
import { resultHash } from '../../domain/draw/jcs-hash.ts';
import type { Tx } from '../../db/client.ts';
import { listExternalEntries, listObservers, type DrawRow } from '../../db/draw-queries.ts';
import { draws, tasks, units } from '../../db/schema.ts';
import { anyUuidOf } from '../../db/sql-helpers.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { executeDrawInParallel } from '../../workers/draw-hashing-pool.ts';
import { manifestOf, readableDraw, requireFrozen } from './draw-access.ts';

/**
 * 执行 (DRAW-SPEC §1.5): computes the seed and the result from the frozen manifest, the reveals and the
 * confirmed external values, and creates every task, in one transaction with its audit entry. The draw row is
 * locked first, so of two concurrent executions one succeeds and the other gets CONFLICT; there is no re-draw.
 */
export async function executeDraw(ctx: UseCaseContext, drawId: string): Promise<void> {
  requirePermission(ctx.actor, 'draws.manage');
  await ctx.db.transaction(async (tx) => {
    const { draw, org } = await readableDraw(ctx, drawId, tx, true);
    requireFrozen(draw);
    const manifest = manifestOf(draw);
    const inputs = await drawInputsOf(tx, draw);
    if (inputs.missing) throw new DomainError('CONFLICT', inputs.missing);
    const { result, hash } = await computeResult(draw, inputs);
    await tx
      .update(draws)
      .set({ status: 'executed', seed: result.seed, result, resultHash: hash, executedAt: ctx.now, executedBy: ctx.actor.accountId })
      .where(eq(draws.id, drawId));

    const stratumOf = new Map(manifest.candidates.map((c) => [c[0], c[1]]));
    const rankOf = new Map(result.strata.flatMap((s) => s.selected.map((id, i) => [id, i] as const)));
    const unitIds = result.tasks.map((t) => t.unitId);
    const brigadeOf = new Map(
      unitIds.length ? (await tx.select({ id: units.id, brigadeId: units.brigadeId }).from(units).where(anyUuidOf(units.id, unitIds))).map((u) => [u.id, u.brigadeId]) : [],
    );
    for (let i = 0; i < result.tasks.length; i += 500) {
      await tx.insert(tasks).values(
        result.tasks.slice(i, i + 500).map((t) => ({
          drawId,
          orgId: brigadeOf.get(t.unitId) ?? org.id,
          unitId: t.unitId,
          stratum: stratumOf.get(t.unitId)!,
          rank: rankOf.get(t.unitId)!,
          leadIds: t.lead,
          assistantIds: t.assistant,
          backups: t.backups,
          dueDate: draw.dueDate,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })),
      );
    }
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

type Reveal = Pick<ObserverReveal, 'id' | 'reveal'>;

/**
 * What F needs besides the manifest (DRAW-SPEC §1.3–1.4): every observer's reveal and every named external
 * value confirmed by two accounts. `missing` says in Chinese what is still lacking; `revealed` whether only
 * external values are (from then on the result is known to anyone once the lottery is drawn).
 */
export async function drawInputsOf(tx: Tx, draw: DrawRow): Promise<{ reveals: Reveal[]; externals: ExternalValue[]; revealed: boolean; missing: string | null }> {
  const manifest = manifestOf(draw);
  const observers = await listObservers(tx, draw.id);
  const pending = observers.filter((o) => !o.reveal);
  const entries = await listExternalEntries(tx, draw.id);
  const externals: ExternalValue[] = [];
  let missing: string | null = pending.length > 0 ? `还有 ${pending.length} 名监督人未揭示密钥` : null;
  for (const ref of manifest.external) {
    const value = confirmedExternalValue(entries.filter((e) => e.source === ref.source && e.ref === ref.ref));
    if (value === null) missing ??= `${ref.source} 第 ${ref.ref} 期的开奖号码须由两名工作人员分别录入且一致`;
    else externals.push({ source: ref.source, ref: ref.ref, value });
  }
  const byId = new Map(observers.map((o) => [o.observerId, o.reveal ?? '']));
  const reveals = manifest.observers.map((id) => ({ id, reveal: byId.get(id) ?? '' }));
  return { reveals, externals, revealed: pending.length === 0, missing };
}

/** F over the stored manifest and complete inputs; the manifest must still hash to what was published. */
export async function computeResult(draw: DrawRow, inputs: { reveals: Reveal[]; externals: ExternalValue[] }): Promise<{ result: DrawResult; hash: string }> {
  try {
    // The whole F again (validate and hash the stored manifest, then draw): a large draw hashes on two threads.
    const frozen = freezeManifest(manifestOf(draw));
    if (frozen.hashHex !== draw.manifestHash) throw new DomainError('CONFLICT', '抽取清单与冻结时公布的哈希不一致，不能执行');
    const result = await executeDrawInParallel(frozen, inputs.reveals, inputs.externals);
    return { result, hash: resultHash(result) };
  } catch (e) {
    if (isDrawError(e)) throw new DomainError('CONFLICT', `抽取无法完成：${e.message}`);
    throw e;
  }
}

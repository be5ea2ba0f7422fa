import { DomainError } from '../../domain/errors.ts';
import { freezeManifest } from '../../domain/draw/draw.ts';
import { isDrawError } from '../../domain/draw/draw-error.ts';
import type { DrawResult, ExternalValue, Manifest, ObserverReveal } from '../../domain/draw/draw-types.ts';
import { confirmedExternalValue } from '../../domain/draw/external-entries.ts';
import { resultHash } from '../../domain/draw/jcs-hash.ts';
import type { Tx } from '../../db/client.ts';
import { listExternalEntries, listObservers, type DrawRow } from '../../db/draw-queries.ts';
import { executeDrawInParallel } from '../../workers/draw-hashing-pool.ts';

/* A draw's inputs and its result F, shared by execution and by the void of a frozen draw whose inputs are complete. */

type Reveal = Pick<ObserverReveal, 'id' | 'reveal'>;

/**
 * What F needs besides the manifest (draw-algorithm.md §1.3–1.4): every observer's reveal and every named external
 * value confirmed by two accounts. `missing` says in Chinese what is still lacking; `revealed` whether only
 * external values are (from then on the result is known to anyone once the lottery is drawn).
 */
export async function drawInputsOf(tx: Tx, draw: DrawRow): Promise<DrawInputs> {
  return drawInputsFrom(draw.manifest, await listObservers(tx, draw.id), await listExternalEntries(tx, draw.id));
}

export type DrawInputs = { reveals: Reveal[]; externals: ExternalValue[]; revealed: boolean; missing: string | null };

/** {@link drawInputsOf} from the rows already read (plan draws and 纪检 callback rounds keep them in their own tables). */
export function drawInputsFrom(
  manifest: Manifest,
  observers: readonly { observerId: string; reveal: string | null }[],
  entries: readonly { source: string; ref: string; value: string; enteredBy: string }[],
): DrawInputs {
  const pending = observers.filter((o) => !o.reveal);
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
export async function computeResult(draw: Pick<DrawRow, 'manifest' | 'manifestHash'>, inputs: { reveals: Reveal[]; externals: ExternalValue[] }): Promise<{ result: DrawResult; hash: string }> {
  try {
    // The whole F again (validate and hash the stored manifest, then draw): a large draw hashes on two threads.
    const frozen = freezeManifest(draw.manifest);
    if (frozen.hashHex !== draw.manifestHash) throw new DomainError('CONFLICT', '抽取清单与冻结时公布的哈希不一致，不能执行');
    const result = await executeDrawInParallel(frozen, inputs.reveals, inputs.externals);
    return { result, hash: resultHash(result) };
  } catch (e) {
    if (isDrawError(e)) throw new DomainError('CONFLICT', `抽取无法完成：${e.message}`);
    throw e;
  }
}

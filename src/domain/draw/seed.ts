import { Sha256, fromHex, toHex } from '../crypto/sha256.ts';
import { TAG_COMMIT, TAG_SEED, isLowerHex, lp } from './bytes.ts';
import { DrawError } from './draw-error.ts';
import type { ExternalValue, Manifest, ObserverReveal } from './draw-types.ts';
import { manifestHashBytes } from './jcs-hash.ts';

/** §1 step 2: an observer's secret is at least 16 random bytes. */
export const MIN_REVEAL_BYTES = 16;

/**
 * An observer's commitment (draw-algorithm.md §1 step 2): `H(pad32("XF-SRS/1/commit") ‖ manifestHash ‖ LP(id) ‖
 * LP(reveal))`, lowercase hex. Binding the manifest hash means a commitment cannot be reused for another draw.
 */
export function commitmentOf(manifestHash: string | Uint8Array, observerId: string, revealBytes: Uint8Array): string {
  const hashBytes = typeof manifestHash === 'string' ? fromHex(manifestHash) : manifestHash;
  return toHex(new Sha256().update(TAG_COMMIT).update(hashBytes).update(lp(observerId)).update(lp(revealBytes)).digest());
}

/** Unicode White_Space (the same set in every language with a Unicode property table). */
const WHITESPACE_RUN = /\p{White_Space}+/gu;

/**
 * An external value as it enters the seed (§4): runs of whitespace collapsed to one space, then trimmed
 * ("5  0\u30008 " → "5 0 8"). Whitespace is the Unicode White_Space property: ASCII space, tab and line
 * breaks, NBSP, the ideographic space U+3000 a Chinese input method types, and the other Zs spaces.
 */
export function normalizeExternalValue(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * The reveals' secrets as bytes, checked against the manifest's observers: the same ids in the same order,
 * each lowercase hex of at least 16 bytes. Throws INVALID_INPUTS.
 */
export function revealBytesInOrder(manifest: Manifest, reveals: readonly Pick<ObserverReveal, 'id' | 'reveal'>[]): Uint8Array[] {
  if (reveals.length !== manifest.observers.length) {
    throw new DrawError('INVALID_INPUTS', `抽取清单列有 ${manifest.observers.length} 名监督人，但提供了 ${reveals.length} 个揭示值`);
  }
  return manifest.observers.map((id, i) => {
    const r = reveals[i] as Pick<ObserverReveal, 'id' | 'reveal'>;
    if (typeof r.id !== 'string' || r.id.normalize('NFC') !== id.normalize('NFC')) {
      throw new DrawError('INVALID_INPUTS', `第 ${i + 1} 个揭示值应属于监督人「${id}」，实际为「${String(r.id)}」`, { index: i });
    }
    if (!isLowerHex(r.reveal) || r.reveal.length < MIN_REVEAL_BYTES * 2) {
      throw new DrawError('INVALID_INPUTS', `监督人「${id}」的揭示值应为至少 ${MIN_REVEAL_BYTES} 字节的小写十六进制`, { index: i });
    }
    return fromHex(r.reveal);
  });
}

/**
 * The external values in the manifest's order, checked against its references (same source and ref, in
 * order) and normalised. Throws INVALID_INPUTS.
 */
export function externalValuesInOrder(manifest: Manifest, externals: readonly ExternalValue[]): ExternalValue[] {
  if (externals.length !== manifest.external.length) {
    throw new DrawError('INVALID_INPUTS', `抽取清单列有 ${manifest.external.length} 个外部随机源，但提供了 ${externals.length} 个值`);
  }
  return manifest.external.map((ref, i) => {
    const e = externals[i] as ExternalValue;
    if (typeof e.source !== 'string' || typeof e.ref !== 'string' || e.source.normalize('NFC') !== ref.source.normalize('NFC') || e.ref.normalize('NFC') !== ref.ref.normalize('NFC')) {
      throw new DrawError('INVALID_INPUTS', `第 ${i + 1} 个外部随机源应为「${ref.source} ${ref.ref}」，实际为「${String(e.source)} ${String(e.ref)}」`, { index: i });
    }
    const value = typeof e.value === 'string' ? normalizeExternalValue(e.value) : '';
    if (value === '') throw new DrawError('INVALID_INPUTS', `外部随机源「${ref.source} ${ref.ref}」的开奖值为空`, { index: i });
    return { source: ref.source, ref: ref.ref, value };
  });
}

/**
 * The seed of §4 from a manifest hash already computed:
 * `H(pad32("XF-SRS/1/seed") ‖ manifestHash ‖ (LP(observerId) ‖ LP(reveal))… ‖ (LP(source) ‖ LP(ref) ‖ LP(value))…)`.
 */
export function computeSeedBytes(
  manifest: Manifest,
  hashOfManifest: Uint8Array,
  reveals: readonly Pick<ObserverReveal, 'id' | 'reveal'>[],
  externals: readonly ExternalValue[],
): Uint8Array {
  const secrets = revealBytesInOrder(manifest, reveals);
  const values = externalValuesInOrder(manifest, externals);
  const h = new Sha256().update(TAG_SEED).update(hashOfManifest);
  manifest.observers.forEach((id, i) => h.update(lp(id)).update(lp(secrets[i] as Uint8Array)));
  for (const e of values) h.update(lp(e.source)).update(lp(e.ref)).update(lp(e.value));
  return h.digest();
}

/**
 * The seed of a draw (draw-algorithm.md §4), lowercase hex: the manifest hash, then each observer's id and secret in
 * manifest order, then each external reference with its value in manifest order. Reveals and external values
 * must match the manifest's observers and references one for one, in order (INVALID_INPUTS otherwise); values
 * are normalised by {@link normalizeExternalValue}.
 */
export function computeSeed(manifest: Manifest, reveals: readonly Pick<ObserverReveal, 'id' | 'reveal'>[], externals: readonly ExternalValue[]): string {
  return toHex(computeSeedBytes(manifest, manifestHashBytes(manifest), reveals, externals));
}

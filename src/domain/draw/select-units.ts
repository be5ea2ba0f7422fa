import { Sha256 } from '../crypto/sha256.ts';
import { TAG_UNIT, utf8, writeUtf8 } from './bytes.ts';
import type { ManifestCandidate } from './draw-types.ts';

/**
 * Selection of DRAW-SPEC §5: Efraimidis–Spirakis weighted sampling without replacement, with an order defined
 * exactly in integers so that every implementation ranks alike.
 *
 * Each unit gets `a = 2M + 1`, an odd integer below 2^53 (exact in a double), from
 * `H(pad32("XF-SRS/1/unit") ‖ seed ‖ utf8(unitId))`. Its key is `−ln(a / 2^53) / weight`; smaller first.
 */

/** Keys closer than this (relative) are ordered by the exact integer test, never by the floats. */
export const NEAR_TIE_RELATIVE = 1e-9;

const TWO_POW_MINUS_53 = 2 ** -53;
const TWO_POW_21 = 2 ** 21;

/**
 * `a = 2M + 1` of units under one seed: `M` is the first 8 bytes of `H(pad32("XF-SRS/1/unit") ‖ seed ‖
 * utf8(unitId))`, big-endian, shifted right by 12. The 64-byte prefix is one SHA-256 block, absorbed once; each
 * unit costs one more block (ids up to 55 bytes), with no allocation for ASCII ids.
 */
export class UnitHasher {
  private readonly prefix: Sha256;
  private readonly scratch = new Uint8Array(256);
  private readonly words = new Uint32Array(8);

  constructor(seed: Uint8Array) {
    this.prefix = new Sha256().update(TAG_UNIT).update(seed);
  }

  randomOf(unitId: string): number {
    const words = this.words;
    if (!this.prefix.digestAsciiSuffix(unitId, words)) {
      const length = writeUtf8(unitId, this.scratch, 0);
      if (length >= 0) this.prefix.digestWithSuffix(this.scratch, 0, length, words);
      else {
        const bytes = utf8(unitId);
        this.prefix.digestWithSuffix(bytes, 0, bytes.length, words);
      }
    }
    // M = hi·2^20 + (lo >>> 12), so a = 2M + 1 = hi·2^21 + (lo >>> 12)·2 + 1 < 2^53.
    return (words[0] as number) * TWO_POW_21 + ((words[1] as number) >>> 12) * 2 + 1;
  }
}

/** `a` of every candidate, by index (see {@link UnitHasher}). */
export function computeUnitRandoms(seed: Uint8Array, candidates: readonly ManifestCandidate[]): Float64Array {
  const hasher = new UnitHasher(seed);
  const out = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) out[i] = hasher.randomOf((candidates[i] as ManifestCandidate)[0]);
  return out;
}

/** `a` of one unit (see {@link UnitHasher}). */
export function unitRandom(seed: Uint8Array, unitId: string): number {
  return new UnitHasher(seed).randomOf(unitId);
}

/** The float key of §5: `−ln(a / 2^53) / weight`, in (0, 37). */
export function rankKey(a: number, weight: number): number {
  return -Math.log(a * TWO_POW_MINUS_53) / weight;
}

/**
 * The exact order of §5 between units i and j: negative when i ranks first, positive when j does, 0 when equal
 * (then the smaller id ranks first). i ranks before j ⇔ `a_i^(w_j) · 2^(53·w_i) > a_j^(w_i) · 2^(53·w_j)`,
 * i.e. `(a_i / 2^53)^(w_j) > (a_j / 2^53)^(w_i)`: the larger `u^(1/w)` first. Both sides are divided by
 * `2^(53·min(w_i, w_j))`. BigInt: only near-ties come here.
 */
export function compareRankExact(ai: number, wi: number, aj: number, wj: number): number {
  const m = Math.min(wi, wj);
  const left = BigInt(ai) ** BigInt(wj) << BigInt(53 * (wi - m));
  const right = BigInt(aj) ** BigInt(wi) << BigInt(53 * (wj - m));
  return left > right ? -1 : left < right ? 1 : 0;
}

/**
 * The order of §5 between units i and j given their float keys, `a`, weights and candidate indices (a smaller
 * index is a smaller id: the manifest lists candidates in id order): negative when i ranks first. The float
 * keys decide unless they are within {@link NEAR_TIE_RELATIVE} of each other; then the exact integer test,
 * then the id. A key's float error is a few units in the last place (~1e-16 relative), so whenever the floats
 * decide they agree with the exact test: this is the exact order, with BigInt for about one pair in 10^8.
 */
export function compareRank(ki: number, ai: number, wi: number, i: number, kj: number, aj: number, wj: number, j: number): number {
  if (i === j) return 0;
  const tolerance = NEAR_TIE_RELATIVE * (ki > kj ? ki : kj);
  if (ki < kj - tolerance) return -1;
  if (ki > kj + tolerance) return 1;
  return compareRankExact(ai, wi, aj, wj) || i - j;
}

/**
 * The best `keep` units offered so far, in the order of §5. Offers go to a buffer of twice `keep`; when it is full,
 * the keep-th smallest float key T (a native sort of the buffer's keys) sets the bound `T · (1 + 2 · tolerance)`:
 * `keep` units rank before anything beyond it — the floats decide there, and they agree with the exact test —
 * so such units are dropped and later ones rejected on one comparison. Only {@link ranked} orders the survivors,
 * exactly ({@link compareRank}). A stratum of n units costs n key computations, O(keep · log(n / keep)) buffered
 * offers and a few sorts of 2 · keep numbers; memory is O(keep). Units must be offered with distinct indices.
 */
export class StratumRanker {
  private index: Int32Array;
  private key: Float64Array;
  private a: Float64Array;
  private weight: Float64Array;
  private scratch: Float64Array;
  private size = 0;
  /** A unit with a larger key ranks after `keep` of those kept: no need to keep it. */
  private reject = Infinity;

  constructor(readonly keep: number) {
    const capacity = Math.max(0, 2 * keep);
    this.index = new Int32Array(capacity);
    this.key = new Float64Array(capacity);
    this.a = new Float64Array(capacity);
    this.weight = new Float64Array(capacity);
    this.scratch = new Float64Array(capacity);
  }

  offer(index: number, a: number, weight: number): void {
    if (this.keep <= 0) return;
    const key = rankKey(a, weight);
    if (key > this.reject) return;
    if (this.size === this.index.length) {
      this.compact();
      if (key > this.reject) return;
    }
    const at = this.size++;
    this.index[at] = index;
    this.key[at] = key;
    this.a[at] = a;
    this.weight[at] = weight;
  }

  /** Candidate indices of the units kept, best first (at most `keep`). */
  ranked(): number[] {
    const slots = Array.from({ length: this.size }, (_, s) => s);
    const { index, key, a, weight } = this;
    slots.sort((x, y) =>
      compareRank(key[x] as number, a[x] as number, weight[x] as number, index[x] as number, key[y] as number, a[y] as number, weight[y] as number, index[y] as number),
    );
    return slots.slice(0, this.keep).map((s) => index[s] as number);
  }

  /** Lowers the bound to the keep-th smallest key (widened by the tolerance) and drops the units beyond it. */
  private compact(): void {
    const size = this.size;
    const keys = this.scratch.subarray(0, size);
    keys.set(this.key.subarray(0, size));
    keys.sort();
    this.reject = (keys[this.keep - 1] as number) * (1 + 2 * NEAR_TIE_RELATIVE);
    let kept = 0;
    for (let r = 0; r < size; r++) {
      if ((this.key[r] as number) > this.reject) continue;
      this.index[kept] = this.index[r] as number;
      this.key[kept] = this.key[r] as number;
      this.a[kept] = this.a[r] as number;
      this.weight[kept] = this.weight[r] as number;
      kept += 1;
    }
    this.size = kept;
    // Only near-ties of the bound can keep the buffer full: make room.
    if (kept === this.index.length) this.grow();
  }

  private grow(): void {
    const capacity = 2 * this.index.length;
    const widen = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.index = widen(this.index, new Int32Array(capacity));
    this.key = widen(this.key, new Float64Array(capacity));
    this.a = widen(this.a, new Float64Array(capacity));
    this.weight = widen(this.weight, new Float64Array(capacity));
    this.scratch = new Float64Array(capacity);
  }
}

/**
 * The first `keep` of `members` (candidate indices of one stratum) in rank order (§5); `a` and `weights` are
 * indexed by candidate. Pure, so a test can run it with other weights (a deliberately wrong sampler) and compare
 * frequencies with the exact Efraimidis–Spirakis probabilities; the draw offers units to a
 * {@link StratumRanker} as it hashes them.
 */
export function rankStratum(members: ArrayLike<number>, a: ArrayLike<number>, weights: ArrayLike<number>, keep: number): number[] {
  const ranker = new StratumRanker(Math.min(keep, members.length));
  for (let m = 0; m < members.length; m++) {
    const i = members[m] as number;
    ranker.offer(i, a[i] as number, weights[i] as number);
  }
  return ranker.ranked();
}

import { Sha256 } from '../crypto/sha256.ts';
import { sha256Kernel } from '../crypto/sha256-wasm.ts';
import { TAG_UNIT, utf8, writeUtf8 } from './bytes.ts';
import type { ManifestCandidate } from './draw-types.ts';
import type { CandidateIdBytes, IdBytes } from './jcs-hash.ts';

/**
 * Selection of draw-algorithm.md §5: Efraimidis–Spirakis weighted sampling without replacement, with an order defined
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
    return aOf(words);
  }

  /** {@link randomOf} of the unit whose id's UTF-8 bytes (NFC) are `bytes[start, end)`. */
  randomOfBytes(bytes: Uint8Array, start: number, end: number): number {
    this.prefix.digestWithSuffix(bytes, start, end, this.words);
    return aOf(this.words);
  }
}

/** M = hi·2^20 + (lo >>> 12), so a = 2M + 1 = hi·2^21 + (lo >>> 12)·2 + 1 < 2^53. */
function aOf(words: Uint32Array): number {
  return (words[0] as number) * TWO_POW_21 + ((words[1] as number) >>> 12) * 2 + 1;
}

/** `a` of every candidate, by index (see {@link UnitHasher}). */
export function computeUnitRandoms(seed: Uint8Array, candidates: readonly ManifestCandidate[]): Float64Array {
  const hasher = new UnitHasher(seed);
  const out = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) out[i] = hasher.randomOf((candidates[i] as ManifestCandidate)[0]);
  return out;
}

/**
 * `a` of candidates [from, to) from their id bytes kept by the manifest hash (`CandidateIdBytes` of jcs-hash.ts), NaN
 * where a candidate has no bytes there (its id is then hashed from the string): a slice of the selection's work
 * that another thread can do.
 */
export function unitRandomsOfBytes(seed: Uint8Array, ids: IdBytes, from: number, to: number): Float64Array {
  const kernel = seed.length === 32 ? sha256Kernel() : null;
  if (kernel !== null) {
    // Four ids at a time in the WebAssembly kernel: the same digests, from the prefix pad32(tag) ‖ seed (one block).
    const { state, length } = new Sha256().update(TAG_UNIT).update(seed).prefixState();
    const out = new Float64Array(to - from);
    const words = new Int32Array(2 * Math.min(to - from, UNITS_PER_BATCH));
    for (let first = from; first < to; first += UNITS_PER_BATCH) {
      const last = Math.min(to, first + UNITS_PER_BATCH);
      kernel.hashMessages(state, length, ids.bytes, ids.start, first, last, 2, words, 0);
      randomsOfWords(words, ids.plain, first, last, out, first - from);
    }
    return out;
  }
  const hasher = new UnitHasher(seed);
  const out = new Float64Array(to - from);
  for (let i = from; i < to; i++) {
    out[i - from] =
      ids.plain[i] === 1 ? hasher.randomOfBytes(ids.bytes, ids.start[i] as number, ids.start[i + 1] as number) : Number.NaN;
  }
  return out;
}

/** The columns of the candidates that {@link rankSlice} reads (all in shared memory where the platform has it). */
export type RankingColumns = Pick<CandidateIdBytes, 'bytes' | 'start' | 'plain' | 'stratum' | 'weight'>;

/**
 * What one thread ranks of candidates [from, to): for each stratum column code (`CandidateIdBytes.stratumCodes`), the
 * best `keepOfColumn[s]` of the slice's units in that column, best first, with their `a`; and the candidates of the
 * slice it could not rank (no id bytes, or a row whose columns were not kept), for the caller to rank from their rows.
 */
export type RankedSlice = {
  kept: RankedList[];
  rest: Int32Array;
  /** `a` of each of `rest`, NaN where the id has no bytes (then it is hashed from the string). */
  restA: Float64Array;
};

/**
 * §5 over a slice of the candidates, for a selection split between threads: each stratum's best units of the slice,
 * by the same {@link StratumRanker}. The best `keep` of a stratum are among the union of every slice's best `keep`, so
 * offering the slices' kept units to the stratum's ranker gives the selection of one pass over all the candidates
 * (the ranker's order does not depend on the order of offers).
 */
export function rankSlice(
  seed: Uint8Array,
  columns: RankingColumns,
  from: number,
  to: number,
  keepOfColumn: Float64Array,
  /** Each column's preset bound: {@link expectedBounds} unless a test gives others (the result is the same for any). */
  bounds: Float64Array = expectedBounds(columns, from, to, keepOfColumn),
): RankedSlice {
  const randoms = unitRandomsOfBytes(seed, columns, from, to);
  const rankers = Array.from(keepOfColumn, (keep, s) => new StratumRanker(keep).presetBound(bounds[s] as number));
  const rest = offerSlice(columns, from, to, randoms, rankers);
  // A bound that proves too tight (about one stratum in 30,000): that stratum's units of the slice are offered again
  // to a ranker without one.
  rankers.forEach((ranker, s) => {
    if (ranker.holdsBound(bounds[s] as number)) return;
    const again = new StratumRanker(ranker.keep);
    offerColumnAgain(columns, from, to, randoms, s, again);
    rankers[s] = again;
  });
  const kept = rankers.map((ranker) => ranker.rankedList());
  const restA = new Float64Array(rest.length);
  for (let j = 0; j < rest.length; j++) restA[j] = randoms[(rest[j] as number) - from] as number;
  return { kept, rest, restA };
}

/** Units best first, in the order of §5: candidate indices with their `a` and weights. */
export type RankedList = { index: Int32Array; a: Float64Array; weight: Float64Array };

/**
 * The first `keep` of the union of lists of distinct units, each best first, best first: a merge by the exact order
 * of §5 ({@link compareRank}), linear in `keep`. (Each list in that order makes the merge that order too.)
 */
export function mergeRanked(lists: readonly RankedList[], keep: number): RankedList {
  let merged: RankedList = lists[0] ?? { index: new Int32Array(0), a: new Float64Array(0), weight: new Float64Array(0) };
  for (let l = 1; l < lists.length; l++) merged = mergeTwo(merged, lists[l] as RankedList, keep);
  if (merged.index.length <= keep) return merged;
  return { index: merged.index.slice(0, keep), a: merged.a.slice(0, keep), weight: merged.weight.slice(0, keep) };
}

function mergeTwo(x: RankedList, y: RankedList, keep: number): RankedList {
  const n = Math.min(keep, x.index.length + y.index.length);
  const out = { index: new Int32Array(n), a: new Float64Array(n), weight: new Float64Array(n) };
  let i = 0;
  let j = 0;
  let ki = i < x.index.length ? rankKey(x.a[0] as number, x.weight[0] as number) : Infinity;
  let kj = j < y.index.length ? rankKey(y.a[0] as number, y.weight[0] as number) : Infinity;
  for (let r = 0; r < n; r++) {
    const fromX =
      j >= y.index.length ||
      (i < x.index.length &&
        compareRank(ki, x.a[i] as number, x.weight[i] as number, x.index[i] as number, kj, y.a[j] as number, y.weight[j] as number, y.index[j] as number) < 0);
    const from = fromX ? x : y;
    const at = fromX ? i : j;
    out.index[r] = from.index[at] as number;
    out.a[r] = from.a[at] as number;
    out.weight[r] = from.weight[at] as number;
    if (fromX) {
      i += 1;
      if (i < x.index.length) ki = rankKey(x.a[i] as number, x.weight[i] as number);
    } else {
      j += 1;
      if (j < y.index.length) kj = rankKey(y.a[j] as number, y.weight[j] as number);
    }
  }
  return out;
}

/** Strata whose bound {@link expectedBounds} leaves open (∞): they keep every unit of the slice, or are too small to bother. */
const OPEN_BOUND = Infinity;

/**
 * For each stratum column, a key bound that about `keep + 4·√keep + 8` of the slice's units in that column are
 * expected to fall within, given their weights (a unit of weight w has key −ln(u)/w with u uniform, so it falls within
 * R with probability 1 − e^(−wR)); ∞ where that is all of them. Offered with it ({@link StratumRanker.presetBound}),
 * a ranker stores and orders about a third of the units it would otherwise (a province's draw: 115,000 of the
 * 357,000 it stored of a slice of 550,000), and compacts its buffer seldom or never. The bound is only a guess: a
 * ranker checks afterwards that it held ({@link StratumRanker.holdsBound}), and the slice ranks that stratum again
 * without it when not, so the result never depends on it.
 */
export function expectedBounds(
  columns: Pick<RankingColumns, 'plain' | 'stratum' | 'weight'>,
  from: number,
  to: number,
  keepOfColumn: Float64Array,
): Float64Array {
  const columnCount = keepOfColumn.length;
  const counts = new Float64Array(columnCount * 65);
  const { plain, stratum, weight } = columns;
  for (let i = from; i < to; i++) {
    const s = stratum[i] as number;
    if (s < 0 || plain[i] !== 1) continue;
    const at = s * 65 + Math.min(64, weight[i] as number);
    counts[at] = (counts[at] as number) + 1;
  }
  const bounds = new Float64Array(columnCount).fill(OPEN_BOUND);
  for (let s = 0; s < columnCount; s++) {
    const keep = keepOfColumn[s] as number;
    let units = 0;
    for (let w = 1; w <= 64; w++) units += counts[s * 65 + w] as number;
    const target = keep + 4 * Math.sqrt(keep) + 8;
    if (keep <= 0 || target >= units) continue;
    const expected = (bound: number): number => {
      let sum = 0;
      for (let w = 1; w <= 64; w++) {
        const n = counts[s * 65 + w] as number;
        if (n > 0) sum += n * -Math.expm1(-w * bound);
      }
      return sum;
    };
    // Keys lie in (0, 37): bisection on the bound until the expected count is the target.
    let lo = 0;
    let hi = 40;
    for (let step = 0; step < 60; step++) {
      const mid = (lo + hi) / 2;
      if (expected(mid) < target) lo = mid;
      else hi = mid;
    }
    bounds[s] = hi;
  }
  return bounds;
}

/** Offers a slice's units of stratum column `s` again, to `ranker` (after a bound that did not hold). */
function offerColumnAgain(
  columns: RankingColumns,
  from: number,
  to: number,
  randoms: Float64Array,
  s: number,
  ranker: StratumRanker,
): void {
  const { plain, stratum, weight } = columns;
  for (let i = from; i < to; i++) {
    if (stratum[i] === s && plain[i] === 1) ranker.offer(i, randoms[i - from] as number, weight[i] as number);
  }
}

/** The loop of {@link rankSlice}: offers each unit with its columns to its column's ranker; returns the others. */
function offerSlice(columns: RankingColumns, from: number, to: number, randoms: Float64Array, rankers: readonly StratumRanker[]): Int32Array {
  const { plain, stratum, weight } = columns;
  const rest: number[] = [];
  for (let i = from; i < to; i++) {
    const s = stratum[i] as number;
    if (s < 0 || plain[i] !== 1) rest.push(i);
    else (rankers[s] as StratumRanker).offer(i, randoms[i - from] as number, weight[i] as number);
  }
  return Int32Array.from(rest);
}

/** Candidates per batch of the kernel in {@link unitRandomsOfBytes} (its words are reused from batch to batch). */
const UNITS_PER_BATCH = 16384;

/** `a` of candidates [from, to) from the first two digest words of each, into `out` from `outAt` (NaN where the id has no bytes). */
function randomsOfWords(words: Int32Array, plain: Uint8Array, from: number, to: number, out: Float64Array, outAt: number): void {
  for (let i = from; i < to; i++) {
    const at = 2 * (i - from);
    out[outAt + i - from] = plain[i] === 1 ? ((words[at] as number) >>> 0) * TWO_POW_21 + ((words[at + 1] as number) >>> 12) * 2 + 1 : Number.NaN;
  }
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
  const left = (BigInt(ai) ** BigInt(wj)) << BigInt(53 * (wi - m));
  const right = (BigInt(aj) ** BigInt(wi)) << BigInt(53 * (wj - m));
  return left > right ? -1 : left < right ? 1 : 0;
}

/**
 * The order of §5 between units i and j given their float keys, `a`, weights and candidate indices (a smaller
 * index is a smaller id: the manifest lists candidates in id order): negative when i ranks first. The float
 * keys decide unless they are within {@link NEAR_TIE_RELATIVE} of each other; then the exact integer test,
 * then the id. A key's float error is a few units in the last place (~1e-16 relative), so whenever the floats
 * decide they agree with the exact test: this is the exact order, with BigInt for about one pair in 10^8.
 */
export function compareRank(
  ki: number,
  ai: number,
  wi: number,
  i: number,
  kj: number,
  aj: number,
  wj: number,
  j: number,
): number {
  if (i === j) return 0;
  const tolerance = NEAR_TIE_RELATIVE * (ki > kj ? ki : kj);
  if (ki < kj - tolerance) return -1;
  if (ki > kj + tolerance) return 1;
  return compareRankExact(ai, wi, aj, wj) || i - j;
}

/**
 * Bits of a key's mantissa that {@link StratumRanker} may overwrite with a slot number while sorting: 2^20 ulps are
 * less than 2^-32 of the key, far below {@link NEAR_TIE_RELATIVE}.
 */
const SLOT_BITS_MAX = 20;

/** Which 32-bit half of a Float64Array element holds the mantissa's lowest bits: 0 on little-endian platforms. */
const LOW_HALF = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1 ? 0 : 1;

/** 2^53 · exp(−x) must not exceed the exact value: exp is within an ulp or two, so this margin is ample. */
const CUT_MARGIN = 1 - 2 ** -40;

/**
 * The best `keep` units offered so far, in the order of §5. Offers go to a buffer of twice `keep`; when it is full,
 * the keep-th smallest float key T (a selection in the buffer's keys) sets the bound `R = T · (1 + 2 · tolerance)`:
 * `keep` units rank before anything beyond it — the floats decide there, and they agree with the exact test —
 * so such units are dropped, and later ones rejected on one comparison of `a` with the weight's cut
 * `2^53 · exp(−R · w)` (a unit below it has a key beyond R, with no logarithm to compute). Only {@link ranked}
 * orders the survivors: a native sort of their float keys, then each run of near-tied keys in the exact order
 * ({@link compareRank}). A stratum of n units costs n comparisons, O(keep · log(n / keep)) buffered offers and a
 * few linear selections of 2 · keep numbers; memory is O(keep). Units must be offered with distinct indices.
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
  /** cut[w]: a unit of weight w (1–64) whose `a` is below it has a key beyond {@link reject}. */
  private readonly cut = new Float64Array(65);

  /** The buffer is made on the first offer (a ranker that is never offered a unit costs nothing). */
  constructor(readonly keep: number) {
    this.index = new Int32Array(0);
    this.key = new Float64Array(0);
    this.a = new Float64Array(0);
    this.weight = new Float64Array(0);
    this.scratch = new Float64Array(0);
  }

  offer(index: number, a: number, weight: number): void {
    if (this.keep <= 0 || a < (this.cut[weight] ?? 0)) return;
    const key = rankKey(a, weight);
    if (key > this.reject) return;
    if (this.size === this.index.length) {
      if (this.size === 0) this.grow();
      else {
        this.compact();
        if (key > this.reject) return;
      }
    }
    const at = this.size++;
    this.index[at] = index;
    this.key[at] = key;
    this.a[at] = a;
    this.weight[at] = weight;
  }

  /**
   * Drops from the start every unit whose key is beyond `bound` (∞: none), as if compactions had already brought the
   * bound there: a guess at where the keep-th key will lie ({@link expectedBounds}). Check it with {@link holdsBound}
   * once every unit has been offered. Returns the ranker.
   */
  presetBound(bound: number): this {
    if (bound < this.reject) {
      this.reject = bound;
      this.setCuts();
    }
    return this;
  }

  /**
   * After the offers, whether a bound given to {@link presetBound} dropped nothing that ranks among the first `keep`
   * or within the tolerance of the keep-th: at least `keep` units are kept and the keep-th key, widened as a compaction
   * widens it, is within the bound. (Always true for the open bound, ∞.)
   */
  holdsBound(bound: number): boolean {
    if (bound === OPEN_BOUND || this.keep <= 0) return true;
    if (this.size < this.keep) return false;
    return this.keepThBound() <= bound;
  }

  /** The keep-th smallest key kept, widened by the tolerance: nothing beyond it can rank among the first `keep`. */
  private keepThBound(): number {
    const keys = this.scratch.subarray(0, this.size);
    keys.set(this.key.subarray(0, this.size));
    return selectNth(keys, this.keep - 1) * (1 + 2 * NEAR_TIE_RELATIVE);
  }

  /** Candidate indices of the units kept, best first (at most `keep`). */
  ranked(): number[] {
    const order = this.order();
    const out = new Array<number>(order.length);
    for (let r = 0; r < out.length; r++) out[r] = this.index[order[r] as number] as number;
    return out;
  }

  /** {@link ranked} with each unit's `a` and weight: a list that {@link mergeRanked} can merge with others. */
  rankedList(): RankedList {
    const order = this.order();
    const list = { index: new Int32Array(order.length), a: new Float64Array(order.length), weight: new Float64Array(order.length) };
    for (let r = 0; r < order.length; r++) {
      const x = order[r] as number;
      list.index[r] = this.index[x] as number;
      list.a[r] = this.a[x] as number;
      list.weight[r] = this.weight[x] as number;
    }
    return list;
  }

  /** The buffer slots of the units kept, best first (at most `keep`): sorted by float key, then near-ties exactly. */
  private order(): Int32Array {
    if (this.size > this.keep) this.compact();
    const n = this.size;
    const { index, key, a, weight } = this;
    const order = slotsByKey(key, n, this.scratch);
    // Runs of keys within the tolerance of their neighbours: the exact order decides inside them.
    const before = (x: number, y: number): boolean =>
      compareRank(
        key[x] as number,
        a[x] as number,
        weight[x] as number,
        index[x] as number,
        key[y] as number,
        a[y] as number,
        weight[y] as number,
        index[y] as number,
      ) < 0;
    for (let start = 0; start < n;) {
      let end = start + 1;
      while (
        end < n &&
        (key[order[end] as number] as number) - (key[order[end - 1] as number] as number) <=
          NEAR_TIE_RELATIVE * (key[order[end] as number] as number)
      )
        end += 1;
      if (end - start > 1) insertionSort(order, start, end, before);
      start = end;
    }
    return order.subarray(0, Math.min(n, this.keep));
  }

  /**
   * Lowers the bound to the keep-th smallest key (widened by the tolerance) and drops the units beyond it. (Its
   * loops are methods of their own: the engine optimises a loop while it runs, and code after it that has not run
   * yet would be compiled blind and thrown away at each call.)
   */
  private compact(): void {
    this.reject = this.keepThBound();
    this.setCuts();
    this.size = this.dropBeyondBound();
    // Only near-ties of the bound can keep the buffer full: make room.
    if (this.size === this.index.length) this.grow();
  }

  private setCuts(): void {
    const cut = this.cut;
    const reject = this.reject;
    for (let w = 1; w < cut.length; w++) cut[w] = 2 ** 53 * Math.exp(-reject * w) * CUT_MARGIN;
  }

  /** Keeps the units with keys within the bound, in place; returns how many. */
  private dropBeyondBound(): number {
    const { index, key, a, weight, reject } = this;
    let kept = 0;
    for (let r = 0; r < this.size; r++) {
      if ((key[r] as number) > reject) continue;
      index[kept] = index[r] as number;
      key[kept] = key[r] as number;
      a[kept] = a[r] as number;
      weight[kept] = weight[r] as number;
      kept += 1;
    }
    return kept;
  }

  /** Doubles the buffer (the first time: makes it, for twice `keep`). */
  private grow(): void {
    const capacity = this.index.length === 0 ? 2 * this.keep : 2 * this.index.length;
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
 * Slots 0 … n − 1 in the order of `key[slot]` (positive, finite), keys closer than 2^-31 of each other in either order;
 * `scratch` holds at least n numbers. The keys are sorted natively with each slot written into its key's lowest
 * mantissa bits (up to `slotBitsMax`, 20: a key moves by less than 2^-32 of itself, far inside
 * {@link NEAR_TIE_RELATIVE}, so units it could swap are near-tied and the exact order decides them afterwards); a
 * positive double sorts as its bits do, and the slot comes back out of the sorted bits. More slots than that: each
 * key's place is found by binary search in the sorted keys.
 */
export function slotsByKey(key: Float64Array, n: number, scratch: Float64Array, slotBitsMax = SLOT_BITS_MAX): Int32Array {
  const sorted = scratch.subarray(0, n);
  const order = new Int32Array(n);
  sorted.set(key.subarray(0, n));
  const bits = n <= 1 ? 0 : 32 - Math.clz32(n - 1);
  if (bits <= slotBitsMax) {
    const words = new Uint32Array(sorted.buffer, sorted.byteOffset, 2 * n);
    const low = (1 << bits) - 1;
    for (let s = 0; s < n; s++) words[2 * s + LOW_HALF] = ((words[2 * s + LOW_HALF] as number) & ~low) | s;
    sorted.sort();
    for (let r = 0; r < n; r++) order[r] = (words[2 * r + LOW_HALF] as number) & low;
    return order;
  }
  sorted.sort();
  order.fill(-1);
  for (let s = 0; s < n; s++) {
    let at = lowerBound(sorted, key[s] as number);
    while (order[at] !== -1) at += 1;
    order[at] = s;
  }
  return order;
}

/** The first position of `sorted` (ascending) holding a value ≥ `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorts `items[start, end)` by `before` (a few items: the near-ties of one run). */
function insertionSort(items: Int32Array, start: number, end: number, before: (x: number, y: number) => boolean): void {
  for (let i = start + 1; i < end; i++) {
    const item = items[i] as number;
    let j = i - 1;
    for (; j >= start && before(item, items[j] as number); j--) items[j + 1] = items[j] as number;
    items[j + 1] = item;
  }
}

/**
 * The n-th smallest (0-based) of `values`, which it reorders: quickselect with the median of three as pivot,
 * linear on average; a native sort finishes the range if the partitions stop shrinking (a pathological input).
 */
export function selectNth(values: Float64Array, n: number): number {
  if (!(n >= 0 && n < values.length)) throw new RangeError(`selectNth: ${n} of ${values.length}`);
  let lo = 0;
  let hi = values.length - 1;
  let budget = 2 * Math.ceil(Math.log2(values.length + 1)) + 8;
  while (hi > lo) {
    if (budget-- === 0) {
      values.subarray(lo, hi + 1).sort();
      break;
    }
    const mid = (lo + hi) >>> 1;
    const x = values[lo] as number;
    const y = values[mid] as number;
    const z = values[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i += 1;
      while ((values[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i += 1;
        j -= 1;
      }
    }
    // [lo, j] ≤ pivot ≤ [i, hi], and anything strictly between j and i equals the pivot.
    if (n <= j) hi = j;
    else if (n >= i) lo = i;
    else return values[n] as number;
  }
  return values[n] as number;
}

/**
 * The first `keep` of `members` (candidate indices of one stratum) in rank order (§5); `a` and `weights` are
 * indexed by candidate. Pure, so a test can run it with other weights (a deliberately wrong sampler) and compare
 * frequencies with the exact Efraimidis–Spirakis probabilities; the draw offers units to a
 * {@link StratumRanker} as it hashes them.
 */
export function rankStratum(
  members: ArrayLike<number>,
  a: ArrayLike<number>,
  weights: ArrayLike<number>,
  keep: number,
): number[] {
  const ranker = new StratumRanker(Math.min(keep, members.length));
  for (let m = 0; m < members.length; m++) {
    const i = members[m] as number;
    ranker.offer(i, a[i] as number, weights[i] as number);
  }
  return ranker.ranked();
}

/**
 * A small seeded pseudo-random generator (mulberry32) for DEMO DATA ONLY.
 *
 * It is fast and reproducible, which is all demo data needs. It is NOT a cryptographic generator and must never
 * be used for 随机抽取 (draws), passwords, tokens or anything else whose fairness or secrecy matters.
 */
export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One value, with probability proportional to its (non-negative) weight. */
  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
};

/** Turn any finite number (integer or not, negative or not) into a well-mixed 32-bit state. */
function seedToState(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError('seed must be a finite number');
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, seed);
  return mix32(view.getUint32(0) ^ mix32(view.getUint32(4) ^ 0x9e3779b9));
}

/** A 32-bit finaliser (murmur3 fmix32). */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A seed for an independent sub-stream, derived from a parent seed and a label, so that for example the
 * inspectors do not change when the number of generated units changes. Demo data only.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = seedToState(seed);
  for (let i = 0; i < label.length; i++) h = mix32(h ^ Math.imul(label.charCodeAt(i), 0x01000193));
  return h;
}

/**
 * A reusable weighted picker for a fixed list: the cumulative weights are computed once, each pick is a binary
 * search. Gives the same distribution as {@link Rng.weighted}. Demo data only.
 */
export function weightedTable<T>(pairs: ReadonlyArray<readonly [T, number]>): (rng: Rng) => T {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, w] of pairs) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError('weights must be finite and non-negative');
    if (w === 0) continue;
    total += w;
    values.push(value);
    cumulative.push(total);
  }
  if (values.length === 0) throw new RangeError('weightedTable() needs at least one positive weight');
  return (rng) => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = values.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (r < cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  };
}

/** A seeded mulberry32 generator. Demo data only: never for draws or secrets. */
export function createRng(seed: number): Rng {
  let state = seedToState(seed);

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || min > max) {
      throw new RangeError(`int(${min}, ${max}) needs integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
    return items[Math.floor(next() * items.length)]!;
  };

  const weighted = <T>(pairs: ReadonlyArray<readonly [T, number]>): T => {
    let total = 0;
    for (const [, w] of pairs) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError('weights must be finite and non-negative');
      total += w;
    }
    if (total <= 0) throw new RangeError('weighted() needs at least one positive weight');
    let r = next() * total;
    let last: T | undefined;
    for (const [value, w] of pairs) {
      if (w <= 0) continue;
      if (r < w) return value;
      r -= w;
      last = value;
    }
    // Only reachable through floating-point rounding: the last positive-weight value.
    return last as T;
  };

  const chance = (p: number): boolean => next() < p;

  return { next, int, pick, weighted, chance };
}

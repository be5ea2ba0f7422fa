import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256 } from '../crypto/sha256.ts';
import { TAG_UNIT, utf8 } from './bytes.ts';
import type { Manifest } from './draw-types.ts';
import { digestManifest } from './jcs-hash.ts';
import {
  NEAR_TIE_RELATIVE,
  compareRankExact,
  computeUnitRandoms,
  expectedBounds,
  rankKey,
  rankSlice,
  rankStratum,
  selectNth,
  slotsByKey,
  unitRandom,
} from './select-units.ts';

/** An odd integer 1 ≤ a < 2^53, as `2M + 1` always is. */
const oddA = fc.bigInt({ min: 0n, max: 2n ** 52n - 1n }).map((m) => Number(2n * m + 1n));
const weight = fc.integer({ min: 1, max: 64 });

/** The order of §5 with integers only: the definition the fast path must equal. */
function referenceOrder(members: number[], a: number[], w: number[]): number[] {
  return [...members].sort((x, y) => compareRankExact(a[x]!, w[x]!, a[y]!, w[y]!) || x - y);
}

describe('selection of draw-algorithm.md §5', { timeout: 60_000 }, () => {
  it('reads a as 2M + 1 from the first 8 bytes of the unit hash, shifted right by 12', () => {
    const seed = sha256('seed');
    for (const id of ['U0001', '单位-甲', 'x'.repeat(120)]) {
      const h = new Sha256().update(TAG_UNIT).update(seed).update(utf8(id)).digest();
      let word = 0n;
      for (let i = 0; i < 8; i++) word = (word << 8n) | BigInt(h[i]!);
      expect(unitRandom(seed, id)).toBe(Number(2n * (word >> 12n) + 1n));
    }
    expect(computeUnitRandoms(seed, [['e\u0301', 's', 1, 'p']])[0]).toBe(unitRandom(seed, 'é'));
  });

  it('orders by the float key exactly as the integer test does whenever the keys are not near-ties', () => {
    fc.assert(
      fc.property(oddA, weight, oddA, weight, (ai, wi, aj, wj) => {
        const ki = rankKey(ai, wi);
        const kj = rankKey(aj, wj);
        fc.pre(Math.abs(ki - kj) > NEAR_TIE_RELATIVE * Math.max(ki, kj));
        expect(Math.sign(compareRankExact(ai, wi, aj, wj))).toBe(Math.sign(ki - kj));
      }),
      { numRuns: 2000 },
    );
  });

  it('ranks a unit with a larger u^(1/w) first, and equal values as equal', () => {
    // u ≈ 1/2 with weight 1 against u ≈ 1/4 with weight 2: both keys are ln 2 to the last bit, and the integer
    // test decides: (2^52 + 1)^2 · 2^53 = 2^157 + 2^106 + 2^53 against (2^51 + 1) · 2^106 = 2^157 + 2^106.
    const ki = rankKey(2 ** 52 + 1, 1);
    const kj = rankKey(2 ** 51 + 1, 2);
    expect(Math.abs(ki - kj)).toBeLessThan(NEAR_TIE_RELATIVE * ki);
    expect(compareRankExact(2 ** 52 + 1, 1, 2 ** 51 + 1, 2)).toBe(-1);
    expect(compareRankExact(2 ** 51 + 1, 2, 2 ** 52 + 1, 1)).toBe(1);
    expect(compareRankExact(7, 3, 7, 3)).toBe(0);
    expect(compareRankExact(9, 1, 7, 1)).toBe(-1);
    expect(compareRankExact(7, 1, 7, 2)).toBe(1);
  });

  it('keeps the first keep units of the exact order, for random strata with near-ties and exact ties', () => {
    // Near-ties across weights: a_j chosen so that (a_j / 2^53)^(1/w_j) ≈ (a_i / 2^53)^(1/w_i) to the last bit.
    const nearTie = fc.tuple(oddA, weight, weight).map(([ai, wi, wj]) => {
      const u = (ai / 2 ** 53) ** (wj / wi);
      const aj = Math.max(1, Math.min(2 ** 53 - 1, Math.floor(u * 2 ** 52) * 2 + 1));
      return [
        [ai, wi],
        [aj, wj],
      ] as const;
    });
    const unit = fc.tuple(oddA, weight).map((u) => [u] as const);
    const sameA = fc.tuple(oddA, weight).map(
      ([x, w]) =>
        [
          [x, w],
          [x, w],
        ] as const,
    );
    const closeA = fc.tuple(fc.bigInt({ min: 2n ** 38n, max: 2n ** 45n }), weight).map(
      ([m, w]) =>
        [
          [Number(2n * m + 1n), w],
          [Number(2n * m + 3n), w],
        ] as const,
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(unit, nearTie, sameA, closeA), { minLength: 1, maxLength: 60 }),
        fc.nat(130),
        (groups, keepRaw) => {
          const pairs = groups.flat();
          const a = pairs.map(([x]) => x);
          const w = pairs.map(([, y]) => y);
          const members = pairs.map((_, i) => i);
          const keep = keepRaw % (pairs.length + 2);
          expect(rankStratum(members, a, w, keep)).toEqual(referenceOrder(members, a, w).slice(0, keep));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps every near-tie of the bound when the buffer fills with them, and still ranks exactly', () => {
    // 1,000 units with one key: nothing can be dropped, the buffer grows; ties go to the smaller id.
    const n = 1_000;
    const same = Array.from({ length: n }, () => 2 ** 52 + 1);
    const ones = Array.from({ length: n }, () => 1);
    const members = Array.from({ length: n }, (_, i) => n - 1 - i);
    expect(rankStratum(members, same, ones, 3)).toEqual([0, 1, 2]);
    // Many distinct units around a few near-ties: compaction runs many times.
    const a = Array.from({ length: 5_000 }, (_, i) => 2 * ((i * 7_919) % 4_999) * 2 ** 30 + 1);
    const w = a.map((_, i) => (i % 4) + 1);
    const all = a.map((_, i) => i);
    expect(rankStratum(all, a, w, 7)).toEqual(referenceOrder(all, a, w).slice(0, 7));
  });

  it('lists slots in the order of their keys, by packed sort or by search, moving no key by more than 2^-31 of itself', () => {
    const positive = fc.double({ min: 1e-18, max: 40, noNaN: true, noDefaultInfinity: true });
    const keys = fc.array(fc.oneof(positive, fc.constantFrom(1, 1 + 2 ** -40, 1 - 2 ** -45, 36.7)), {
      minLength: 0,
      maxLength: 300,
    });
    fc.assert(
      fc.property(keys, fc.constantFrom(0, 3, 20), (list, slotBitsMax) => {
        const key = Float64Array.from(list);
        const order = slotsByKey(key, key.length, new Float64Array(key.length + 5), slotBitsMax);
        expect([...order].sort((x, y) => x - y)).toEqual(list.map((_, i) => i));
        for (let r = 1; r < order.length; r++) {
          const before = key[order[r - 1] as number] as number;
          const after = key[order[r] as number] as number;
          // The search path is exactly ascending; the packed one may swap only keys within 2^-31 of each other.
          if (Math.ceil(Math.log2(Math.max(1, key.length))) > slotBitsMax) expect(after).toBeGreaterThanOrEqual(before);
          else expect(after).toBeGreaterThanOrEqual(before * (1 - 2 ** -31));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('ranks a slice alike with the bounds it expects, with bounds too tight to hold, and with none', () => {
    const rng = (() => {
      let x = 0x9e3779b9;
      return () => (x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
    })();
    const candidates = Array.from({ length: 6_000 }, (_, i) => {
      const id = `U${String(i).padStart(5, '0')}`;
      return [id, `S${i % 3}`, rng() < 0.8 ? 1 : 1 + Math.floor(rng() * 8), 'P'] as [string, string, number, string];
    });
    const manifest = { candidates } as unknown as Manifest;
    const { candidateIds } = digestManifest(manifest);
    const keepOf = (code: string): number => ({ S0: 150, S1: 900, S2: 2_100 })[code] ?? 0;
    const keep = Float64Array.from(candidateIds.stratumCodes, keepOf);
    const seed = sha256('bounds');
    const lists = (slice: ReturnType<typeof rankSlice>) => slice.kept.map((k) => [Array.from(k.index), Array.from(k.a)]);
    for (const [from, to] of [
      [0, 6_000],
      [1_234, 5_000],
    ] as const) {
      const expected = expectedBounds(candidateIds, from, to, keep);
      // A stratum keeping more than the slice holds is left open; the others get a finite bound.
      expect(Array.from(expected).filter((b) => b !== Infinity).length).toBeGreaterThan(0);
      const open = rankSlice(seed, candidateIds, from, to, keep, new Float64Array(keep.length).fill(Infinity));
      // A stratum that keeps nothing holds any bound.
      const none = Float64Array.from(keep, (k, s) => (s === 0 ? 0 : k));
      expect(lists(rankSlice(seed, candidateIds, from, to, none, new Float64Array(keep.length).fill(0.5)))[0]).toEqual([[], []]);
      expect(lists(rankSlice(seed, candidateIds, from, to, keep))).toEqual(lists(open));
      expect(lists(rankSlice(seed, candidateIds, from, to, keep, new Float64Array(keep.length).fill(1e-6)))).toEqual(lists(open));
      // Just below what the keep-th unit needs: fails by a hair, and is ranked again.
      const tight = Float64Array.from(expected, (b) => (b === Infinity ? b : b / 3));
      expect(lists(rankSlice(seed, candidateIds, from, to, keep, tight))).toEqual(lists(open));
    }
  });

  it('selects the n-th smallest of any numbers, repeated values and sorted or reversed runs included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 40, noNaN: true }), fc.constantFrom(0, 1, 1, 2)), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.nat(),
        fc.nat(2),
        (values, nRaw, shape) => {
          const input = shape === 0 ? values : [...values].sort((x, y) => (shape === 1 ? x - y : y - x));
          const n = nRaw % input.length;
          expect(selectNth(Float64Array.from(input), n)).toBe([...input].sort((x, y) => x - y)[n]);
        },
      ),
      { numRuns: 500 },
    );
    expect(() => selectNth(new Float64Array(3), 3)).toThrow(RangeError);
  });

  it('ranks a large stratum as the integer order does, with many compactions and cuts (weights 1–64)', () => {
    const seed = sha256('large stratum');
    const ids = Array.from({ length: 4_000 }, (_, i) => `U${String(i).padStart(5, '0')}`);
    const a = Array.from(
      computeUnitRandoms(
        seed,
        ids.map((id) => [id, 's', 1, 'p']),
      ),
    );
    const w = ids.map((_, i) => [1, 1, 1, 2, 3, 8, 64][i % 7]!);
    const members = ids.map((_, i) => i);
    for (const keep of [1, 37, 400])
      expect(rankStratum(members, a, w, keep)).toEqual(referenceOrder(members, a, w).slice(0, keep));
  });

  it('ranks only its own members, indexed into arrays of the whole manifest', () => {
    const seed = sha256('members');
    const ids = Array.from({ length: 200 }, (_, i) => `U${String(i).padStart(4, '0')}`);
    const a = computeUnitRandoms(
      seed,
      ids.map((id) => [id, 's', 1, 'p']),
    );
    const w = ids.map((_, i) => (i % 5) + 1);
    const members = ids.map((_, i) => i).filter((i) => i % 3 === 0);
    expect(rankStratum(members, a, w, 10)).toEqual(referenceOrder(members, Array.from(a), w).slice(0, 10));
    expect(rankStratum(members, a, w, 0)).toEqual([]);
    expect(rankStratum([], a, w, 3)).toEqual([]);
  });
});

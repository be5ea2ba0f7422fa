import { describe, expect, it } from 'vitest';
import { sha256 } from '../crypto/sha256.ts';
import { InspectorStream, bitLength, pickByWeight, uniformInt } from './assign-inspectors.ts';
import { u32be } from './bytes.ts';
import { draw, selectUnits } from './draw.ts';
import type { Manifest } from './draw-types.ts';
import { manifestHashBytes } from './jcs-hash.ts';
import { computeSeedBytes } from './seed.ts';

/**
 * Statistical tests of the two random steps of the draw: selection (§5) and the weighted pick of an inspector
 * (§6). One goodness-of-fit function judges the real sampler and two deliberately wrong ones — a weight off
 * by 20 %, and `% R` instead of rejection — so the test is shown to have the power to catch such bugs.
 * Seeds are deterministic (reveal i, or H(u32be(i))), so the verdicts never flake: they are the same on every run.
 */

/** Fail when the sample is this unlikely under the expected distribution. */
const SIGNIFICANCE = 0.001;
const SAMPLES = 20_000;

type Fit = { chi2: number; df: number; pValue: number };

/** Pearson's chi-square of `n` samples against expected probabilities; a category outside them makes chi2 infinite. */
function chiSquareFit(sample: (i: number) => string, expected: ReadonlyMap<string, number>, n: number): Fit {
  const observed = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const category = sample(i);
    observed.set(category, (observed.get(category) ?? 0) + 1);
  }
  let chi2 = 0;
  for (const category of observed.keys()) if (!expected.has(category)) chi2 = Infinity;
  for (const [category, p] of expected) {
    const e = p * n;
    const o = observed.get(category) ?? 0;
    chi2 += ((o - e) * (o - e)) / e;
  }
  const df = expected.size - 1;
  return { chi2, df, pValue: chi2 === Infinity ? 0 : gammaQ(df / 2, chi2 / 2) };
}

/** ln Γ(z), Lanczos (g = 7, n = 9). */
function lnGamma(z: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - lnGamma(1 - z);
  const x = z - 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularised upper incomplete gamma function Q(s, x) = P(χ²_{2s} > 2x) (series below s + 1, else Lentz's continued fraction). */
function gammaQ(s: number, x: number): number {
  if (x <= 0) return 1;
  const front = Math.exp(-x + s * Math.log(x) - lnGamma(s));
  if (x < s + 1) {
    let term = 1 / s;
    let sum = term;
    for (let k = 1; k < 1000 && Math.abs(term) > Math.abs(sum) * 1e-15; k++) {
      term *= x / (s + k);
      sum += term;
    }
    return 1 - sum * front;
  }
  const tiny = 1e-300;
  let b = x + 1 - s;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return front * h;
}

// --- Selection (§5): ordered pairs drawn from five units with weights 1, 2, 3, 1, 5, quota 2. ---

const WEIGHTS = [1, 2, 3, 1, 5];

function selectionManifest(weights: number[]): Manifest {
  return {
    algorithm: 'XF-SRS/1',
    drawId: 'D-STAT',
    planId: 'P-STAT',
    asOf: '2026-11-28',
    strata: [{ code: 's', quota: 2, alternates: 0 }],
    candidates: weights.map((w, i) => [`U${i + 1}`, 's', w, 'B1'] as const),
    excluded: [],
    inspectors: [
      ['I1', ['B1'], ['lead', 'assistant'], 1],
      ['I2', ['B1'], ['lead', 'assistant'], 1],
    ],
    conflicts: [],
    assignment: { lead: 1, assistant: 1, backups: 0 },
    observers: ['OBS-1'],
    external: [],
  };
}

/**
 * The draw's seed and selection (§4, §5), seeded by varying the observer's reveal: the first and second selected
 * unit, in rank order. The manifest is hashed once; assignment (§6) is left out, it does not touch selection.
 */
function selectionSampler(weights: number[]): (i: number) => string {
  const manifest = selectionManifest(weights);
  const hashOfManifest = manifestHashBytes(manifest);
  return (i) => {
    const seed = computeSeedBytes(manifest, hashOfManifest, [{ id: 'OBS-1', reveal: i.toString(16).padStart(32, '0') }], []);
    return selectUnits(manifest, seed).strata[0]!.selected.join('>');
  };
}

/** Efraimidis–Spirakis = successive sampling: P(i then j) = w_i / W · w_j / (W − w_i). */
function successiveSamplingPairs(weights: number[]): Map<string, number> {
  const total = weights.reduce((s, w) => s + w, 0);
  const expected = new Map<string, number>();
  weights.forEach((wi, i) =>
    weights.forEach((wj, j) => {
      if (i !== j) expected.set(`U${i + 1}>U${j + 1}`, (wi / total) * (wj / (total - wi)));
    }),
  );
  return expected;
}

// --- Weighted pick (§6): weights 1, 2, 1, 1 (R = 5, just above a power of two). ---

const PICK_WEIGHTS = [1, 2, 1, 1];
const PICK_TOTAL = 5;

function pickSampler(draw: (range: number, stream: InspectorStream) => number): (i: number) => string {
  return (i) => {
    const stream = new InspectorStream(sha256(u32be(i))).reset('U1', 'lead', 0);
    return `I${pickByWeight(PICK_WEIGHTS, PICK_WEIGHTS.length, draw(PICK_TOTAL, stream)) + 1}`;
  };
}

/** The bug rejection avoids: the b-bit value reduced modulo R (for R = 5: 0, 1, 2 twice as likely as 3, 4). */
function moduloInt(range: number, stream: InspectorStream): number {
  return stream.nextTopBits(bitLength(range - 1)) % range;
}

const pickProbabilities = new Map(PICK_WEIGHTS.map((w, i) => [`I${i + 1}`, w / PICK_TOTAL]));

describe('the draw is distributed as specified', { timeout: 60_000 }, () => {
  it('computes chi-square tail probabilities (known critical values)', () => {
    expect(gammaQ(1 / 2, 3.841 / 2)).toBeCloseTo(0.05, 4);
    expect(gammaQ(3 / 2, 16.266 / 2)).toBeCloseTo(0.001, 5);
    expect(gammaQ(19 / 2, 43.82 / 2)).toBeCloseTo(0.001, 5);
    // Two and four degrees of freedom have closed forms: e^(−x/2) and e^(−x/2)(1 + x/2).
    expect(gammaQ(1, 3)).toBeCloseTo(Math.exp(-3), 12);
    expect(gammaQ(2, 3)).toBeCloseTo(Math.exp(-3) * 4, 12);
  });

  it('selects ordered pairs with the successive-sampling probabilities of the weights (chi-square, 20,000 seeds)', () => {
    const fit = chiSquareFit(selectionSampler(WEIGHTS), successiveSamplingPairs(WEIGHTS), SAMPLES);
    expect(fit.df).toBe(19);
    expect(fit.pValue).toBeGreaterThan(SIGNIFICANCE);
  });

  it('samples exactly what the full draw selects', () => {
    const manifest = selectionManifest(WEIGHTS);
    const sampler = selectionSampler(WEIGHTS);
    for (let i = 0; i < 20; i++) {
      const result = draw(manifest, [{ id: 'OBS-1', reveal: i.toString(16).padStart(32, '0') }], []);
      expect(result.strata[0]!.selected.join('>')).toBe(sampler(i));
    }
  });

  it('the same test fails a sampler whose weight 5 is off by 20 % (6)', () => {
    const fit = chiSquareFit(selectionSampler([1, 2, 3, 1, 6]), successiveSamplingPairs(WEIGHTS), SAMPLES);
    expect(fit.pValue).toBeLessThan(SIGNIFICANCE);
  });

  it('picks inspectors in proportion to their weights with uniformInt by rejection (chi-square, 20,000 seeds)', () => {
    const fit = chiSquareFit(pickSampler(uniformInt), pickProbabilities, SAMPLES);
    expect(fit.df).toBe(3);
    expect(fit.pValue).toBeGreaterThan(SIGNIFICANCE);
  });

  it('the same test fails uniformInt written with % R', () => {
    const fit = chiSquareFit(pickSampler(moduloInt), pickProbabilities, SAMPLES);
    expect(fit.pValue).toBeLessThan(SIGNIFICANCE);
  });
});


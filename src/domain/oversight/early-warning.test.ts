import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, failureRateWarnings, type FailureCounts } from './early-warning.ts';

const group = (key: string, failures: number, inspections: number, baselineFailures: number, baselineInspections: number): FailureCounts => ({ key, label: key, failures, inspections, baselineFailures, baselineInspections });

describe('the exact binomial tail', () => {
  it('matches hand-computed values', () => {
    // P(Bin(10, 0.5) ≥ 8) = (45 + 10 + 1) / 1024
    expect(binomialUpperTail(10, 0.5, 8)).toBeCloseTo(56 / 1024, 12);
    expect(binomialUpperTail(10, 0.5, 0)).toBe(1);
    expect(binomialUpperTail(10, 0.5, 11)).toBe(0);
    expect(binomialUpperTail(5, 0, 1)).toBe(0);
  });
  it('falls as the threshold rises', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.integer({ min: 0, max: 199 }), (n, p, x) => {
        expect(binomialUpperTail(n, p, x + 1)).toBeLessThanOrEqual(binomialUpperTail(n, p, x) + 1e-12);
      }),
    );
  });
});

describe('failure-rate warnings', () => {
  it('flags a district whose failures jumped, not one that moved by chance', () => {
    const warnings = failureRateWarnings([
      group('330702', 12, 30, 30, 360), // 40 % against about 8 %
      group('330703', 4, 30, 30, 360), // 13 % against about 8 %: chance
      group('330781', 0, 0, 10, 100), // nothing inspected this month
    ]);
    expect(warnings.map((w) => w.key)).toEqual(['330702']);
    expect(warnings[0]!.riskWeight).toBe(3);
    expect(warnings[0]!.pValue).toBeLessThan(0.001);
  });
  it('needs at least three failures, whatever the rates', () => {
    expect(failureRateWarnings([group('a', 2, 2, 0, 500)])).toEqual([]);
  });
  it('corrects for the number of groups compared', () => {
    // 8 of 30 against 31/362: p ≈ 0.003 — below 0.01 alone, not below 0.01 / 41 among forty other districts.
    expect(failureRateWarnings([group('a', 8, 30, 30, 360)]).map((w) => w.key)).toEqual(['a']);
    const many = failureRateWarnings([group('a', 8, 30, 30, 360), ...Array.from({ length: 40 }, (_, i) => group(`b${i}`, 2, 30, 30, 360))]);
    expect(many).toEqual([]);
  });
});

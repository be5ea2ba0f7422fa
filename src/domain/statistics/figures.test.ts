import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNT_FIGURES, figuresNotAddingUp, formatRate, monthsOf, periodDays, previousTwelveMonths, rateOf, sumCounts, topShares, zeroCounts, type Counts } from './figures.ts';

const counts = (partial: Partial<Counts>): Counts => ({ ...zeroCounts(), ...partial });

describe('statistics figures', () => {
  it('re-computes a rate from summed counts, never averaging the rates', () => {
    const a = counts({ inspected: 3, failed: 3 });
    const b = counts({ inspected: 297, failed: 0 });
    expect(rateOf(sumCounts([a, b]), 'failureRate')).toBeCloseTo(0.01, 10);
    expect(rateOf(counts({}), 'failureRate')).toBeNull();
    expect(rateOf(counts({ drawn: 10, inspected: 6, unable: 2 }), 'completionRate')).toBe(0.8);
    expect(formatRate(0.12345)).toBe('12.3%');
    expect(formatRate(null)).toBe('—');
  });

  it('says which figures do not add up across levels', () => {
    const parts = [counts({ drawn: 2, penaltyAmount: 500 }), counts({ drawn: 3 })];
    expect(figuresNotAddingUp(counts({ drawn: 5, penaltyAmount: 500 }), parts)).toEqual([]);
    expect(figuresNotAddingUp(counts({ drawn: 6, penaltyAmount: 500 }), parts)).toEqual(['drawn']);
  });

  it('sums to the same totals in any order', () => {
    const arb = fc.record(Object.fromEntries(COUNT_FIGURES.map((f) => [f, fc.nat(1000)])) as Record<keyof Counts, fc.Arbitrary<number>>);
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 8 }), (rows) => {
        expect(figuresNotAddingUp(sumCounts(rows), [...rows].reverse())).toEqual([]);
      }),
    );
  });

  it('knows the months and days of a period and the twelve months before a month', () => {
    expect(monthsOf({ from: '2025-11', to: '2026-02' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodDays({ from: '2026-01', to: '2026-02' })).toEqual({ fromDay: '2026-01-01', toDay: '2026-02-28' });
    expect(previousTwelveMonths('2026-11')).toEqual({ from: '2025-11', to: '2026-10' });
    expect(previousTwelveMonths('2026-01')).toEqual({ from: '2025-01', to: '2025-12' });
  });
});

describe('shares of a figure', () => {
  it('keep the largest in order and sum the rest under 其他, adding up to the whole', () => {
    const shares = [3, 9, 1, 9, 4].map((count, i) => ({ key: `L${i}`, label: `第${i}项`, count }));
    expect(topShares(shares, 3, '其他')).toEqual([
      { key: 'L1', label: '第1项', count: 9 },
      { key: 'L3', label: '第3项', count: 9 },
      { key: 'L4', label: '第4项', count: 4 },
      { key: '', label: '其他', count: 4 },
    ]);
    expect(topShares(shares, 5, '其他')).toHaveLength(5);
    expect(topShares([], 10, '其他')).toEqual([]);
    expect(rateOf({ ...zeroCounts(), doneOnTime: 3, inspected: 4, unable: 2 }, 'onTimeRate')).toBe(0.5);
  });
});

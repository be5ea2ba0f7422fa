import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StratumCounts } from './eligibility-types.ts';
import { defaultPlanSettings, type PlanSettings } from './plan-settings.ts';
import { annualTarget, computeCampaignQuota, computeMonthlyQuotas, quotasAtFreeze } from './quotas.ts';

function counts(code: string, byRisk: Record<string, [population: number, covered: number]>, candidates: number): StratumCounts {
  const buckets = Object.fromEntries(Object.entries(byRisk).map(([r, [population, covered]]) => [r, { population, covered }]));
  const population = Object.values(byRisk).reduce((n, [p]) => n + p, 0);
  const covered = Object.values(byRisk).reduce((n, [, c]) => n + c, 0);
  return { code, population, covered, candidates, byRisk: buckets };
}

/** Counts for the four default enabled strata; the ones not given are empty. */
function defaultCounts(given: StratumCounts[]): StratumCounts[] {
  return ['crowded_key', 'other_key', 'general', 'small_venue'].map(
    (code) => given.find((c) => c.code === code) ?? counts(code, {}, 0),
  );
}

function settingsWith(change: (s: PlanSettings) => void): PlanSettings {
  const s = defaultPlanSettings();
  change(s);
  return s;
}

function quotaOf(code: string, input: Parameters<typeof computeMonthlyQuotas>[0]) {
  const q = computeMonthlyQuotas(input).find((x) => x.code === code);
  if (!q) throw new Error(`no quota for ${code}`);
  return q;
}

describe('computeMonthlyQuotas', () => {
  it('spreads what remains of a 100 % stratum over the months left, with 20 % alternates rounded up', () => {
    const q = quotaOf('crowded_key', {
      settings: defaultPlanSettings(),
      month: 11,
      counts: defaultCounts([counts('crowded_key', { high: [40, 10], low: [80, 20] }, 85)]),
    });
    expect(q).toEqual({
      code: 'crowded_key',
      name: '人员密集场所重点单位',
      target: 120,
      covered: 30,
      remaining: 90,
      monthsLeft: 2,
      computed: 45,
      candidates: 85,
      quota: 45,
      alternates: 9,
      shortBy: 0,
    });
  });

  it.each([
    // [month, population, covered, candidates, computed, quota, alternates, shortBy, why]
    [1, 120, 0, 120, 10, 10, 2, 0, 'January: a twelfth of the target'],
    [1, 121, 0, 121, 11, 11, 3, 0, 'rounded up: 121 / 12 → 11; alternates ⌈2.2⌉ = 3'],
    [6, 120, 20, 100, 15, 15, 3, 0, 'behind in June: 100 left over 7 months → 15'],
    [12, 120, 100, 20, 20, 20, 0, 0, 'December takes all that remains; no candidate is left for alternates'],
    [12, 120, 100, 12, 20, 12, 0, 8, 'too few candidates: the quota is capped and the shortfall shown'],
    [7, 120, 130, 50, 0, 0, 0, 0, 'ahead of target (covered > population is possible after units leave): nothing to draw'],
  ])(
    'month %i, population %i, covered %i, candidates %i → computed %i, quota %i, alternates %i, shortBy %i (%s)',
    (month, population, covered, candidates, computed, quota, alternates, shortBy) => {
      const q = quotaOf('crowded_key', {
        settings: defaultPlanSettings(),
        month,
        counts: defaultCounts([counts('crowded_key', { high: [population, covered] }, candidates)]),
      });
      expect([q.computed, q.quota, q.alternates, q.shortBy]).toEqual([computed, quota, alternates, shortBy]);
    },
  );

  it('rounds a ratio up, per risk bucket: a ratio is a floor ("不低于")', () => {
    // general: 20 %. 3 units → ⌈0.6⌉ = 1; two buckets of 3 → 1 + 1 = 2.
    expect(
      quotaOf('general', {
        settings: defaultPlanSettings(),
        month: 12,
        counts: defaultCounts([counts('general', { low: [3, 0] }, 3)]),
      }).target,
    ).toBe(1);
    expect(
      quotaOf('general', {
        settings: defaultPlanSettings(),
        month: 12,
        counts: defaultCounts([counts('general', { low: [3, 0], '': [3, 0] }, 6)]),
      }).target,
    ).toBe(2);
  });

  it('raises the target of a risk level by its ratio adjustment, clamped to 0–100 %', () => {
    const other = counts('other_key', { high: [10, 0], low: [10, 0] }, 20);
    const targetWith = (adjustments: Record<string, number>) =>
      quotaOf('other_key', {
        settings: settingsWith((s) => (s.riskRatioAdjustmentsBp = adjustments)),
        month: 1,
        counts: defaultCounts([other]),
      }).target;
    expect(targetWith({})).toBe(16); // 80 % of 10 twice
    expect(targetWith({ high: 2000 })).toBe(18); // 100 % of the high-risk 10
    expect(targetWith({ high: 5000 })).toBe(18); // clamped at 100 %
    expect(targetWith({ low: -9000 })).toBe(8); // clamped at 0 %
  });

  it('gives an optional stratum 0 unless a quota is set by hand, and lets a hand-set quota replace a computed one', () => {
    const base = {
      settings: defaultPlanSettings(),
      month: 3,
      counts: defaultCounts([counts('small_venue', { low: [500, 0] }, 400), counts('general', { low: [100, 0] }, 100)]),
    };
    expect(quotaOf('small_venue', base)).toMatchObject({ target: null, remaining: null, computed: 0, quota: 0, alternates: 0 });
    expect(quotaOf('small_venue', { ...base, manualQuotas: { small_venue: 30 } })).toMatchObject({
      computed: 30,
      quota: 30,
      alternates: 6,
    });
    expect(quotaOf('general', base).computed).toBe(2); // 20 of 100 over 10 months
    expect(quotaOf('general', { ...base, manualQuotas: { general: 7 } })).toMatchObject({ target: 20, computed: 7, quota: 7 });
  });

  it('lists the enabled strata in settings order and skips the disabled ones', () => {
    const quotas = computeMonthlyQuotas({ settings: defaultPlanSettings(), month: 5, counts: defaultCounts([]) });
    expect(quotas.map((q) => q.code)).toEqual(['crowded_key', 'other_key', 'general', 'small_venue']);
  });

  it('refuses a month outside 1–12, missing or inconsistent counts and bad hand-set quotas', () => {
    const settings = defaultPlanSettings();
    expect(() => computeMonthlyQuotas({ settings, month: 13, counts: defaultCounts([]) })).toThrow(RangeError);
    expect(() => computeMonthlyQuotas({ settings, month: 0, counts: defaultCounts([]) })).toThrow(RangeError);
    expect(() => computeMonthlyQuotas({ settings, month: 1, counts: [] })).toThrow('no counts for stratum crowded_key');
    const inconsistent = { ...counts('general', { low: [5, 0] }, 5), population: 6 };
    expect(() => computeMonthlyQuotas({ settings, month: 1, counts: defaultCounts([inconsistent]) })).toThrow(RangeError);
    expect(() => computeMonthlyQuotas({ settings, month: 1, counts: defaultCounts([]), manualQuotas: { flammable: 3 } })).toThrow(
      RangeError,
    );
    expect(() => computeMonthlyQuotas({ settings, month: 1, counts: defaultCounts([]), manualQuotas: { general: -1 } })).toThrow(
      RangeError,
    );
    expect(() => computeMonthlyQuotas({ settings, month: 1, counts: defaultCounts([]), manualQuotas: { general: 1.5 } })).toThrow(
      RangeError,
    );
  });
});

describe('computeCampaignQuota', () => {
  it('caps a campaign’s quota at its candidates and rounds alternates up', () => {
    expect(
      computeCampaignQuota({ code: 'campaign', name: '电动自行车专项', quota: 30, alternatesPercent: 10, candidates: 100 }),
    ).toEqual({
      code: 'campaign',
      name: '电动自行车专项',
      target: null,
      covered: 0,
      remaining: null,
      monthsLeft: 1,
      computed: 30,
      candidates: 100,
      quota: 30,
      alternates: 3,
      shortBy: 0,
    });
    expect(computeCampaignQuota({ code: 'c', name: 'c', quota: 30, alternatesPercent: 10, candidates: 25 })).toMatchObject({
      quota: 25,
      alternates: 0,
      shortBy: 5,
    });
  });

  it('refuses a negative quota or a percentage above 100', () => {
    expect(() => computeCampaignQuota({ code: 'c', name: 'c', quota: -1, alternatesPercent: 10, candidates: 5 })).toThrow(
      RangeError,
    );
    expect(() => computeCampaignQuota({ code: 'c', name: 'c', quota: 1, alternatesPercent: 101, candidates: 5 })).toThrow(
      RangeError,
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

const bucketArb = fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }));
const countsArb = (code: string) =>
  fc
    .record({ high: bucketArb, low: bucketArb, none: bucketArb, candidates: fc.integer({ min: 0, max: 20000 }) })
    .map((r) => counts(code, { high: r.high, low: r.low, '': r.none }, r.candidates));
const allCountsArb = fc.tuple(countsArb('crowded_key'), countsArb('other_key'), countsArb('general'), countsArb('small_venue'));
const settingsArb = fc
  .record({
    alternatesPercent: fc.integer({ min: 0, max: 100 }),
    ratio: fc.integer({ min: 0, max: 10000 }),
    adjustHigh: fc.integer({ min: -10000, max: 10000 }),
  })
  .map((r) =>
    settingsWith((s) => {
      s.alternatesPercent = r.alternatesPercent;
      s.strata = s.strata.map((st) => (st.code === 'general' ? { ...st, annualRatioBp: r.ratio } : st));
      s.riskRatioAdjustmentsBp = { high: r.adjustHigh };
    }),
  );

describe('computeMonthlyQuotas properties', () => {
  it('never gives a quota above the candidates, nor alternates above the candidates left', () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.integer({ min: 1, max: 12 }),
        allCountsArb,
        fc.option(fc.integer({ min: 0, max: 30000 })),
        (settings, month, all, manual) => {
          const quotas = computeMonthlyQuotas({
            settings,
            month,
            counts: all,
            manualQuotas: manual === null ? {} : { small_venue: manual },
          });
          for (const q of quotas) {
            expect(q.quota).toBeLessThanOrEqual(q.candidates);
            expect(q.alternates).toBeLessThanOrEqual(q.candidates - q.quota);
            expect(q.alternates).toBeGreaterThanOrEqual(0);
            expect(q.shortBy).toBe(q.computed - q.quota);
            expect(Number.isSafeInteger(q.quota) && Number.isSafeInteger(q.alternates)).toBe(true);
          }
        },
      ),
    );
  });

  it('catches up: drawing each month’s quota from month m on reaches the target by December', () => {
    fc.assert(
      fc.property(settingsArb, fc.integer({ min: 1, max: 12 }), countsArb('general'), (settings, start, general) => {
        // Plenty of candidates, and nothing inspected but what the plan draws.
        let covered = general.covered;
        let target = 0;
        for (let month = start; month <= 12; month++) {
          const c: StratumCounts = { ...general, covered, candidates: general.population + 1 };
          const q = quotaOf('general', { settings, month, counts: defaultCounts([c]) });
          target = q.target as number;
          covered += q.quota;
        }
        expect(covered).toBeGreaterThanOrEqual(target);
        expect(covered - general.covered).toBe(Math.max(0, target - general.covered));
      }),
    );
  });

  it('raises this month’s quota by one for every monthsLeft units the stratum is behind', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 3 }),
        (month, population, coveredSeed, behindBy) => {
          const monthsLeft = 13 - month;
          const covered = Math.min(population, coveredSeed) + monthsLeft * behindBy; // may exceed the target
          const at = (cov: number) =>
            quotaOf('crowded_key', {
              settings: defaultPlanSettings(),
              month,
              counts: defaultCounts([{ ...counts('crowded_key', { high: [population, 0] }, population), covered: cov }]),
            }).computed;
          const ahead = at(covered);
          const behind = at(covered - monthsLeft * behindBy);
          expect(behind).toBeGreaterThanOrEqual(ahead);
          if (covered <= population) expect(behind).toBe(ahead + behindBy);
        },
      ),
    );
  });

  it('never lowers the target when a risk level’s ratio is adjusted upwards', () => {
    fc.assert(
      fc.property(
        countsArb('other_key'),
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: -10000, max: 10000 }),
        fc.integer({ min: 0, max: 10000 }),
        (c, ratio, adjustment, raise) => {
          expect(annualTarget(c, ratio, { high: adjustment + raise })).toBeGreaterThanOrEqual(
            annualTarget(c, ratio, { high: adjustment }),
          );
        },
      ),
    );
  });

  it('never sets a target below the ratio of the whole population, nor above the population', () => {
    fc.assert(
      fc.property(countsArb('general'), fc.integer({ min: 0, max: 10000 }), (c, ratio) => {
        const target = annualTarget(c, ratio, {});
        expect(target * 10000).toBeGreaterThanOrEqual(c.population * ratio);
        expect(target).toBeLessThanOrEqual(c.population);
      }),
    );
  });
});

describe('quotasAtFreeze', () => {
  const december = computeMonthlyQuotas({
    settings: defaultPlanSettings(),
    month: 12,
    counts: defaultCounts([counts('crowded_key', { '': [6, 0] }, 6), counts('general', { '': [30, 0] }, 30)]),
  });
  const crowded = (q: ReturnType<typeof quotasAtFreeze>) => q.quotas.find((x) => x.code === 'crowded_key');

  it('keeps the plan’s quotas when the candidates still suffice, with fewer alternates if need be', () => {
    const atFreeze = defaultCounts([counts('crowded_key', { '': [6, 0] }, 6), counts('general', { '': [30, 0] }, 7)]);
    const result = quotasAtFreeze(december, atFreeze);
    expect(result.adjustments).toEqual([]);
    expect(result.short).toEqual([]);
    expect(result.quotas.find((x) => x.code === 'general')).toMatchObject({ quota: 6, alternates: 1, candidates: 7 });
  });

  it('draws fewer units of a stratum when some were inspected after the plan, and says so', () => {
    // December takes all six crowded units; one of them was inspected on the 3rd, before the freeze on the 5th.
    const atFreeze = defaultCounts([counts('crowded_key', { '': [6, 1] }, 5), counts('general', { '': [30, 0] }, 30)]);
    const result = quotasAtFreeze(december, atFreeze);
    expect(crowded(result)).toMatchObject({ quota: 5, alternates: 0, candidates: 5 });
    expect(result.adjustments).toEqual([{ code: 'crowded_key', name: '人员密集场所重点单位', planned: 6, drawn: 5, coveredSince: 1 }]);
  });

  it('refuses a stratum whose candidates fell for other reasons (units closed, flagged)', () => {
    const atFreeze = defaultCounts([counts('crowded_key', { '': [4, 0] }, 4), counts('general', { '': [30, 0] }, 30)]);
    expect(quotasAtFreeze(december, atFreeze).short).toEqual([{ code: 'crowded_key', name: '人员密集场所重点单位', quota: 6, candidates: 4 }]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noticeRows2026 } from '../calendar/notice-2026.ts';
import { buildHolidayCalendar, CalendarYearMissingError } from '../calendar/working-days.ts';
import type { InspectorDrawFacts } from '../registry/inspector-rules.ts';
import { computeAnnualCapacity, describeAnnualShortfall } from './annual-capacity.ts';
import type { PlanInspector, StratumCounts } from './eligibility-types.ts';
import { defaultPlanSettings } from './plan-settings.ts';

const calendar = buildHolidayCalendar(noticeRows2026(), [2026]);

function inspector(id: string, overrides: Partial<InspectorDrawFacts> = {}): PlanInspector {
  return {
    id,
    pools: ['b1'],
    weight: 1,
    facts: {
      status: 'active',
      certificateNo: '浙消执 0001',
      certificateValidFrom: '2024-01-01',
      certificateValidUntil: '2028-12-31',
      availability: [],
      roles: ['lead', 'assistant'],
      ...overrides,
    },
  };
}

function counts(code: string, population: number, covered = 0): StratumCounts {
  return { code, population, covered, candidates: population - covered, byRisk: { '': { population, covered } } };
}

/** The brigade of the yearly summary (seed 000): 7 inspectors, 12,000 units of which ~6,000 general. */
const brigadeCounts = [
  counts('crowded_key', 900),
  counts('other_key', 1_100),
  counts('general', 6_000),
  counts('small_venue', 4_000),
];
const seven = Array.from({ length: 7 }, (_, i) => inspector(`p${i}`));

describe('computeAnnualCapacity', () => {
  it('tells a brigade of 7 inspectors that 100 % + 80 % + 20 % of 12,000 units does not fit in a year', () => {
    const report = computeAnnualCapacity({
      calendar,
      year: 2026,
      from: '2026-01-01',
      inspectors: seven,
      settings: defaultPlanSettings(),
      counts: brigadeCounts,
    });
    // 2026 has 248 working days under the State Council's arrangement (261 weekdays − 19 off + 6 make-up days).
    expect(report.workingDays).toBe(248);
    expect(report).toMatchObject({ inspectors: 7, inspectorDays: 1_736, capacity: 868, inspectorsPerTask: 2 });
    expect(report.strata.map((s) => [s.code, s.target, s.remaining, s.fits])).toEqual([
      ['crowded_key', 900, 900, 868],
      ['other_key', 880, 880, 0],
      ['general', 1_200, 1_200, 0],
    ]);
    expect(report).toMatchObject({ demand: 2_980, shortfall: 2_112, inspectorsNeeded: 25 });
    expect(report.strata[0]!.fitRatioBp).toBe(9_644); // ⌈900 × 0.9644⌉ = 868
    expect(report.strata[1]!.fitRatioBp).toBe(0);
    expect(describeAnnualShortfall(report)).toBe(
      '全年检查能力不足：按 7 名检查人员、2026-01-01 起 248 个工作日、每人每日 1 项、每项 2 人计算，最多可完成 868 项；' +
        '计划要求 2980 项（人员密集场所重点单位 100% 需再检查 900 家，其他重点单位 80% 需再检查 880 家，一般单位 20% 需再检查 1200 家），缺口 2112 项。' +
        '按现有力量可行的比例：人员密集场所重点单位不高于 96.4%，其他重点单位不高于 0%，一般单位不高于 0%；或需 25 名检查人员全年在岗。',
    );
  });

  it('counts only the working days left and what is already covered, for a plan checked in December', () => {
    const report = computeAnnualCapacity({
      calendar,
      year: 2026,
      from: '2026-12-07',
      inspectors: [
        inspector('p1'),
        inspector('p2', { availability: [{ kind: 'leave', from: '2026-12-14', to: '2026-12-18', reason: '年休假' }] }),
      ],
      settings: defaultPlanSettings(),
      counts: [counts('crowded_key', 10, 9), counts('other_key', 10, 8), counts('general', 50, 4), counts('small_venue', 0)],
    });
    // 7–31 December 2026: 19 working days; one inspector on leave for five of them.
    expect(report).toMatchObject({ workingDays: 19, inspectorDays: 33, capacity: 16 });
    expect(report.strata.map((s) => s.remaining)).toEqual([1, 0, 6]);
    expect(report).toMatchObject({ demand: 7, shortfall: 0 });
    expect(report.strata.every((s) => s.fitRatioBp === s.ratioBp)).toBe(true);
  });

  it('gives the strata capacity in precedence order, and the ratios that fit do fit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 3_000 }), { minLength: 3, maxLength: 3 }),
        (people, sizes) => {
          const settings = defaultPlanSettings();
          const given = [
            counts('crowded_key', sizes[0]!),
            counts('other_key', sizes[1]!),
            counts('general', sizes[2]!),
            counts('small_venue', 0),
          ];
          const inspectors = Array.from({ length: people }, (_, i) => inspector(`p${i}`));
          const report = computeAnnualCapacity({ calendar, year: 2026, from: '2026-03-02', inspectors, settings, counts: given });
          expect(report.strata.reduce((n, s) => n + s.fits, 0)).toBe(Math.min(report.capacity, report.demand));
          for (const s of report.strata) expect(s.fits).toBeLessThanOrEqual(s.remaining);
          // A later stratum gets something only when every earlier one got all it asked for.
          for (let i = 1; i < report.strata.length; i++) {
            if (report.strata[i]!.fits > 0)
              for (let j = 0; j < i; j++) expect(report.strata[j]!.fits).toBe(report.strata[j]!.remaining);
          }
          // The suggested ratios are within the plan's and need no more than the share each stratum got.
          const suggested = computeAnnualCapacity({
            calendar,
            year: 2026,
            from: '2026-03-02',
            inspectors,
            settings: {
              ...settings,
              strata: settings.strata.map((st) => ({
                ...st,
                annualRatioBp: report.strata.find((s) => s.code === st.code)?.fitRatioBp ?? st.annualRatioBp,
              })),
            },
            counts: given,
          });
          expect(suggested.shortfall).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fails closed for a year without a 放假调休 arrangement', () => {
    expect(() =>
      computeAnnualCapacity({
        calendar,
        year: 2027,
        from: '2027-01-01',
        inspectors: seven,
        settings: defaultPlanSettings(),
        counts: brigadeCounts,
      }),
    ).toThrow(CalendarYearMissingError);
  });
});

import { describe, expect, it } from 'vitest';
import { noticeRows2026 } from '../calendar/notice-2026.ts';
import { buildHolidayCalendar, CalendarYearMissingError } from '../calendar/working-days.ts';
import { isDomainError } from '../errors.ts';
import type { InspectorDrawFacts } from '../registry/inspector-rules.ts';
import { availableWorkingDays, computeCapacity } from './capacity.ts';
import type { PlanInspector } from './eligibility-types.ts';
import { defaultPlanSettings } from './plan-settings.ts';

const calendar = buildHolidayCalendar(noticeRows2026(), [2026]);

function facts(overrides: Partial<InspectorDrawFacts> = {}): InspectorDrawFacts {
  return {
    status: 'active',
    certificateNo: '浙消执 0001',
    certificateValidFrom: '2024-01-01',
    certificateValidUntil: '2028-12-31',
    availability: [],
    roles: ['lead', 'assistant'],
    ...overrides,
  };
}

function inspector(id: string, overrides: Partial<InspectorDrawFacts> = {}): PlanInspector {
  return { id, pools: ['b1'], weight: 1, facts: facts(overrides) };
}

describe('availableWorkingDays', () => {
  const cases: [string, Partial<InspectorDrawFacts>, number, string][] = [
    // October 2026: 国庆 10/1–10/7 off, 10/8 and 10/9 back, 10/10 (Saturday) a make-up day, then 3 full weeks.
    ['2026-10', {}, 18, 'October 2026 under the 国庆 arrangement'],
    ['2026-09', {}, 22, 'September 2026: 中秋 9/25 (Friday) off, 9/20 (Sunday) worked'],
    ['2026-02', {}, 16, 'February 2026: 春节 takes six weekdays, 2/14 and 2/28 (Saturdays) worked'],
    [
      '2026-10',
      { availability: [{ kind: 'leave', from: '2026-10-12', to: '2026-10-16', reason: '年休假' }] },
      13,
      'a week of leave',
    ],
    [
      '2026-10',
      { availability: [{ kind: 'frozen', from: '2026-10-20', to: null, reason: '纪律审查' }] },
      9,
      'frozen from 10/20 until lifted',
    ],
    ['2026-10', { certificateValidUntil: '2026-10-10' }, 3, 'certificate valid through the make-up Saturday 10/10'],
    ['2026-10', { certificateValidFrom: '2026-10-26' }, 5, 'certificate valid from 10/26'],
    ['2026-10', { status: 'retired' }, 0, 'retired'],
    ['2026-10', { roles: [] }, 0, 'no role'],
  ];
  it.each(cases)('%s with %j: %i days (%s)', (month, overrides, expected) => {
    expect(availableWorkingDays(calendar, month, facts(overrides))).toBe(expected);
  });

  it('fails closed for a month of a year without an arrangement', () => {
    let caught: unknown;
    try {
      availableWorkingDays(calendar, '2027-01', facts());
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CalendarYearMissingError);
    expect(isDomainError(caught) && caught.code).toBe('CALENDAR_YEAR_MISSING');
    // Even for an inspector who could not be drawn anyway: the answer never depends on a guess.
    expect(() => availableWorkingDays(calendar, '2027-03', facts({ status: 'retired' }))).toThrow(CalendarYearMissingError);
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => availableWorkingDays(calendar, '2026-13', facts())).toThrow(RangeError);
    expect(() => availableWorkingDays(calendar, '2026-1', facts())).toThrow(RangeError);
  });
});

describe('computeCapacity', () => {
  const settings = defaultPlanSettings(); // one task per inspector-day, 1 主办 + 1 协办

  it('turns inspector-days into tasks and shows the shortfall against the quotas', () => {
    const inspectors = [
      inspector('p1'),
      inspector('p2'),
      inspector('p3', { availability: [{ kind: 'leave', from: '2026-10-12', to: '2026-10-16', reason: '年休假' }] }),
    ];
    expect(computeCapacity({ calendar, month: '2026-10', inspectors, settings, demand: 30 })).toEqual({
      inspectorDays: 18 + 18 + 13,
      tasksPerInspectorDay: 1,
      inspectorsPerTask: 2,
      capacity: 24, // ⌊49 / 2⌋
      demand: 30,
      shortfall: 6,
    });
  });

  it('has no shortfall when capacity covers the demand, and scales with tasks per day and team size', () => {
    const inspectors = [inspector('p1'), inspector('p2')];
    expect(computeCapacity({ calendar, month: '2026-10', inspectors, settings, demand: 18 }).shortfall).toBe(0);
    const busier = { ...settings, capacity: { tasksPerInspectorDay: 2 }, assignment: { lead: 1, assistant: 2, backups: 0 } };
    expect(computeCapacity({ calendar, month: '2026-10', inspectors, settings: busier, demand: 0 }).capacity).toBe(24); // ⌊36 × 2 / 3⌋
  });

  it('counts only the working days left for a plan generated mid-month', () => {
    const inspectors = [inspector('p1'), inspector('p2')];
    // October 2026 from the 19th: 19–23 and 26–30, ten working days each.
    expect(computeCapacity({ calendar, month: '2026-10', inspectors, settings, demand: 12, from: '2026-10-19' })).toMatchObject({
      inspectorDays: 20,
      capacity: 10,
      shortfall: 2,
    });
    expect(availableWorkingDays(calendar, '2026-10', facts(), '2026-10-01')).toBe(18);
  });

  it('fails closed for a year without an arrangement, even with nobody to count', () => {
    expect(() => computeCapacity({ calendar, month: '2027-01', inspectors: [], settings, demand: 0 })).toThrow(
      CalendarYearMissingError,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../calendar/working-days.ts';
import { monthDueForGeneration } from './schedule.ts';

// 2026 days that matter here (State Council notice of 2025-11-04): 国庆 10/1–10/7 off, 9/20 and 10/10 make-up days.
const calendar = buildHolidayCalendar(
  [
    { date: '2026-09-20', kind: 'workday', name: '国庆节' },
    ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const, name: '国庆节' })),
    { date: '2026-10-10', kind: 'workday', name: '国庆节' },
  ],
  [2026],
);

describe('monthDueForGeneration', () => {
  it('generates next month on the last two working days of the month', () => {
    expect(monthDueForGeneration(calendar, '2026-11-27')).toEqual({ year: 2026, month: 12 }); // Friday
    expect(monthDueForGeneration(calendar, '2026-11-30')).toEqual({ year: 2026, month: 12 }); // Monday
  });

  it('does nothing on other days, weekends included', () => {
    expect(monthDueForGeneration(calendar, '2026-11-26')).toBeNull();
    expect(monthDueForGeneration(calendar, '2026-11-28')).toBeNull(); // Saturday
  });

  it('rolls December over to January of the next year', () => {
    expect(monthDueForGeneration(calendar, '2026-12-31')).toEqual({ year: 2027, month: 1 });
  });

  it('refuses to guess in a year without calendar data', () => {
    expect(() => monthDueForGeneration(calendar, '2027-01-29')).toThrow(/2027 年的节假日安排尚未录入/);
  });
});

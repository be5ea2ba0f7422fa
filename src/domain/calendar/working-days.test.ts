import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noticeRows2026 } from './notice-2026.ts';
import {
  addWorkingDays,
  buildHolidayCalendar,
  CalendarYearMissingError,
  isWorkingDay,
  lastWorkingDaysOfMonth,
  nextWorkingDayOnOrAfter,
  shouldWarnMissingNextYear,
} from './working-days.ts';
import { isDomainError } from '../errors.ts';

const calendar = buildHolidayCalendar(noticeRows2026(), [2026]);

describe('isWorkingDay under the 2026 arrangement', () => {
  it.each([
    ['2026-01-01', false, '元旦'],
    ['2026-01-04', true, 'a Sunday made a working day for 元旦'],
    ['2026-01-05', true, 'an ordinary Monday'],
    ['2026-01-10', false, 'an ordinary Saturday'],
    ['2026-02-14', true, 'a Saturday made a working day for 春节'],
    ['2026-02-16', false, '春节 (a Monday)'],
    ['2026-02-23', false, 'the last day of 春节 (a Monday)'],
    ['2026-02-24', true, 'the first day back after 春节'],
    ['2026-02-28', true, 'the second 春节 make-up Saturday'],
    ['2026-04-06', false, '清明 (a Monday)'],
    ['2026-05-05', false, '劳动节 (a Tuesday)'],
    ['2026-05-09', true, 'the 劳动节 make-up Saturday'],
    ['2026-06-19', false, '端午 (a Friday)'],
    ['2026-09-20', true, 'the 国庆 make-up Sunday'],
    ['2026-09-25', false, '中秋 (a Friday)'],
    ['2026-10-07', false, 'the last day of 国庆'],
    ['2026-10-08', true, 'the Thursday after 国庆 (the notice ends the break on 10-07)'],
    ['2026-10-10', true, 'the 国庆 make-up Saturday'],
    ['2026-10-11', false, 'the Sunday after it'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(calendar, date)).toBe(expected);
  });
});

describe('addWorkingDays', () => {
  it('does not count the start day and counts make-up Saturdays', () => {
    expect(addWorkingDays(calendar, '2026-02-13', 1)).toBe('2026-02-14');
  });

  it('skips the whole 春节 break', () => {
    expect(addWorkingDays(calendar, '2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkingDays(calendar, '2026-02-12', 5)).toBe('2026-02-26');
  });

  it('with n = 0 returns the date itself when it is a working day, else the next working day', () => {
    expect(addWorkingDays(calendar, '2026-02-14', 0)).toBe('2026-02-14');
    expect(addWorkingDays(calendar, '2026-02-15', 0)).toBe('2026-02-24');
  });

  it('rejects a negative n', () => {
    expect(() => addWorkingDays(calendar, '2026-03-02', -1)).toThrow(RangeError);
  });

  it('refuses to cross into a year without data', () => {
    expect(() => addWorkingDays(calendar, '2026-12-31', 1)).toThrow(CalendarYearMissingError);
  });
});

describe('nextWorkingDayOnOrAfter', () => {
  it('moves a 国庆 date to the first day back', () => {
    expect(nextWorkingDayOnOrAfter(calendar, '2026-10-01')).toBe('2026-10-08');
    expect(nextWorkingDayOnOrAfter(calendar, '2026-10-08')).toBe('2026-10-08');
  });
});

describe('lastWorkingDaysOfMonth', () => {
  it('gives the last two working days of 2026-09 and 2026-12', () => {
    expect(lastWorkingDaysOfMonth(calendar, '2026-09', 2)).toEqual(['2026-09-29', '2026-09-30']);
    expect(lastWorkingDaysOfMonth(calendar, '2026-12', 2)).toEqual(['2026-12-30', '2026-12-31']);
  });

  it('counts a make-up Saturday at the end of the month', () => {
    expect(lastWorkingDaysOfMonth(calendar, '2026-02', 2)).toEqual(['2026-02-27', '2026-02-28']);
  });

  it('skips holidays at the end of the month', () => {
    // 2026-01: 01-31 is a Saturday.
    expect(lastWorkingDaysOfMonth(calendar, '2026-01', 1)).toEqual(['2026-01-30']);
  });
});

describe('a year without data', () => {
  it('raises a clear Chinese error instead of guessing plain weekdays', () => {
    let caught: unknown;
    try {
      isWorkingDay(calendar, '2027-01-04');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CalendarYearMissingError);
    expect(isDomainError(caught) && caught.code).toBe('CALENDAR_YEAR_MISSING');
    expect((caught as Error).message).toBe('2027 年的节假日安排尚未录入，无法计算工作日');
    expect(() => lastWorkingDaysOfMonth(calendar, '2027-01', 2)).toThrow('2027 年的节假日安排尚未录入');
    expect(() => nextWorkingDayOnOrAfter(calendar, '2025-12-31')).toThrow('2025 年的节假日安排尚未录入');
  });

  it('is refused when building a calendar with rows outside the known years', () => {
    expect(() => buildHolidayCalendar([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }], [2026])).toThrow(RangeError);
  });
});

describe('shouldWarnMissingNextYear', () => {
  it('warns from November 1 while next year has no data', () => {
    expect(shouldWarnMissingNextYear(calendar, '2026-10-31')).toBe(false);
    expect(shouldWarnMissingNextYear(calendar, '2026-11-01')).toBe(true);
    expect(shouldWarnMissingNextYear(calendar, '2026-12-31')).toBe(true);
  });

  it('stops warning once next year is entered', () => {
    const withNext = buildHolidayCalendar([...noticeRows2026(), { date: '2027-01-01', kind: 'holiday', name: '元旦' }], [2026, 2027]);
    expect(shouldWarnMissingNextYear(withNext, '2026-11-15')).toBe(false);
  });
});

describe('addWorkingDays properties', () => {
  // Start dates in 2026 up to 2026-06-30; 100 working days later is still in 2026.
  const startDate = fc.integer({ min: 0, max: 180 }).map((offset) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10));
  const count = fc.integer({ min: 0, max: 100 });

  it('every result is a working day', () => {
    fc.assert(fc.property(startDate, count, (d, n) => isWorkingDay(calendar, addWorkingDays(calendar, d, n))));
  });

  it('one more working day always gives a later date, once at least one day is counted', () => {
    fc.assert(
      fc.property(startDate, count, (d, n) => addWorkingDays(calendar, d, n + 2) > addWorkingDays(calendar, d, n + 1)),
    );
  });

  it('counts from the next working day when the start is a day off, so 0 and 1 days then coincide', () => {
    // 2026-01-01 is 元旦; the first working day after it is the make-up Sunday 2026-01-04.
    expect(addWorkingDays(calendar, '2026-01-01', 0)).toBe('2026-01-04');
    expect(addWorkingDays(calendar, '2026-01-01', 1)).toBe('2026-01-04');
    expect(addWorkingDays(calendar, '2026-01-01', 2)).toBe('2026-01-05');
    fc.assert(fc.property(startDate, count, (d, n) => addWorkingDays(calendar, d, n + 1) >= addWorkingDays(calendar, d, n)));
  });

  it('never returns a date before the start', () => {
    fc.assert(fc.property(startDate, count, (d, n) => addWorkingDays(calendar, d, n) >= d));
  });
});

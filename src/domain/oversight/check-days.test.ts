import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../calendar/working-days.ts';
import { noticeRows2026 } from '../calendar/notice-2026.ts';
import { checkDaysOfMonth, isCheckDay, latestCheckDayOnOrBefore } from './check-days.ts';

const cal = buildHolidayCalendar(noticeRows2026(), [2026]);

describe('the checks on the 10th and 20th', () => {
  it('run on the 10th and the 20th, or the next working day', () => {
    expect(checkDaysOfMonth(cal, '2026-11')).toEqual(['2026-11-10', '2026-11-20']);
    // 2026-01-10 is a Saturday, 2026-09-20 a make-up Sunday (a working day), 2026-10-10 a make-up Saturday.
    expect(checkDaysOfMonth(cal, '2026-01')).toEqual(['2026-01-12', '2026-01-20']);
    expect(checkDaysOfMonth(cal, '2026-09')).toEqual(['2026-09-10', '2026-09-20']);
    expect(checkDaysOfMonth(cal, '2026-10')).toEqual(['2026-10-10', '2026-10-20']);
    // 2026-06-20 falls in 端午 (06-19..06-21): the 22nd.
    expect(checkDaysOfMonth(cal, '2026-06')[1]).toBe('2026-06-22');
    expect(isCheckDay(cal, '2026-01-12')).toBe(true);
    expect(isCheckDay(cal, '2026-01-10')).toBe(false);
  });

  it('find the latest check day on or before a date, across the month, or none without the calendar', () => {
    expect(latestCheckDayOnOrBefore(cal, '2026-12-06')).toBe('2026-11-20');
    expect(latestCheckDayOnOrBefore(cal, '2026-11-10')).toBe('2026-11-10');
    expect(latestCheckDayOnOrBefore(cal, '2026-11-19')).toBe('2026-11-10');
    expect(latestCheckDayOnOrBefore(cal, '2026-01-11')).toBeNull();
    expect(latestCheckDayOnOrBefore(cal, '2026-02-01')).toBe('2026-01-20');
  });
});

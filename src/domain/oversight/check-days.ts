/**
 * 每月 10 日、20 日 的检查 (issue 16; seed 001 asks for them), pure: the days of a month on which the brigade's
 * self-check runs — the 10th and the 20th, each rolled to the next working day when it falls on a weekend or holiday.
 */
import { CalendarYearMissingError, nextWorkingDayOnOrAfter, type HolidayCalendar } from '../calendar/working-days.ts';

export const CHECK_DAYS_OF_MONTH = [10, 20] as const;

/** The check days of `month` (YYYY-MM), in order; throws CalendarYearMissingError for a year not entered. */
export function checkDaysOfMonth(calendar: HolidayCalendar, month: string): string[] {
  return CHECK_DAYS_OF_MONTH.map((d) => nextWorkingDayOnOrAfter(calendar, `${month}-${String(d).padStart(2, '0')}`));
}

/** Whether `date` is a check day of its month. */
export function isCheckDay(calendar: HolidayCalendar, date: string): boolean {
  return checkDaysOfMonth(calendar, date.slice(0, 7)).includes(date);
}

/**
 * The latest check day on or before `date` (this month's or last month's), or null when the calendar lacks a year it
 * needs: the demo's first report is the one the job would have written then.
 */
export function latestCheckDayOnOrBefore(calendar: HolidayCalendar, date: string): string | null {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  try {
    const days = [...checkDaysOfMonth(calendar, previous), ...checkDaysOfMonth(calendar, date.slice(0, 7))].filter((d) => d <= date);
    return days.at(-1) ?? null;
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return null;
    throw e;
  }
}

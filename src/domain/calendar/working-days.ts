/**
 * Working days (工作日) under the State Council's yearly 放假调休 arrangement.
 *
 * A working day is Monday to Friday, minus statutory holidays (法定节假日 and the days joined to them),
 * plus make-up working days (调休上班日, usually Saturdays or Sundays). The arrangement is published
 * once a year, usually in November or December of the year before, so the calendar only knows the
 * years it has data for. Every function here fails with CalendarYearMissingError as soon as it needs
 * a day of a year without data: guessing "no holidays" would silently move deadlines and plan dates.
 *
 * Dates are 'YYYY-MM-DD' strings (China Standard Time calendar dates); arithmetic is done in UTC so
 * no time zone can shift a day.
 */
import { DomainError } from '../errors.ts';
import { assertIsoDate } from '../registry/dates.ts';
import { assertYearMonth, firstDayOfMonth, nextYearMonth } from './year-month.ts';

export type HolidayKind = 'holiday' | 'workday';

/** One day of an arrangement: a day off ('holiday') or a make-up working day ('workday'). */
export type HolidayDay = { date: string; kind: HolidayKind; name: string };

export type HolidayCalendar = {
  /** Years whose arrangement is known. A day of any other year cannot be classified. */
  readonly years: ReadonlySet<number>;
  readonly days: ReadonlyMap<string, HolidayDay>;
};

/** Thrown whenever a computation needs a year whose 放假调休 arrangement has not been entered. */
export class CalendarYearMissingError extends DomainError {
  readonly year: number;

  constructor(year: number) {
    super('CALENDAR_YEAR_MISSING', `${year} 年的节假日安排尚未录入，无法计算工作日`, { year });
    this.name = 'CalendarYearMissingError';
    this.year = year;
  }
}

/**
 * Builds a calendar from the stored rows and the years that have data. A row outside those years or a
 * date listed twice is a caller's bug (the database and the PUT contract prevent both): RangeError.
 */
export function buildHolidayCalendar(rows: readonly HolidayDay[], years: Iterable<number>): HolidayCalendar {
  const yearSet = new Set(years);
  const days = new Map<string, HolidayDay>();
  for (const row of rows) {
    assertIsoDate(row.date, 'holiday date');
    if (!yearSet.has(yearOf(row.date))) throw new RangeError(`holiday ${row.date} lies in a year without calendar data`);
    if (days.has(row.date)) throw new RangeError(`holiday ${row.date} listed twice`);
    days.set(row.date, row);
  }
  return { years: yearSet, days };
}

/**
 * Whether `date` is a working day: a make-up day (调休上班) is one even on a weekend; a holiday is not,
 * even on a weekday; otherwise Monday–Friday. Throws CalendarYearMissingError for a year without data.
 */
export function isWorkingDay(calendar: HolidayCalendar, date: string): boolean {
  assertIsoDate(date, 'date');
  requireYear(calendar, yearOf(date));
  const special = calendar.days.get(date);
  if (special) return special.kind === 'workday';
  const weekday = toUtc(date).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDayOnOrAfter(calendar: HolidayCalendar, date: string): string {
  let day = date;
  while (!isWorkingDay(calendar, day)) day = addCalendarDays(day, 1);
  return day;
}

/**
 * The last working day strictly before `date` (the day a pre-notice must be given by, decision 0020): for a visit on
 * Monday 2026-10-12 it is Saturday 10-10 (a make-up day); for Thursday 2026-10-08 (国庆) it is Tuesday 09-30.
 */
export function previousWorkingDayBefore(calendar: HolidayCalendar, date: string): string {
  assertIsoDate(date, 'date');
  let day = addCalendarDays(date, -1);
  while (!isWorkingDay(calendar, day)) day = addCalendarDays(day, -1);
  return day;
}

/**
 * The date `n` working days after `date`, the start day not counted: a task issued on Friday
 * 2026-02-13 with 1 working day is due Saturday 2026-02-14 (a make-up day).
 *
 * n = 0 returns `date` when it is a working day, otherwise the next working day — a "same day"
 * deadline that falls on a holiday moves to the first day the office is open.
 * Throws RangeError for a negative or fractional n, CalendarYearMissingError as soon as a day of a
 * year without data would be counted (e.g. 2026-12-31 plus 1 needs 2027).
 */
export function addWorkingDays(calendar: HolidayCalendar, date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  assertIsoDate(date, 'date');
  if (n === 0) return nextWorkingDayOnOrAfter(calendar, date);
  let day = date;
  let counted = 0;
  while (counted < n) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(calendar, day)) counted += 1;
  }
  return day;
}

/**
 * The last `n` working days of `month` ('YYYY-MM'), in ascending order — e.g. the two days on which the
 * next monthly plan is generated. Make-up days count (the last working day of 2026-09 is Wednesday
 * 09-30; of 2026-02 it is Saturday 02-28). If the month has fewer than n working days, all of them.
 */
export function lastWorkingDaysOfMonth(calendar: HolidayCalendar, month: string, n: number): string[] {
  const ym = assertYearMonth(month);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  requireYear(calendar, ym.year);
  const out: string[] = [];
  let day = addCalendarDays(firstDayOfMonth(nextYearMonth(ym)), -1);
  while (out.length < n && day.startsWith(month)) {
    if (isWorkingDay(calendar, day)) out.unshift(day);
    day = addCalendarDays(day, -1);
  }
  return out;
}

/**
 * Whether to warn administrators that next year's arrangement is missing: from November 1 (the
 * State Council usually publishes in November or December) as long as next year has no data.
 */
export function shouldWarnMissingNextYear(calendar: HolidayCalendar, today: string): boolean {
  assertIsoDate(today, 'today');
  return Number(today.slice(5, 7)) >= 11 && !calendar.years.has(yearOf(today) + 1);
}

/** The warning text shown when shouldWarnMissingNextYear is true. */
export function missingNextYearWarning(today: string): string {
  const next = yearOf(today) + 1;
  return `${next} 年的节假日安排尚未录入：国务院通知发布后请系统管理员及时录入，否则 ${next} 年的工作日无法计算`;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function requireYear(calendar: HolidayCalendar, year: number): void {
  if (!calendar.years.has(year)) throw new CalendarYearMissingError(year);
}

function toUtc(date: string): Date {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
}

export function addCalendarDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Checks a year's arrangement as an administrator enters it: every date lies in `year` and appears
 * once. Throws VALIDATION_FAILED naming the row, e.g. 「第 4 天的日期：2026-12-31 不属于 2027 年」 (path days.3.date).
 */
export function checkYearArrangement(year: number, days: readonly HolidayDay[]): void {
  const seen = new Map<string, number>();
  days.forEach((day, i) => {
    if (yearOf(day.date) !== year) {
      throw new DomainError('VALIDATION_FAILED', `第 ${i + 1} 天的日期：${day.date} 不属于 ${year} 年`, { field: 'days', path: `days.${i}.date` });
    }
    const first = seen.get(day.date);
    if (first !== undefined) {
      throw new DomainError('VALIDATION_FAILED', `第 ${i + 1} 天的日期：${day.date} 与第 ${first + 1} 天重复`, { field: 'days', path: `days.${i}.date` });
    }
    seen.set(day.date, i);
  });
}

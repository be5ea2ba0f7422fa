/**
 * Calendar-month arithmetic on YYYY-MM-DD dates, for the frequency rules ("at least six months apart").
 * Pure string arithmetic: no Date, no time zone.
 */
import { assertIsoDate } from '../registry/dates.ts';

/**
 * `date` moved by `n` calendar months (n may be negative or 0), the day clamped to the end of the target
 * month when that month is shorter: 2026-08-31 + 6 months = 2027-02-28, 2027-08-31 + 6 = 2028-02-29 (leap
 * year), 2026-03-31 − 1 = 2026-02-28, 2026-01-15 + 12 = 2027-01-15.
 *
 * Clamping is how Chinese law counts a period in months (民法典第二百零二条: "按照年、月计算期间的，到期月的
 * 对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日").
 *
 * Throws RangeError for a date that is not YYYY-MM-DD, a non-integer n, or a result outside years 1–9999.
 */
export function addMonths(date: string, n: number): string {
  assertIsoDate(date, 'date');
  if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  const total = Number(date.slice(0, 4)) * 12 + (Number(date.slice(5, 7)) - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 1 || year > 9999) throw new RangeError(`${date} + ${n} months lies outside years 1–9999`);
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days in `month` (1–12) of `year`, Gregorian. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

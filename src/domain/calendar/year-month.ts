/**
 * Calendar months: the month of a plan, of the working-day calendar and of the scheduler, written 'YYYY-MM'
 * in text (the form people type and the CLI takes) and held as { year, month } in code. Pure.
 */
import { assertIsoDate } from '../registry/dates.ts';

export type YearMonth = { year: number; month: number };

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' as { year, month }, or null when the text is not such a month (2026-13, 2026-1, 2026-03-01). */
export function parseYearMonth(text: string): YearMonth | null {
  const m = YEAR_MONTH.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/** Like {@link parseYearMonth}, but a text that is not 'YYYY-MM' is a caller's bug: RangeError naming `what`. */
export function assertYearMonth(text: string, what = 'month'): YearMonth {
  const ym = parseYearMonth(text);
  if (!ym) throw new RangeError(`${what} must be YYYY-MM, got ${JSON.stringify(text)}`);
  return ym;
}

/** { year: 2026, month: 3 } as '2026-03'. RangeError for a month outside 1–12 or a year outside 1–9999. */
export function formatYearMonth({ year, month }: YearMonth): string {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`year must be 1–9999, got ${year}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, got ${month}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The first day of the month as YYYY-MM-DD: { year: 2026, month: 3 } → '2026-03-01'. */
export function firstDayOfMonth(ym: YearMonth): string {
  return `${formatYearMonth(ym)}-01`;
}

/** The month a YYYY-MM-DD date lies in: '2026-03-15' → { year: 2026, month: 3 }. */
export function yearMonthOf(date: string): YearMonth {
  assertIsoDate(date, 'date');
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/** The month after: December rolls over to January of the next year. */
export function nextYearMonth({ year, month }: YearMonth): YearMonth {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/** The last day of the month as YYYY-MM-DD: { year: 2026, month: 2 } → '2026-02-28'. */
export function lastDayOfMonth(ym: YearMonth): string {
  const days = new Date(Date.UTC(ym.year, ym.month, 0)).getUTCDate();
  return `${formatYearMonth(ym)}-${String(days).padStart(2, '0')}`;
}

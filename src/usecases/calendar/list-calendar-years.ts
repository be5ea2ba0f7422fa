import { listCalendarYears as queryCalendarYears, loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { missingNextYearWarning, shouldWarnMissingNextYear } from '../../domain/calendar/working-days.ts';
import { localDate } from '../../domain/local-date.ts';
import type { UseCaseContext } from '../lib/context.ts';

/**
 * The years whose 放假调休 arrangement is known, and a warning from November 1 while next year's is
 * missing. Any logged-in account may read the calendar: deadlines everywhere depend on it.
 */
export async function listCalendarYears(ctx: UseCaseContext) {
  const today = localDate(ctx.now);
  const years = await queryCalendarYears(ctx.db);
  const calendar = await loadHolidayCalendar(ctx.db, [Number(today.slice(0, 4)) + 1]);
  return { years, warning: shouldWarnMissingNextYear(calendar, today) ? missingNextYearWarning(today) : null };
}

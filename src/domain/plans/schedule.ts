/**
 * When monthly plans are generated. 南宫 2023 plan: "于每月最后两个工作日内 … 通过系统生成下月抽查任务" — in the
 * last two working days of each month the next month's plan is generated. Pure: `today` comes in.
 */
import { lastWorkingDaysOfMonth, type HolidayCalendar } from '../calendar/working-days.ts';
import { formatYearMonth, nextYearMonth, yearMonthOf, type YearMonth } from '../calendar/year-month.ts';

/**
 * The month whose plan is due to be generated on `today`: the next month when today is one of the last two
 * working days of its month, otherwise null. Throws CALENDAR_YEAR_MISSING when today's year has no calendar
 * (the scheduler must not guess which days are working days).
 */
export function monthDueForGeneration(calendar: HolidayCalendar, today: string): YearMonth | null {
  const current = yearMonthOf(today);
  const days = lastWorkingDaysOfMonth(calendar, formatYearMonth(current), 2);
  return days.includes(today) ? nextYearMonth(current) : null;
}

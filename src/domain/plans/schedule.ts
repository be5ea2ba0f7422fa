/**
 * When monthly plans are generated. 南宫 2023 plan: "于每月最后两个工作日内 … 通过系统生成下月抽查任务" — in the
 * last two working days of each month the next month's plan is generated. Pure: `today` comes in.
 */
import { lastWorkingDaysOfMonth, type HolidayCalendar } from '../calendar/working-days.ts';

export type YearMonth = { year: number; month: number };

export function nextYearMonth({ year, month }: YearMonth): YearMonth {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/**
 * The month whose plan is due to be generated on `today`: the next month when today is one of the last two
 * working days of its month, otherwise null. Throws CALENDAR_YEAR_MISSING when today's year has no calendar
 * (the scheduler must not guess which days are working days).
 */
export function monthDueForGeneration(calendar: HolidayCalendar, today: string): YearMonth | null {
  const current = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
  const days = lastWorkingDaysOfMonth(calendar, today.slice(0, 7), 2);
  return days.includes(today) ? nextYearMonth(current) : null;
}

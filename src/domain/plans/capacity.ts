/** Inspectors' capacity in a month against the quotas (每日一查). Pure. SPEC: eligibility-types.ts (CapacityReport). */
import type { HolidayCalendar } from '../calendar/working-days.ts';
import { CalendarYearMissingError, isWorkingDay } from '../calendar/working-days.ts';
import { assertYearMonth } from '../calendar/year-month.ts';
import type { InspectorDrawFacts } from '../registry/inspector-rules.ts';
import { isInspectorDrawable } from '../registry/inspector-rules.ts';
import type { CapacityReport, PlanInspector } from './eligibility-types.ts';
import { daysInMonth } from './months.ts';
import type { PlanSettings } from './plan-settings.ts';

/**
 * Working days of the month (YYYY-MM) on which the inspector is drawable in any role: the day is a working
 * day under the State Council's 放假调休 arrangement ({@link isWorkingDay}: 调休上班日 count, holidays do not)
 * and {@link isInspectorDrawable} holds that day (in post, certificate valid, not frozen, seconded or on
 * leave, at least one role). Inspections are done on working days; leave and secondment are dated. With
 * `from` (YYYY-MM-DD), only the days on or after it count: a plan made on the 10th cannot use the 1st–9th.
 *
 * Fails closed: throws CalendarYearMissingError when the month's year has no arrangement, whatever the
 * inspector's facts (guessing "no holidays" would overstate capacity around 春节 and 国庆). RangeError for a
 * month that is not YYYY-MM.
 */
export function availableWorkingDays(calendar: HolidayCalendar, month: string, facts: InspectorDrawFacts, from?: string): number {
  const { year, month: m } = assertYearMonth(month);
  if (!calendar.years.has(year)) throw new CalendarYearMissingError(year);
  const last = daysInMonth(year, m);
  let days = 0;
  for (let d = 1; d <= last; d++) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    if (from !== undefined && date < from) continue;
    if (isWorkingDay(calendar, date) && isInspectorDrawable(facts, date).drawable) days += 1;
  }
  return days;
}

/**
 * The month's capacity against the demand (Σ quotas), per {@link CapacityReport}:
 * inspectorDays = Σ {@link availableWorkingDays} (from `from` on, when given); capacity = ⌊inspectorDays × tasksPerInspectorDay /
 * (lead + assistant)⌋ — every task takes lead + assistant people for a day (two officers at least,
 * 行政处罚法第四十二条); shortfall = max(0, demand − capacity). Rounded down: capacity is a ceiling.
 * Throws CalendarYearMissingError for a month of a year without an arrangement, even with no inspectors.
 */
export function computeCapacity(input: {
  calendar: HolidayCalendar;
  month: string;
  inspectors: readonly PlanInspector[];
  settings: Pick<PlanSettings, 'capacity' | 'assignment'>;
  demand: number;
  /** Count only the working days on or after this date (a plan generated mid-month). */
  from?: string;
}): CapacityReport {
  const { tasksPerInspectorDay } = input.settings.capacity;
  const inspectorsPerTask = input.settings.assignment.lead + input.settings.assignment.assistant;
  if (!Number.isInteger(tasksPerInspectorDay) || tasksPerInspectorDay < 1)
    throw new RangeError('tasksPerInspectorDay must be a positive integer');
  if (!Number.isInteger(inspectorsPerTask) || inspectorsPerTask < 2)
    throw new RangeError('a task needs at least one lead and one assistant');
  if (!Number.isSafeInteger(input.demand) || input.demand < 0)
    throw new RangeError(`demand must be a non-negative integer, got ${input.demand}`);
  const { year } = assertYearMonth(input.month);
  if (!input.calendar.years.has(year)) throw new CalendarYearMissingError(year);
  let inspectorDays = 0;
  for (const inspector of input.inspectors) inspectorDays += availableWorkingDays(input.calendar, input.month, inspector.facts, input.from);
  const capacity = Math.floor((inspectorDays * tasksPerInspectorDay) / inspectorsPerTask);
  return {
    inspectorDays,
    tasksPerInspectorDay,
    inspectorsPerTask,
    capacity,
    demand: input.demand,
    shortfall: Math.max(0, input.demand - capacity),
  };
}

/**
 * The deadlines of the documents after an inspection (decision 0023), each one pure function on the working-day
 * calendar. Periods follow DOMAIN law as we read it (docs/documents.md):
 * - 2, 3, 5 and 7-day periods are working days (行政处罚法 art. 85; 行政强制法 art. 69 for periods ≤ 10 days); the start
 *   day is not counted (addWorkingDays).
 * - Longer periods are calendar days; one that ends on a holiday or weekend rolls to the next working day.
 * Every function throws CalendarYearMissingError when it needs a year whose 放假调休 arrangement is not entered: a
 * deadline is never guessed.
 */
import { addCalendarDays, addWorkingDays, isWorkingDay, nextWorkingDayOnOrAfter, type HolidayCalendar } from '../calendar/working-days.ts';
import { assertIsoDate } from '../registry/dates.ts';

/** 责令限期改正通知书: served within 3 working days of the inspection (公安部令第120号 art. 19–20). */
export function deadlineNoticeServiceDue(calendar: HolidayCalendar, inspectedOn: string): string {
  return addWorkingDays(calendar, inspectedOn, 3);
}

/**
 * A correction deadline (于…前改正) set per hazard: `workingDays` after the notice's date, or a date the issuer chose,
 * which rolls to the next working day when it falls on a holiday. Refuses a date before the notice.
 */
export function correctionDue(calendar: HolidayCalendar, issuedOn: string, period: { workingDays: number } | { date: string }): string {
  if ('workingDays' in period) {
    if (!Number.isInteger(period.workingDays) || period.workingDays < 1) throw new RangeError(`correction period must be ≥ 1 working day, got ${period.workingDays}`);
    return addWorkingDays(calendar, issuedOn, period.workingDays);
  }
  assertIsoDate(period.date, 'correction date');
  if (period.date <= issuedOn) throw new RangeError(`correction date ${period.date} is not after the notice date ${issuedOn}`);
  return nextWorkingDayOnOrAfter(calendar, period.date);
}

/**
 * 复查: within 3 working days after the correction deadline, or after the unit applied for an early 复查 — whichever
 * comes first (120号令 art. 20).
 */
export function reinspectionDue(calendar: HolidayCalendar, correctionDeadline: string, appliedOn: string | null = null): string {
  const start = appliedOn !== null && appliedOn < correctionDeadline ? appliedOn : correctionDeadline;
  return addWorkingDays(calendar, start, 3);
}

/** 临时查封决定书: served within 3 working days of the inspection (120号令 art. 22). */
export function sealingDecisionDue(calendar: HolidayCalendar, inspectedOn: string): string {
  return addWorkingDays(calendar, inspectedOn, 3);
}

/** After an emergency seal, the decision is due within 24 hours of sealing (120号令 art. 23). */
export function emergencySealingDecisionDue(sealedAt: Date): Date {
  return new Date(sealedAt.getTime() + 24 * 60 * 60 * 1000);
}

/**
 * The last day of a sealing: 30 days after it began (行政强制法 art. 25), plus 30 more when extended once; it rolls to
 * the next working day. When the hazard is not removed the limit no longer applies (the caller keeps the seal).
 */
export function sealingEnds(calendar: HolidayCalendar, sealedOn: string, extended = false): string {
  return rollCalendarPeriod(calendar, sealedOn, extended ? 60 : 30);
}

/** A penalty is decided within 90 days of opening the case (行政处罚法 art. 60). */
export function penaltyDecisionDue(calendar: HolidayCalendar, openedOn: string): string {
  return rollCalendarPeriod(calendar, openedOn, 90);
}

/** A decision not handed over on the spot is served within 7 working days (行政处罚法 art. 61). */
export function penaltyServiceDue(calendar: HolidayCalendar, decidedOn: string): string {
  return addWorkingDays(calendar, decidedOn, 7);
}

/** A hearing must be requested within 5 working days of being told of the right (行政处罚法 art. 64). */
export function hearingRequestDue(calendar: HolidayCalendar, informedOn: string): string {
  return addWorkingDays(calendar, informedOn, 5);
}

/** A fine is paid within 15 days of service (行政处罚法 art. 67). */
export function finePaymentDue(calendar: HolidayCalendar, servedOn: string): string {
  return rollCalendarPeriod(calendar, servedOn, 15);
}

/** `days` calendar days after `start` (start not counted), rolled to the next working day. */
export function rollCalendarPeriod(calendar: HolidayCalendar, start: string, days: number): string {
  assertIsoDate(start, 'date');
  return nextWorkingDayOnOrAfter(calendar, addCalendarDays(start, days));
}

/** How a deadline stands today: 还剩 N 个工作日 / 今日到期 / 已逾期 N 个工作日. */
export type DeadlineState =
  | { kind: 'remaining'; workingDays: number }
  | { kind: 'due_today'; workingDays: 0 }
  | { kind: 'overdue'; workingDays: number };

/**
 * Where `today` stands against `due`: the working days after today up to and including `due` (remaining), or the
 * working days after `due` up to and including today (overdue). A due date on a holiday counts as its next working day
 * (the period ends on the first day the office is open). Once that day has passed the deadline is overdue, even on
 * holidays before the next working day (overdue by 0 working days: 「已逾期」, not 「今日到期」).
 */
export function deadlineState(calendar: HolidayCalendar, today: string, due: string): DeadlineState {
  assertIsoDate(today, 'today');
  assertIsoDate(due, 'due');
  const effective = nextWorkingDayOnOrAfter(calendar, due);
  if (today === effective) return { kind: 'due_today', workingDays: 0 };
  if (today < effective) return { kind: 'remaining', workingDays: workingDaysBetween(calendar, today, effective) };
  return { kind: 'overdue', workingDays: workingDaysBetween(calendar, effective, today) };
}

/** 「还剩 3 个工作日」「今日到期」「已逾期 2 个工作日」 (「已逾期」 on a holiday right after the due date). */
export function deadlineLabel(state: DeadlineState): string {
  if (state.kind === 'remaining') return `还剩 ${state.workingDays} 个工作日`;
  if (state.kind === 'overdue') return state.workingDays === 0 ? '已逾期' : `已逾期 ${state.workingDays} 个工作日`;
  return '今日到期';
}

/** Working days in (from, to]: the start day not counted, the end day counted. 0 when to ≤ from. */
export function workingDaysBetween(calendar: HolidayCalendar, from: string, to: string): number {
  let n = 0;
  let day = from;
  while (day < to) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(calendar, day)) n += 1;
  }
  return n;
}

/** Whether a deadline counts as due soon: at most `within` working days left (reminders). */
export function isDueSoon(state: DeadlineState, within = 2): boolean {
  return state.kind === 'due_today' || (state.kind === 'remaining' && state.workingDays <= within);
}

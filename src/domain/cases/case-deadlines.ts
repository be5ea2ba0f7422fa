/**
 * The deadlines a case page shows (decision 0023): the decision within 90 days of opening, the fine within 15 days of
 * service (of the decision date when no service is recorded). Pure. A deadline whose year has no 放假调休 arrangement
 * is not guessed: it shows why it is unknown.
 */
import { addCalendarDays, CalendarYearMissingError, type HolidayCalendar } from '../calendar/working-days.ts';
import { deadlineLabel, deadlineState, finePaymentDue, penaltyDecisionDue } from '../deadlines/deadlines.ts';

export type CaseDeadline = {
  /** The due date, or null when the calendar of its year is missing. */
  due: string | null;
  state: 'remaining' | 'due_today' | 'overdue' | 'unknown';
  workingDays: number | null;
  /** 「还剩 3 个工作日」「今日到期」「已逾期 2 个工作日」 or why it is unknown. */
  label: string;
};

/** A deadline computed by `due`, as it stands `today`. */
export function caseDeadline(calendar: HolidayCalendar, today: string, due: () => string): CaseDeadline {
  try {
    const date = due();
    const state = deadlineState(calendar, today, date);
    return { due: date, state: state.kind, workingDays: state.workingDays, label: deadlineLabel(state) };
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return { due: null, state: 'unknown', workingDays: null, label: `${e.year} 年节假日安排未录入，期限暂不能计算` };
    throw e;
  }
}

export type CaseDeadlineFacts = {
  status: 'open' | 'decided' | 'closed' | 'revoked';
  openedOn: string;
  decidedOn: string | null;
  paymentStatus: 'not_applicable' | 'unpaid' | 'paid' | 'enforced';
  /** The day the decision was first served (送达), when recorded. */
  servedOn: string | null;
};

/** The open deadlines of a case: the decision (while open) and the payment (while a fine is unpaid). */
export function caseDeadlines(calendar: HolidayCalendar, today: string, c: CaseDeadlineFacts): { decision: CaseDeadline | null; payment: CaseDeadline | null } {
  const decision = c.status === 'open' ? caseDeadline(calendar, today, () => penaltyDecisionDue(calendar, c.openedOn)) : null;
  const start = c.servedOn ?? c.decidedOn;
  const payment = c.status === 'decided' && c.paymentStatus === 'unpaid' && start ? caseDeadline(calendar, today, () => finePaymentDue(calendar, start)) : null;
  return { decision, payment };
}

/**
 * Why a decision on `decidedOn` is too late for a case opened on `openedOn`, or null when it is in time. Within 90
 * calendar days it is in time whatever the calendar says (rolling only moves the deadline later); past them the rolled
 * deadline decides, which needs that year's calendar (CalendarYearMissingError otherwise).
 */
export function lateDecisionProblem(calendar: HolidayCalendar, openedOn: string, decidedOn: string): string | null {
  if (decidedOn <= addCalendarDays(openedOn, 90)) return null;
  const due = penaltyDecisionDue(calendar, openedOn);
  if (decidedOn <= due) return null;
  return `决定日期：已超过立案之日起 90 日的办案期限（期限至 ${due}），不能作出处罚决定；确需延长的，应经负责人批准后依法办理`;
}

/**
 * A deadline as the lists show it (decision 0023), pure: 「还剩 N 个工作日」/「今日到期」/「已逾期 N 个工作日」, or, when the
 * year's 放假调休 arrangement is not entered, 「无法计算：2027 年节假日安排尚未录入」 — never a guess, never an error page.
 */
import { CalendarYearMissingError, type HolidayCalendar } from '../calendar/working-days.ts';
import { deadlineLabel, deadlineState, type DeadlineState } from './deadlines.ts';

export type DeadlineText = { label: string; overdue: boolean; state: DeadlineState | null };

export function missingYearLabel(year: number): string {
  return `无法计算：${year} 年节假日安排尚未录入`;
}

export function deadlineText(calendar: HolidayCalendar, today: string, due: string): DeadlineText {
  try {
    const state = deadlineState(calendar, today, due);
    return { label: deadlineLabel(state), overdue: state.kind === 'overdue', state };
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return { label: missingYearLabel(e.year), overdue: false, state: null };
    throw e;
  }
}

/** Like deadlineText for a due date that itself must be computed (and may need a missing year). */
export function computedDeadlineText(calendar: HolidayCalendar, today: string, due: () => string): DeadlineText & { due: string | null } {
  try {
    const d = due();
    return { ...deadlineText(calendar, today, d), due: d };
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return { label: missingYearLabel(e.year), overdue: false, state: null, due: null };
    throw e;
  }
}

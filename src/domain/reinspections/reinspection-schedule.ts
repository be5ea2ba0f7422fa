/**
 * Which 责令限期改正通知书 need a 复查 task today (decision 0023), pure. A notice needs one when its correction deadline
 * (the latest 于…前改正 of the hazards it still orders corrected) is at most two working days away, due today or past,
 * or when the unit has asked for an early 复查. The task is due within 3 working days of the deadline or of the
 * request, whichever comes first (120号令 art. 20: reinspectionDue).
 */
import { CalendarYearMissingError, type HolidayCalendar } from '../calendar/working-days.ts';
import { deadlineState, isDueSoon, reinspectionDue } from '../deadlines/deadlines.ts';

/** What the rule needs of a notice. */
export type NoticeDeadline = {
  noticeId: string;
  /** The latest correction deadline of the notice's hazards still ordered corrected. */
  correctionDue: string;
  /** The earliest early-复查 request registered for it, if any. */
  requestedOn: string | null;
  /** Whether a (not cancelled) task already follows the notice. */
  hasTask: boolean;
};

export type ReinspectionReason = 'deadline_near' | 'due_today' | 'overdue' | 'early_request';

export const REINSPECTION_REASON_LABELS: Record<ReinspectionReason, string> = {
  deadline_near: '整改期限将满（不足 2 个工作日）',
  due_today: '整改期限今日届满',
  overdue: '整改期限已过',
  early_request: '单位申请提前复查',
};

export type ReinspectionDecision = { noticeId: string; dueDate: string; reason: ReinspectionReason };

/** Whether `notice` needs its 复查 task made today, and when the task is due; null when not yet (or one exists). */
export function reinspectionDecision(calendar: HolidayCalendar, today: string, notice: NoticeDeadline): ReinspectionDecision | null {
  if (notice.hasTask) return null;
  const requested = notice.requestedOn !== null && notice.requestedOn <= today ? notice.requestedOn : null;
  const state = deadlineState(calendar, today, notice.correctionDue);
  let reason: ReinspectionReason | null = null;
  if (requested !== null && requested < notice.correctionDue) reason = 'early_request';
  else if (state.kind === 'overdue') reason = 'overdue';
  else if (state.kind === 'due_today') reason = 'due_today';
  else if (isDueSoon(state, 2)) reason = 'deadline_near';
  if (reason === null) return null;
  return { noticeId: notice.noticeId, dueDate: reinspectionDue(calendar, notice.correctionDue, requested), reason };
}

/**
 * The decisions for many notices. A notice whose dates need a year without calendar data is not guessed: it is
 * returned in `skipped` with the Chinese message, and the others go on.
 */
export function reinspectionsDue(
  calendar: HolidayCalendar,
  today: string,
  notices: readonly NoticeDeadline[],
): { create: ReinspectionDecision[]; skipped: { noticeId: string; message: string }[] } {
  const create: ReinspectionDecision[] = [];
  const skipped: { noticeId: string; message: string }[] = [];
  for (const notice of notices) {
    try {
      const decision = reinspectionDecision(calendar, today, notice);
      if (decision) create.push(decision);
    } catch (e) {
      if (!(e instanceof CalendarYearMissingError)) throw e;
      skipped.push({ noticeId: notice.noticeId, message: e.message });
    }
  }
  return { create, skipped };
}

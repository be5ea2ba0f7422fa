import type { HolidayCalendar } from '../../domain/calendar/working-days.ts';
import { computedDeadlineText, deadlineText, type DeadlineText } from '../../domain/deadlines/deadline-text.ts';
import { deadlineNoticeServiceDue } from '../../domain/deadlines/deadlines.ts';
import type { HazardListRow } from '../../db/hazard-queries.ts';

/**
 * A hazard's deadline today: while 待开具文书, the notice's service deadline (3 working days after the inspection);
 * once ordered or awaiting 复查, its correction date; none in a terminal stage or a case.
 */
export function withHazardDeadline(calendar: HolidayCalendar, today: string, row: HazardListRow) {
  const h = row.hazard;
  let deadline: DeadlineText | null = null;
  if (h.stage === 'found') {
    const t = computedDeadlineText(calendar, today, () => deadlineNoticeServiceDue(calendar, h.foundOn));
    deadline = { ...t, label: `开具文书：${t.label}` };
  } else if ((h.stage === 'ordered' || h.stage === 'reinspection') && h.correctionDue) {
    deadline = deadlineText(calendar, today, h.correctionDue);
  }
  /** Working days overdue (-1 when not overdue): the list puts the most overdue first. */
  const overdueDays = deadline?.state?.kind === 'overdue' ? deadline.state.workingDays : -1;
  return { ...row, deadline, overdueDays };
}
export type HazardWithDeadline = ReturnType<typeof withHazardDeadline>;

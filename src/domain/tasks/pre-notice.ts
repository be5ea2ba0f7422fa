import { previousWorkingDayBefore, type HolidayCalendar } from '../calendar/working-days.ts';

/**
 * 检查前告知 (pre-notice, decision 0020). The lead picks the visit day, between today and the task's due date. The
 * notice is on time when it is given no later than the last working day before the visit (working-day calendar:
 * weekends, 法定节假日 and 调休上班日 counted as the State Council's arrangement says); a later notice is allowed
 * but needs a reason, kept with the task. A year without calendar data fails with CALENDAR_YEAR_MISSING rather than
 * guessing.
 */
export type VisitSchedule =
  | { ok: true; late: boolean; noticeDeadline: string }
  | { ok: false; field: 'visitDate' | 'lateReason'; message: string };

export function checkVisitSchedule(
  calendar: HolidayCalendar,
  input: { today: string; visitDate: string; dueDate: string; lateReason: string },
): VisitSchedule {
  if (input.visitDate < input.today) return { ok: false, field: 'visitDate', message: `检查日期：不能早于今天（${input.today}）` };
  if (input.visitDate > input.dueDate) {
    return { ok: false, field: 'visitDate', message: `检查日期：不能晚于任务截止日期（${input.dueDate}）` };
  }
  const noticeDeadline = previousWorkingDayBefore(calendar, input.visitDate);
  const late = input.today > noticeDeadline;
  if (late && input.lateReason.trim() === '') {
    return {
      ok: false,
      field: 'lateReason',
      message: `迟延告知理由：应在检查日前一个工作日（${noticeDeadline}）之前告知，今天告知须说明理由`,
    };
  }
  return { ok: true, late, noticeDeadline };
}

/**
 * Where a document's service (送达) stands (decision 0023), pure: a correction notice is served within 3 working days
 * of the inspection (deadlineNoticeServiceDue), a 行政处罚决定书 within 7 working days of the decision when the party
 * is not there to receive it (penaltyServiceDue). Voided: nothing is due. Served: 「已送达」 (late when after the due day).
 * Otherwise 「待送达：还剩 N 个工作日」 and so on, or the calendar's refusal to guess.
 */
import type { HolidayCalendar } from '../calendar/working-days.ts';
import { computedDeadlineText } from '../deadlines/deadline-text.ts';
import { deadlineNoticeServiceDue, penaltyServiceDue } from '../deadlines/deadlines.ts';
import type { DocumentType } from './document-types.ts';

export type DocumentDeadline = { serviceDue: string | null; label: string; overdue: boolean; servedLate: boolean };

const SERVED_WITHIN_3_DAYS: readonly DocumentType[] = ['deadline_notice', 'immediate_notice'];

export function documentDeadline(
  calendar: HolidayCalendar,
  today: string,
  doc: { type: DocumentType; voided: boolean; inspectedOn: string | null; issueDate: string; firstServedOn: string | null },
): DocumentDeadline {
  const timed = SERVED_WITHIN_3_DAYS.includes(doc.type) && doc.inspectedOn !== null;
  const due = timed
    ? computedDeadlineText(calendar, today, () => deadlineNoticeServiceDue(calendar, doc.inspectedOn!))
    : doc.type === 'penalty_decision'
      ? computedDeadlineText(calendar, today, () => penaltyServiceDue(calendar, doc.issueDate))
      : null;
  const serviceDue = due?.due ?? null;
  if (doc.voided) return { serviceDue, label: '已作废', overdue: false, servedLate: false };
  if (doc.firstServedOn !== null) {
    const servedLate = serviceDue !== null && doc.firstServedOn > serviceDue;
    return { serviceDue, label: servedLate ? '已送达（超过送达期限）' : '已送达', overdue: false, servedLate };
  }
  if (!due) return { serviceDue, label: '待送达', overdue: false, servedLate: false };
  return { serviceDue, label: `待送达：${due.label}`, overdue: due.overdue, servedLate: false };
}

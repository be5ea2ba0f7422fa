/**
 * The correction date of each hazard on a correction notice (decision 0023), pure: a 责令立即改正通知书 orders
 * correction on its own date; a 责令限期改正通知书 needs, per hazard, a period in working days or a date (rolled to a
 * working day), or, when correcting an issued notice, the date the hazard already had. Refusals are Chinese 400s; a
 * year without holiday data is refused with the calendar's own message, never guessed.
 */
import { CalendarYearMissingError, type HolidayCalendar } from '../calendar/working-days.ts';
import { correctionDue } from '../deadlines/deadlines.ts';
import { DomainError } from '../errors.ts';

export type PeriodInput = { hazardId: string; workingDays?: number | undefined; date?: string | undefined };

export function noticeCorrectionDues(
  calendar: HolidayCalendar,
  type: 'deadline_notice' | 'immediate_notice',
  issueDate: string,
  hazards: readonly { id: string; seq: number; correctionDue?: string | null }[],
  periods: readonly PeriodInput[],
  keepExisting = false,
): Map<string, string> {
  const out = new Map<string, string>();
  const known = new Set(hazards.map((h) => h.id));
  const stray = periods.find((p) => !known.has(p.hazardId));
  if (stray) throw new DomainError('VALIDATION_FAILED', '改正期限：所列隐患不在本通知书的隐患中', { field: 'periods' });
  for (const h of hazards) {
    if (type === 'immediate_notice') {
      out.set(h.id, issueDate);
      continue;
    }
    const period = periods.find((p) => p.hazardId === h.id);
    if (!period) {
      if (keepExisting && h.correctionDue && h.correctionDue > issueDate) {
        out.set(h.id, h.correctionDue);
        continue;
      }
      throw new DomainError('VALIDATION_FAILED', `改正期限：请为隐患 ${h.seq} 设定改正期限`, { field: 'periods' });
    }
    try {
      out.set(h.id, correctionDue(calendar, issueDate, period.workingDays !== undefined ? { workingDays: period.workingDays } : { date: period.date! }));
    } catch (e) {
      if (e instanceof CalendarYearMissingError) throw new DomainError('VALIDATION_FAILED', e.message, { field: 'periods', year: e.year });
      if (e instanceof RangeError) throw new DomainError('VALIDATION_FAILED', `改正期限：隐患 ${h.seq} 的改正日期应晚于成文日期`, { field: 'periods' });
      throw e;
    }
  }
  return out;
}

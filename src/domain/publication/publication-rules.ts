/**
 * The rules of 一公开 (decision 0024), pure: when an entry is due, how long a penalty stays on the portal, whether an
 * entry may be auto-published, and how a brigade's publication record reads (rate, on time, late, overdue).
 *
 * Periods run in working days from the event, the event day not counted (addWorkingDays): a result 20 working days
 * from the inspection, a penalty 7 from the decision, a withdrawal 3 from the revocation — each configurable per
 * province (PublicationPolicy). A due date that needs a year whose 放假调休 arrangement is not entered is not guessed:
 * the caller shows 「无法计算」 (CalendarYearMissingError).
 */
import { addWorkingDays, CalendarYearMissingError, type HolidayCalendar } from '../calendar/working-days.ts';
import { deadlineState } from '../deadlines/deadlines.ts';
import type { PenaltyContent, PublicationKind, PublicationPolicy, PublicationStatus } from './publication-types.ts';

/** The last day to publish an entry made by an event on `eventDate`. */
export function publicationDue(calendar: HolidayCalendar, kind: PublicationKind, eventDate: string, policy: PublicationPolicy): string {
  return addWorkingDays(calendar, eventDate, kind === 'result' ? policy.resultDays : policy.penaltyDays);
}

/** The last day to withdraw a published penalty after its decision was revoked, changed or voided on `requestedOn`. */
export function withdrawalDue(calendar: HolidayCalendar, requestedOn: string, policy: PublicationPolicy): string {
  return addWorkingDays(calendar, requestedOn, policy.withdrawalDays);
}

/** A warning, or a fine up to the policy's threshold. */
export function isMinorPenalty(content: Pick<PenaltyContent, 'penaltyKind' | 'fineAmount'>, policy: PublicationPolicy): boolean {
  return content.penaltyKind === 'warning' || (content.fineAmount ?? 0) <= policy.minorFineMax;
}

/** `date` plus whole months, the day clamped to the month's end (2026-11-30 + 3 → 2027-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The last day a penalty is shown on the portal: minorDisplayMonths after publication for a minor one, displayYears
 * otherwise. A result has no end (null): it is the record of a random check.
 */
export function displayUntil(content: { kind: 'result' } | PenaltyContent, publishedOn: string, policy: PublicationPolicy): string | null {
  if (content.kind === 'result') return null;
  return isMinorPenalty(content, policy) ? addMonths(publishedOn, policy.minorDisplayMonths) : addMonths(publishedOn, policy.displayYears * 12);
}

/** Whether the portal shows an entry today: published (or its withdrawal) within its display period. */
export function isOnPortal(entry: { status: PublicationStatus; displayUntil: string | null }, today: string): boolean {
  if (entry.status !== 'published' && entry.status !== 'withdrawn') return false;
  return entry.displayUntil === null || today <= entry.displayUntil;
}

/** A pending entry the daily job may publish: auto-publication is on and the entry is old enough. */
export function isAutoPublishable(entry: { status: PublicationStatus; createdOn: string }, today: string, policy: PublicationPolicy): boolean {
  if (entry.status !== 'pending' || policy.autoPublishAfterDays === null) return false;
  const ready = new Date(`${entry.createdOn}T00:00:00Z`);
  ready.setUTCDate(ready.getUTCDate() + policy.autoPublishAfterDays);
  return today >= ready.toISOString().slice(0, 10);
}

/** The policy's problems, each naming its field in Chinese; empty when it may be saved. */
export function policyProblems(p: PublicationPolicy): { field: keyof PublicationPolicy; message: string }[] {
  const problems: { field: keyof PublicationPolicy; message: string }[] = [];
  const range = (field: keyof PublicationPolicy, label: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) problems.push({ field, message: `${label}：应为 ${min}–${max} 之间的整数` });
  };
  range('resultDays', '抽查结果公示期限（工作日）', p.resultDays, 1, 60);
  range('penaltyDays', '行政处罚公示期限（工作日）', p.penaltyDays, 1, 30);
  range('withdrawalDays', '撤回期限（工作日）', p.withdrawalDays, 1, 10);
  if (p.autoPublishAfterDays !== null) range('autoPublishAfterDays', '自动公示（天）', p.autoPublishAfterDays, 0, 60);
  range('minorFineMax', '较低数额罚款上限（元）', p.minorFineMax, 0, 1_000_000);
  range('minorDisplayMonths', '警告及较低数额罚款公示期（月）', p.minorDisplayMonths, 1, 36);
  range('displayYears', '其他行政处罚公示期（年）', p.displayYears, 1, 5);
  if (problems.length === 0 && p.minorDisplayMonths > p.displayYears * 12) {
    problems.push({ field: 'minorDisplayMonths', message: '警告及较低数额罚款公示期：不能长于其他行政处罚的公示期' });
  }
  return problems;
}

/** One entry as the brigade's record counts it. */
export type PublicationFact = {
  kind: PublicationKind;
  status: PublicationStatus;
  eventDate: string;
  publishedOn: string | null;
  withdrawRequestedOn: string | null;
  withdrawnOn: string | null;
};

/** Where an entry stands against its deadline today. `due` null: the deadline needs a year not entered. */
export type PublicationTiming =
  | { kind: 'on_time'; due: string | null }
  | { kind: 'late'; due: string; days: number }
  | { kind: 'waiting'; due: string; daysLeft: number }
  | { kind: 'overdue'; due: string; days: number }
  | { kind: 'not_applicable' }
  | { kind: 'unknown'; missingYear: number };

/**
 * An entry's timing: a published one on time or late (the working days after its due date); a pending one waiting
 * or overdue; a withdrawal the same against its own deadline; a suppressed entry is not applicable.
 */
export function publicationTiming(calendar: HolidayCalendar, fact: PublicationFact, today: string, policy: PublicationPolicy): PublicationTiming {
  try {
    if (fact.status === 'suppressed') return { kind: 'not_applicable' };
    const withdrawal = fact.status === 'withdrawal_pending' || (fact.status === 'withdrawn' && fact.withdrawRequestedOn !== null);
    const due = withdrawal ? withdrawalDue(calendar, fact.withdrawRequestedOn!, policy) : publicationDue(calendar, fact.kind, fact.eventDate, policy);
    const doneOn = withdrawal ? fact.withdrawnOn : fact.publishedOn;
    if (doneOn !== null && (fact.status === 'published' || fact.status === 'withdrawn')) {
      if (doneOn <= due) return { kind: 'on_time', due };
      const state = deadlineState(calendar, doneOn, due);
      return { kind: 'late', due, days: state.kind === 'overdue' ? state.workingDays : 0 };
    }
    const state = deadlineState(calendar, today, due);
    if (state.kind === 'overdue') return { kind: 'overdue', due, days: state.workingDays };
    return { kind: 'waiting', due, daysLeft: state.workingDays };
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return { kind: 'unknown', missingYear: e.year };
    throw e;
  }
}

/** The wording of a timing, as the queue and the lists show it. */
export function timingLabel(t: PublicationTiming): string {
  switch (t.kind) {
    case 'on_time':
      return '按期公示';
    case 'late':
      return `逾期 ${t.days} 个工作日后公示`;
    case 'waiting':
      return t.daysLeft === 0 ? '今日到期' : `还剩 ${t.daysLeft} 个工作日`;
    case 'overdue':
      return `已逾期 ${t.days} 个工作日`;
    case 'not_applicable':
      return '不适用';
    case 'unknown':
      return `无法计算：${t.missingYear} 年节假日安排尚未录入`;
  }
}

/** A brigade's publication record (the statistics read it): what fell due and how it was met. */
export type PublicationRecord = {
  total: number;
  published: number;
  publishedOnTime: number;
  publishedLate: number;
  overdue: number;
  waiting: number;
  withdrawn: number;
  suppressed: number;
  unknown: number;
  /** Published on time ÷ (all that fell due by today, published or not), in per cent with one decimal; null: none fell due. */
  onTimeRate: number | null;
};

export function publicationRecord(calendar: HolidayCalendar, facts: readonly PublicationFact[], today: string, policy: PublicationPolicy): PublicationRecord {
  const r: PublicationRecord = { total: facts.length, published: 0, publishedOnTime: 0, publishedLate: 0, overdue: 0, waiting: 0, withdrawn: 0, suppressed: 0, unknown: 0, onTimeRate: null };
  for (const f of facts) {
    if (f.status === 'published') r.published += 1;
    if (f.status === 'withdrawn') r.withdrawn += 1;
    const t = publicationTiming(calendar, f, today, policy);
    if (t.kind === 'on_time') r.publishedOnTime += 1;
    else if (t.kind === 'late') r.publishedLate += 1;
    else if (t.kind === 'overdue') r.overdue += 1;
    else if (t.kind === 'waiting') r.waiting += 1;
    else if (t.kind === 'not_applicable') r.suppressed += 1;
    else r.unknown += 1;
  }
  const fellDue = r.publishedOnTime + r.publishedLate + r.overdue;
  r.onTimeRate = fellDue === 0 ? null : Math.round((r.publishedOnTime / fellDue) * 1000) / 10;
  return r;
}

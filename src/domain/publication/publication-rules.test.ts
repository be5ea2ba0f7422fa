import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar, type HolidayCalendar } from '../calendar/working-days.ts';
import { noticeRows2026 } from '../calendar/notice-2026.ts';
import {
  addMonths,
  displayUntil,
  isAutoPublishable,
  isOnPortal,
  policyProblems,
  publicationDue,
  publicationRecord,
  publicationTiming,
  timingLabel,
  withdrawalDue,
  type PublicationFact,
} from './publication-rules.ts';
import { DEFAULT_PUBLICATION_POLICY as P, type PenaltyContent } from './publication-types.ts';
import { codeValidity } from './unit-access.ts';

const cal: HolidayCalendar = buildHolidayCalendar(noticeRows2026(), [2026]);
const penalty = (kind: 'warning' | 'fine', amount: number | null): PenaltyContent => ({
  kind: 'penalty',
  brigadeName: '甲大队',
  unitName: '某商场',
  uscc: null,
  partyKind: 'organisation',
  partyName: '某商场',
  decisionNumber: '甲消行罚决字〔2026〕第0001号',
  decidedOn: '2026-11-02',
  citation: '《中华人民共和国消防法》第六十条第一款第一项',
  penaltyKind: kind,
  fineAmount: amount,
  facts: [],
});

describe('publication deadlines', () => {
  it('gives a result 20 working days and a penalty 7, the event day not counted', () => {
    // 2026-09-21 (Mon) + 20 working days crosses 中秋 (09-25 off) and 国庆 (10-01..10-07 off, 10-10 a make-up Saturday).
    expect(publicationDue(cal, 'result', '2026-09-21', P)).toBe('2026-10-26');
    expect(publicationDue(cal, 'penalty', '2026-11-02', P)).toBe('2026-11-11');
    expect(withdrawalDue(cal, '2026-11-05', P)).toBe('2026-11-10');
  });
  it('follows a province’s own periods', () => {
    expect(publicationDue(cal, 'result', '2026-11-02', { ...P, resultDays: 10 })).toBe('2026-11-16');
  });
  it('refuses to guess a due date in a year whose arrangement is not entered', () => {
    const t = publicationTiming(cal, { kind: 'result', status: 'pending', eventDate: '2026-12-20', publishedOn: null, withdrawRequestedOn: null, withdrawnOn: null }, '2026-12-21', P);
    expect(t).toEqual({ kind: 'unknown', missingYear: 2027 });
    expect(timingLabel(t)).toBe('无法计算：2027 年节假日安排尚未录入');
  });
});

describe('display periods', () => {
  it('keeps a warning or a small fine 3 months and any other penalty 3 years; a result has no end', () => {
    expect(displayUntil(penalty('warning', null), '2026-11-30', P)).toBe('2027-02-28');
    expect(displayUntil(penalty('fine', 5000), '2026-11-30', P)).toBe('2027-02-28');
    expect(displayUntil(penalty('fine', 50_000), '2026-11-30', P)).toBe('2029-11-30');
    expect(displayUntil({ kind: 'result' }, '2026-11-30', P)).toBeNull();
  });
  it('adds months with the day clamped to the month’s end', () => {
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
  it('shows published entries and withdrawals within their period, never a pending or suppressed one', () => {
    expect(isOnPortal({ status: 'published', displayUntil: null }, '2030-01-01')).toBe(true);
    expect(isOnPortal({ status: 'published', displayUntil: '2026-12-01' }, '2026-12-02')).toBe(false);
    expect(isOnPortal({ status: 'withdrawn', displayUntil: '2026-12-31' }, '2026-12-02')).toBe(true);
    expect(isOnPortal({ status: 'pending', displayUntil: null }, '2026-12-02')).toBe(false);
    expect(isOnPortal({ status: 'suppressed', displayUntil: null }, '2026-12-02')).toBe(false);
    expect(isOnPortal({ status: 'withdrawal_pending', displayUntil: null }, '2026-12-02')).toBe(false);
  });
});

describe('auto-publication and the policy', () => {
  it('publishes automatically only when the brigade set it and the entry is old enough', () => {
    expect(isAutoPublishable({ status: 'pending', createdOn: '2026-11-01' }, '2026-11-30', P)).toBe(false);
    const auto = { ...P, autoPublishAfterDays: 5 };
    expect(isAutoPublishable({ status: 'pending', createdOn: '2026-11-01' }, '2026-11-05', auto)).toBe(false);
    expect(isAutoPublishable({ status: 'pending', createdOn: '2026-11-01' }, '2026-11-06', auto)).toBe(true);
    expect(isAutoPublishable({ status: 'suppressed', createdOn: '2026-11-01' }, '2026-11-30', auto)).toBe(false);
  });
  it('names the field of a bad policy in Chinese', () => {
    expect(policyProblems(P)).toEqual([]);
    expect(policyProblems({ ...P, resultDays: 0 })[0]!.message).toContain('抽查结果公示期限');
    expect(policyProblems({ ...P, minorDisplayMonths: 48, displayYears: 3 })[0]!.field).toBe('minorDisplayMonths');
  });
});

describe('a brigade’s publication record', () => {
  const fact = (f: Partial<PublicationFact>): PublicationFact => ({ kind: 'result', status: 'pending', eventDate: '2026-10-12', publishedOn: null, withdrawRequestedOn: null, withdrawnOn: null, ...f });
  it('counts on time, late, overdue and waiting, and the on-time rate over what fell due', () => {
    const facts = [
      fact({ status: 'published', publishedOn: '2026-10-20' }), // on time (due 11-09)
      fact({ status: 'published', publishedOn: '2026-11-11' }), // late by 2
      fact({ status: 'pending' }), // overdue
      fact({ status: 'pending', eventDate: '2026-11-25' }), // waiting
      fact({ status: 'suppressed' }),
    ];
    const r = publicationRecord(cal, facts, '2026-11-20', P);
    expect(r).toMatchObject({ total: 5, published: 2, publishedOnTime: 1, publishedLate: 1, overdue: 1, waiting: 1, suppressed: 1, onTimeRate: 33.3 });
    expect(timingLabel(publicationTiming(cal, facts[1]!, '2026-11-20', P))).toBe('逾期 2 个工作日后公示');
    expect(timingLabel(publicationTiming(cal, facts[2]!, '2026-11-20', P))).toBe('已逾期 9 个工作日');
  });
  it('times a withdrawal against its own 3 working days', () => {
    const t = publicationTiming(cal, fact({ kind: 'penalty', status: 'withdrawal_pending', publishedOn: '2026-11-03', withdrawRequestedOn: '2026-11-05' }), '2026-11-11', P);
    expect(t).toEqual({ kind: 'overdue', due: '2026-11-10', days: 1 });
  });
});

describe('the unit’s code', () => {
  it('opens the page for 180 days from the document’s date, never a voided one', () => {
    expect(codeValidity({ status: 'issued', issueDate: '2026-11-01' }, '2027-04-30')).toEqual({ ok: true, until: '2027-04-30' });
    expect(codeValidity({ status: 'issued', issueDate: '2026-11-01' }, '2027-05-01')).toEqual({ ok: false, refusal: 'expired' });
    expect(codeValidity({ status: 'voided', issueDate: '2026-11-01' }, '2026-11-02')).toEqual({ ok: false, refusal: 'voided' });
  });
});

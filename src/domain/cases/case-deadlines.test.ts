import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../calendar/working-days.ts';
import { caseDeadlines, lateDecisionProblem } from './case-deadlines.ts';

// 2026 with one holiday, weekends otherwise; 2027 unknown.
const calendar = buildHolidayCalendar([{ date: '2026-10-01', kind: 'holiday', name: '国庆节' }], [2026]);

describe('caseDeadlines', () => {
  it('counts the decision from the opening while the case is open', () => {
    const { decision, payment } = caseDeadlines(calendar, '2026-08-03', { status: 'open', openedOn: '2026-07-01', decidedOn: null, paymentStatus: 'not_applicable', servedOn: null });
    // 2026-07-01 + 90 days = 2026-09-29 (a Tuesday).
    expect(decision).toMatchObject({ due: '2026-09-29', state: 'remaining' });
    expect(decision!.label).toMatch(/^还剩 \d+ 个工作日$/);
    expect(payment).toBeNull();
  });

  it('counts the payment from the service, else from the decision, while a fine is unpaid', () => {
    const facts = { status: 'decided' as const, openedOn: '2026-07-01', decidedOn: '2026-08-03', paymentStatus: 'unpaid' as const, servedOn: null };
    // 2026-08-03 + 15 = 2026-08-18 (a Tuesday).
    expect(caseDeadlines(calendar, '2026-08-18', facts).payment).toMatchObject({ due: '2026-08-18', state: 'due_today', label: '今日到期' });
    expect(caseDeadlines(calendar, '2026-08-20', { ...facts, servedOn: '2026-08-05' }).payment).toMatchObject({ due: '2026-08-20' });
    expect(caseDeadlines(calendar, '2026-08-20', facts).payment).toMatchObject({ state: 'overdue', label: '已逾期 2 个工作日' });
    expect(caseDeadlines(calendar, '2026-08-20', { ...facts, paymentStatus: 'paid' }).payment).toBeNull();
  });

  it('does not guess a deadline in a year without calendar data', () => {
    const { decision } = caseDeadlines(calendar, '2026-12-07', { status: 'open', openedOn: '2026-12-07', decidedOn: null, paymentStatus: 'not_applicable', servedOn: null });
    expect(decision).toEqual({ due: null, state: 'unknown', workingDays: null, label: '2027 年节假日安排未录入，期限暂不能计算' });
  });
});

describe('lateDecisionProblem', () => {
  it('lets a decision within 90 days through without the calendar, and refuses a later one', () => {
    expect(lateDecisionProblem(calendar, '2026-12-01', '2027-02-28')).toBeNull();
    expect(lateDecisionProblem(calendar, '2026-07-01', '2026-09-29')).toBeNull();
    expect(lateDecisionProblem(calendar, '2026-07-01', '2026-09-30')).toBe('决定日期：已超过立案之日起 90 日的办案期限（期限至 2026-09-29），不能作出处罚决定；确需延长的，应经负责人批准后依法办理');
  });
});

import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../calendar/working-days.ts';
import { documentDeadline } from './document-deadline.ts';

const calendar = buildHolidayCalendar([], [2026]);
const notice = { type: 'deadline_notice' as const, voided: false, inspectedOn: '2026-12-02', issueDate: '2026-12-02', firstServedOn: null };

describe('documentDeadline', () => {
  it('counts the 3 working days to serve a notice from the inspection', () => {
    expect(documentDeadline(calendar, '2026-12-03', notice)).toEqual({ serviceDue: '2026-12-07', label: '待送达：还剩 2 个工作日', overdue: false, servedLate: false });
    expect(documentDeadline(calendar, '2026-12-08', notice)).toMatchObject({ label: '待送达：已逾期 1 个工作日', overdue: true });
  });

  it('says served (late when after the due day), voided, or cannot compute', () => {
    expect(documentDeadline(calendar, '2026-12-08', { ...notice, firstServedOn: '2026-12-04' }).label).toBe('已送达');
    expect(documentDeadline(calendar, '2026-12-09', { ...notice, firstServedOn: '2026-12-08' })).toMatchObject({ label: '已送达（超过送达期限）', servedLate: true });
    expect(documentDeadline(calendar, '2026-12-08', { ...notice, voided: true }).label).toBe('已作废');
    expect(documentDeadline(calendar, '2026-12-31', { ...notice, inspectedOn: '2026-12-30' })).toMatchObject({ serviceDue: null, label: '待送达：无法计算：2027 年节假日安排尚未录入' });
  });

  it('gives a 行政处罚决定书 7 working days from the decision, and other documents no service deadline', () => {
    const decision = { type: 'penalty_decision' as const, voided: false, inspectedOn: null, issueDate: '2026-12-01', firstServedOn: null };
    expect(documentDeadline(calendar, '2026-12-03', decision)).toEqual({ serviceDue: '2026-12-10', label: '待送达：还剩 5 个工作日', overdue: false, servedLate: false });
    expect(documentDeadline(calendar, '2026-12-03', { ...decision, type: 'reinspection_opinion' })).toEqual({ serviceDue: null, label: '待送达', overdue: false, servedLate: false });
  });
});

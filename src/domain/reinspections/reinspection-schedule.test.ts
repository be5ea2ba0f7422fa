import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../calendar/working-days.ts';
import { noticeRows2026 } from '../calendar/notice-2026.ts';
import { reinspectionDecision, reinspectionsDue, type NoticeDeadline } from './reinspection-schedule.ts';

const calendar = buildHolidayCalendar(noticeRows2026(), [2026]);
const notice = (correctionDue: string, extra: Partial<NoticeDeadline> = {}): NoticeDeadline => ({
  noticeId: 'n1',
  correctionDue,
  requestedOn: null,
  hasTask: false,
  ...extra,
});

describe('reinspectionDecision', () => {
  it('waits while more than two working days remain', () => {
    // Friday 2026-11-20: from Monday 11-16 there are 11-17 … 11-20 left (4 working days).
    expect(reinspectionDecision(calendar, '2026-11-16', notice('2026-11-20'))).toBeNull();
    expect(reinspectionDecision(calendar, '2026-11-17', notice('2026-11-20'))).toBeNull();
  });

  it('creates the task two working days before the deadline, due three working days after it', () => {
    expect(reinspectionDecision(calendar, '2026-11-18', notice('2026-11-20'))).toEqual({ noticeId: 'n1', dueDate: '2026-11-25', reason: 'deadline_near' });
  });

  it('counts across 国庆 2026: the holiday week is not counted, the make-up Saturday is', () => {
    // Deadline Friday 2026-10-09. On Tuesday 09-29 three working days remain (09-30, 10-08, 10-09): not yet.
    expect(reinspectionDecision(calendar, '2026-09-29', notice('2026-10-09'))).toBeNull();
    // On Wednesday 09-30, and on any day of the holiday, two remain.
    expect(reinspectionDecision(calendar, '2026-09-30', notice('2026-10-09'))).toMatchObject({ reason: 'deadline_near' });
    // Due: Saturday 10-10 (调休上班), Monday 10-12, Tuesday 10-13.
    expect(reinspectionDecision(calendar, '2026-10-03', notice('2026-10-09'))).toEqual({ noticeId: 'n1', dueDate: '2026-10-13', reason: 'deadline_near' });
  });

  it('creates it on the deadline and after it', () => {
    expect(reinspectionDecision(calendar, '2026-11-20', notice('2026-11-20'))).toMatchObject({ reason: 'due_today', dueDate: '2026-11-25' });
    // A deadline on a holiday counts as its next working day: on Saturday 11-21 a Friday deadline is past.
    expect(reinspectionDecision(calendar, '2026-11-24', notice('2026-11-20'))).toMatchObject({ reason: 'overdue', dueDate: '2026-11-25' });
  });

  it('creates it at once for an early request, due three working days after the request', () => {
    // Requested Monday 2026-09-28; deadline far away. Due: 09-29, 09-30, then 10-08 after 国庆.
    expect(reinspectionDecision(calendar, '2026-09-29', notice('2026-10-30', { requestedOn: '2026-09-28' }))).toEqual({
      noticeId: 'n1',
      dueDate: '2026-10-08',
      reason: 'early_request',
    });
  });

  it('ignores a request dated after today, and makes nothing when a task already follows the notice', () => {
    expect(reinspectionDecision(calendar, '2026-11-02', notice('2026-11-30', { requestedOn: '2026-11-05' }))).toBeNull();
    expect(reinspectionDecision(calendar, '2026-11-30', notice('2026-11-20', { hasTask: true }))).toBeNull();
  });
});

describe('reinspectionsDue', () => {
  it('skips a notice whose due date needs 2027 (no calendar yet) with a Chinese message, and goes on', () => {
    const result = reinspectionsDue(calendar, '2026-12-28', [notice('2026-12-30', { noticeId: 'late' }), notice('2026-12-29', { noticeId: 'early', hasTask: false })]);
    // 12-29 + 3 working days = 12-30, 12-31, then 2027 (unknown): both need 2027.
    expect(result.create).toEqual([]);
    expect(result.skipped).toEqual([
      { noticeId: 'late', message: expect.stringContaining('2027 年的节假日安排尚未录入') },
      { noticeId: 'early', message: expect.stringContaining('2027 年') },
    ]);
    const mixed = reinspectionsDue(calendar, '2026-12-10', [notice('2026-12-11', { noticeId: 'ok' }), notice('2026-12-31', { noticeId: 'far' })]);
    expect(mixed).toEqual({ create: [{ noticeId: 'ok', dueDate: '2026-12-16', reason: 'deadline_near' }], skipped: [] });
  });
});

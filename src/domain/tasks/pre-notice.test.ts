import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../calendar/working-days.ts';
import { noticeRows2026 } from '../calendar/notice-2026.ts';
import { checkVisitSchedule } from './pre-notice.ts';

const calendar = buildHolidayCalendar(noticeRows2026(), [2026]);
const schedule = (today: string, visitDate: string, lateReason = '', dueDate = '2026-12-31') =>
  checkVisitSchedule(calendar, { today, visitDate, dueDate, lateReason });

describe('checkVisitSchedule', () => {
  it('is on time when the unit is told on the last working day before the visit', () => {
    // Visit on Friday 2026-12-11: told on Thursday 12-10.
    expect(schedule('2026-12-10', '2026-12-11')).toEqual({ ok: true, late: false, noticeDeadline: '2026-12-10' });
  });

  it('counts a weekend between the notice and the visit: told on Friday for Monday is on time', () => {
    expect(schedule('2026-12-04', '2026-12-07')).toMatchObject({ ok: true, late: false, noticeDeadline: '2026-12-04' });
  });

  it('is late when told on the weekend before a Monday visit, and then needs a reason', () => {
    expect(schedule('2026-12-05', '2026-12-07')).toMatchObject({ ok: false, field: 'lateReason', message: expect.stringContaining('2026-12-04') });
    expect(schedule('2026-12-05', '2026-12-07', '单位负责人当日方可到场')).toEqual({ ok: true, late: true, noticeDeadline: '2026-12-04' });
  });

  it('follows the holiday arrangement: a make-up Saturday counts, a holiday week does not', () => {
    // Monday 2026-10-12: Saturday 10-10 is a 调休上班日.
    expect(schedule('2026-10-10', '2026-10-12')).toMatchObject({ ok: true, late: false, noticeDeadline: '2026-10-10' });
    // Thursday 2026-10-08 after 国庆: the last working day before is Wednesday 09-30.
    expect(schedule('2026-09-30', '2026-10-08')).toMatchObject({ ok: true, late: false, noticeDeadline: '2026-09-30' });
    expect(schedule('2026-10-02', '2026-10-08')).toMatchObject({ ok: false, field: 'lateReason' });
  });

  it('treats a visit on the same day as late', () => {
    expect(schedule('2026-12-07', '2026-12-07', '')).toMatchObject({ ok: false, field: 'lateReason' });
  });

  it('keeps the visit between today and the due date', () => {
    expect(schedule('2026-12-07', '2026-12-04')).toMatchObject({ ok: false, field: 'visitDate', message: expect.stringContaining('不能早于今天') });
    expect(schedule('2026-12-07', '2026-12-20', '', '2026-12-18')).toMatchObject({ ok: false, field: 'visitDate', message: expect.stringContaining('2026-12-18') });
  });

  it('refuses to guess for a year without calendar data', () => {
    expect(() => schedule('2026-12-30', '2027-01-04', '', '2027-01-31')).toThrow(/2027 年的节假日安排尚未录入/);
  });

  it('never calls a reason-less notice on time when it is after the deadline (every day of December)', () => {
    for (let d = 1; d <= 31; d++) {
      const visit = `2026-12-${String(d).padStart(2, '0')}`;
      for (let t = 1; t <= d; t++) {
        const today = `2026-12-${String(t).padStart(2, '0')}`;
        const result = schedule(today, visit);
        if (result.ok) expect(today <= result.noticeDeadline && result.noticeDeadline < visit).toBe(true);
      }
    }
  });
});

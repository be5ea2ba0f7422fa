import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noticeRows2026 } from '../calendar/notice-2026.ts';
import { addCalendarDays, addWorkingDays, buildHolidayCalendar, CalendarYearMissingError, isWorkingDay } from '../calendar/working-days.ts';
import {
  correctionDue,
  deadlineLabel,
  deadlineNoticeServiceDue,
  deadlineState,
  emergencySealingDecisionDue,
  finePaymentDue,
  hearingRequestDue,
  isDueSoon,
  penaltyDecisionDue,
  penaltyServiceDue,
  reinspectionDue,
  rollCalendarPeriod,
  sealingDecisionDue,
  sealingEnds,
  workingDaysBetween,
} from './deadlines.ts';

const calendar = buildHolidayCalendar(noticeRows2026(), [2026]);

/** A day of 2026 from `from` to `to` (inclusive). */
const day2026 = (from = '2026-01-01', to = '2026-12-31') => {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return fc.integer({ min: 0, max: span }).map((i) => addCalendarDays(from, i));
};

/** Every day in [from, to), as ISO dates. */
function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d < to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

describe('the working-day deadlines (properties over 2026)', () => {
  it('deadlineNoticeServiceDue is the third working day after the inspection, never sooner', () => {
    fc.assert(
      fc.property(day2026('2026-01-01', '2026-12-19'), (d) => {
        const due = deadlineNoticeServiceDue(calendar, d);
        expect(due > d).toBe(true);
        expect(isWorkingDay(calendar, due)).toBe(true);
        expect(workingDaysBetween(calendar, d, due)).toBe(3);
        // The third: the day before it is only two working days away.
        expect(workingDaysBetween(calendar, d, addCalendarDays(due, -1))).toBe(2);
        expect(sealingDecisionDue(calendar, d)).toBe(due);
      }),
      { numRuns: 400 },
    );
  });

  it('the 5- and 7-working-day periods (hearing request, penalty service) count exactly that many working days', () => {
    fc.assert(
      fc.property(day2026('2026-01-01', '2026-12-10'), (d) => {
        for (const [due, n] of [
          [hearingRequestDue(calendar, d), 5],
          [penaltyServiceDue(calendar, d), 7],
        ] as const) {
          expect(isWorkingDay(calendar, due)).toBe(true);
          expect(workingDaysBetween(calendar, d, due)).toBe(n);
          expect(workingDaysBetween(calendar, d, addCalendarDays(due, -1))).toBe(n - 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('correctionDue by working days: exactly n working days after the notice, on a working day', () => {
    fc.assert(
      fc.property(day2026('2026-01-01', '2026-10-31'), fc.integer({ min: 1, max: 30 }), (d, n) => {
        const due = correctionDue(calendar, d, { workingDays: n });
        expect(isWorkingDay(calendar, due)).toBe(true);
        expect(workingDaysBetween(calendar, d, due)).toBe(n);
      }),
      { numRuns: 400 },
    );
  });

  it('correctionDue by a chosen date: that date, or the first working day after it when it is a holiday', () => {
    fc.assert(
      fc.property(day2026('2026-01-01', '2026-11-30'), fc.integer({ min: 1, max: 30 }), (d, k) => {
        const chosen = addCalendarDays(d, k);
        const due = correctionDue(calendar, d, { date: chosen });
        expect(due >= chosen).toBe(true);
        expect(isWorkingDay(calendar, due)).toBe(true);
        for (const between of daysFrom(chosen, due)) expect(isWorkingDay(calendar, between)).toBe(false);
        expect(() => correctionDue(calendar, d, { date: d })).toThrow(RangeError);
        expect(() => correctionDue(calendar, d, { date: addCalendarDays(d, -k) })).toThrow(RangeError);
      }),
      { numRuns: 300 },
    );
  });

  it('rollCalendarPeriod: a working day on or after start + days, with no working day skipped on the way', () => {
    fc.assert(
      fc.property(day2026('2026-01-01', '2026-10-31'), fc.integer({ min: 1, max: 60 }), (d, days) => {
        const end = addCalendarDays(d, days);
        const due = rollCalendarPeriod(calendar, d, days);
        expect(due >= end).toBe(true);
        expect(isWorkingDay(calendar, due)).toBe(true);
        for (const between of daysFrom(end, due)) expect(isWorkingDay(calendar, between)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('reinspectionDue counts 3 working days from the earlier of the deadline and an early application', () => {
    fc.assert(
      fc.property(day2026('2026-01-15', '2026-12-15'), fc.integer({ min: 0, max: 10 }), fc.boolean(), (deadline, k, early) => {
        const applied = early ? addCalendarDays(deadline, -k) : addCalendarDays(deadline, k);
        const due = reinspectionDue(calendar, deadline, applied);
        const start = applied < deadline ? applied : deadline;
        expect(workingDaysBetween(calendar, start, due)).toBe(3);
        expect(isWorkingDay(calendar, due)).toBe(true);
        expect(due <= reinspectionDue(calendar, deadline)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never guesses into 2027: a deadline is a 2026 date or CalendarYearMissingError', () => {
    const fns: ((d: string) => string)[] = [
      (d) => deadlineNoticeServiceDue(calendar, d),
      (d) => correctionDue(calendar, d, { workingDays: 10 }),
      (d) => reinspectionDue(calendar, d),
      (d) => sealingEnds(calendar, d),
      (d) => sealingEnds(calendar, d, true),
      (d) => penaltyDecisionDue(calendar, d),
      (d) => penaltyServiceDue(calendar, d),
      (d) => hearingRequestDue(calendar, d),
      (d) => finePaymentDue(calendar, d),
    ];
    fc.assert(
      fc.property(day2026(), fc.integer({ min: 0, max: fns.length - 1 }), (d, i) => {
        const outcome = (() => {
          try {
            return fns[i]!(d);
          } catch (error) {
            return error;
          }
        })();
        if (typeof outcome === 'string') expect(outcome.startsWith('2026-')).toBe(true);
        else {
          expect(outcome).toBeInstanceOf(CalendarYearMissingError);
          expect((outcome as CalendarYearMissingError).year).toBe(2027);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('deadlineState (properties over 2026)', () => {
  it('remaining N ⇔ N working days in (today, due]; overdue N ⇔ N working days in (due, today]', () => {
    fc.assert(
      fc.property(day2026(), day2026(), (today, dueDay) => {
        const due = addWorkingDays(calendar, dueDay, 0);
        const state = deadlineState(calendar, today, due);
        if (today < due) expect(state).toEqual({ kind: 'remaining', workingDays: workingDaysBetween(calendar, today, due) });
        else if (today === due) expect(state).toEqual({ kind: 'due_today', workingDays: 0 });
        else expect(state).toEqual({ kind: 'overdue', workingDays: workingDaysBetween(calendar, due, today) });
      }),
      { numRuns: 500 },
    );
  });

  it('is symmetric: today t against due u is remaining N exactly when today u against due t is overdue N', () => {
    fc.assert(
      fc.property(day2026('2026-01-05', '2026-12-31'), day2026('2026-01-05', '2026-12-31'), (a, b) => {
        const [t, u] = [addWorkingDays(calendar, a, 0), addWorkingDays(calendar, b, 0)];
        const forward = deadlineState(calendar, t, u);
        const back = deadlineState(calendar, u, t);
        if (forward.kind === 'remaining') expect(back).toEqual({ kind: 'overdue', workingDays: forward.workingDays });
        if (forward.kind === 'due_today') expect(back.kind).toBe('due_today');
      }),
      { numRuns: 400 },
    );
  });

  it('round trip: a due date n working days ahead is 「还剩 n 个工作日」, and n working days later it is 「已逾期 n 个工作日」', () => {
    fc.assert(
      fc.property(day2026('2026-01-01', '2026-10-31'), fc.integer({ min: 1, max: 20 }), (today, n) => {
        const due = addWorkingDays(calendar, today, n);
        expect(deadlineState(calendar, today, due)).toEqual({ kind: 'remaining', workingDays: n });
        const later = addWorkingDays(calendar, due, n);
        expect(deadlineState(calendar, later, due)).toEqual({ kind: 'overdue', workingDays: n });
        expect(isDueSoon(deadlineState(calendar, today, due))).toBe(n <= 2);
      }),
      { numRuns: 400 },
    );
  });

  it('counts a due date on a holiday as its next working day', () => {
    // Due on Saturday 10-03 (国庆): it is the first day back, Thursday 10-08, that counts.
    expect(deadlineState(calendar, '2026-09-30', '2026-10-03')).toEqual({ kind: 'remaining', workingDays: 1 });
    expect(deadlineState(calendar, '2026-10-05', '2026-10-03')).toEqual({ kind: 'remaining', workingDays: 1 });
    expect(deadlineState(calendar, '2026-10-08', '2026-10-03')).toEqual({ kind: 'due_today', workingDays: 0 });
    expect(deadlineState(calendar, '2026-10-09', '2026-10-03')).toEqual({ kind: 'overdue', workingDays: 1 });
  });

  it('a deadline that passed before a holiday is overdue during the holiday, not due today', () => {
    expect(deadlineState(calendar, '2026-10-01', '2026-09-30')).toEqual({ kind: 'overdue', workingDays: 0 });
    expect(deadlineLabel(deadlineState(calendar, '2026-10-01', '2026-09-30'))).toBe('已逾期');
    expect(deadlineState(calendar, '2026-10-08', '2026-09-30')).toEqual({ kind: 'overdue', workingDays: 1 });
  });

  it('labels the three states in Chinese', () => {
    expect(deadlineLabel({ kind: 'remaining', workingDays: 3 })).toBe('还剩 3 个工作日');
    expect(deadlineLabel({ kind: 'due_today', workingDays: 0 })).toBe('今日到期');
    expect(deadlineLabel({ kind: 'overdue', workingDays: 2 })).toBe('已逾期 2 个工作日');
    expect(isDueSoon({ kind: 'overdue', workingDays: 1 })).toBe(false);
    expect(isDueSoon({ kind: 'due_today', workingDays: 0 })).toBe(true);
  });
});

describe('deadlines across 国庆 2026 and other fixed cases', () => {
  it.each([
    ['2026-09-30', '2026-10-10', 'Wed 09-30 → Thu 10-08, Fri 10-09, Sat 10-10 (a make-up day)'],
    ['2026-09-28', '2026-10-08', 'Mon 09-28 → 09-29, 09-30, then the first day back'],
    ['2026-09-24', '2026-09-30', '中秋 09-25 to 09-27 is skipped'],
    ['2026-02-13', '2026-02-25', 'Fri 02-13 → Sat 02-14 (make-up), then 春节 to 02-23'],
  ])('a deadline notice after an inspection on %s is served by %s (%s)', (inspected, due) => {
    expect(deadlineNoticeServiceDue(calendar, inspected)).toBe(due);
  });

  it('复查 is due 3 working days after the deadline, or after an earlier application', () => {
    expect(reinspectionDue(calendar, '2026-10-10')).toBe('2026-10-14');
    expect(reinspectionDue(calendar, '2026-10-20', '2026-10-12')).toBe('2026-10-15');
    expect(reinspectionDue(calendar, '2026-10-20', '2026-10-23')).toBe('2026-10-23');
  });

  it('hearing requests, penalty service and fine payment', () => {
    expect(hearingRequestDue(calendar, '2026-09-29')).toBe('2026-10-12');
    expect(penaltyServiceDue(calendar, '2026-09-24')).toBe('2026-10-12');
    expect(finePaymentDue(calendar, '2026-09-16')).toBe('2026-10-08');
    expect(finePaymentDue(calendar, '2026-03-02')).toBe('2026-03-17');
  });

  it('a sealing ends 30 days on (60 when extended), rolled to a working day', () => {
    expect(sealingEnds(calendar, '2026-09-01')).toBe('2026-10-08');
    expect(sealingEnds(calendar, '2026-09-01', true)).toBe('2026-11-02');
    expect(sealingEnds(calendar, '2026-03-10')).toBe('2026-04-09');
    expect(emergencySealingDecisionDue(new Date('2026-10-09T15:30:00+08:00')).toISOString()).toBe('2026-10-10T07:30:00.000Z');
  });

  it('a penalty is decided within 90 days of the case', () => {
    expect(penaltyDecisionDue(calendar, '2026-07-05')).toBe('2026-10-08');
  });

  it('a correction date on a holiday moves to the first day back; bad periods are refused', () => {
    expect(correctionDue(calendar, '2026-09-20', { date: '2026-10-03' })).toBe('2026-10-08');
    expect(correctionDue(calendar, '2026-09-30', { workingDays: 1 })).toBe('2026-10-08');
    expect(() => correctionDue(calendar, '2026-09-30', { workingDays: 0 })).toThrow(RangeError);
    expect(() => correctionDue(calendar, '2026-09-30', { workingDays: 1.5 })).toThrow(RangeError);
    expect(() => correctionDue(calendar, '2026-09-30', { date: '2026-9-30' })).toThrow();
  });

  it('refuses deadlines that need 2027 (its arrangement is not entered), with a Chinese message', () => {
    expect(() => deadlineNoticeServiceDue(calendar, '2026-12-30')).toThrow(CalendarYearMissingError);
    expect(() => penaltyDecisionDue(calendar, '2026-11-01')).toThrow(CalendarYearMissingError);
    expect(() => finePaymentDue(calendar, '2026-12-20')).toThrow('2027 年的节假日安排尚未录入');
    expect(() => deadlineState(calendar, '2027-01-04', '2026-12-31')).toThrow(CalendarYearMissingError);
  });
});

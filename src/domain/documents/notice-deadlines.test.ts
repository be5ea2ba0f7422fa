import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../calendar/working-days.ts';
import { DomainError } from '../errors.ts';
import { noticeCorrectionDues } from './notice-deadlines.ts';

const calendar = buildHolidayCalendar([], [2026]);
const hazards = [
  { id: 'h1', seq: 1 },
  { id: 'h2', seq: 2 },
];

describe('noticeCorrectionDues', () => {
  it('sets each hazard’s date from working days or a chosen date (rolled to a working day)', () => {
    // 2026-12-04 is a Friday: 5 working days → Friday 2026-12-11; Saturday 12-12 rolls to Monday 12-14.
    const dues = noticeCorrectionDues(calendar, 'deadline_notice', '2026-12-04', hazards, [
      { hazardId: 'h1', workingDays: 5 },
      { hazardId: 'h2', date: '2026-12-12' },
    ]);
    expect([...dues]).toEqual([
      ['h1', '2026-12-11'],
      ['h2', '2026-12-14'],
    ]);
  });

  it('orders an immediate correction on the notice’s own date', () => {
    expect([...noticeCorrectionDues(calendar, 'immediate_notice', '2026-12-04', hazards, [])]).toEqual([
      ['h1', '2026-12-04'],
      ['h2', '2026-12-04'],
    ]);
  });

  it('refuses a missing period, a date not after the notice, and a year without holiday data (Chinese, 400)', () => {
    const refuse = (f: () => unknown, message: RegExp) => {
      try {
        f();
        throw new Error('not refused');
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).code).toBe('VALIDATION_FAILED');
        expect((e as DomainError).message).toMatch(message);
      }
    };
    refuse(() => noticeCorrectionDues(calendar, 'deadline_notice', '2026-12-04', hazards, [{ hazardId: 'h1', workingDays: 5 }]), /隐患 2 设定改正期限/);
    refuse(() => noticeCorrectionDues(calendar, 'deadline_notice', '2026-12-04', hazards, [{ hazardId: 'h1', date: '2026-12-04' }, { hazardId: 'h2', workingDays: 3 }]), /应晚于成文日期/);
    refuse(() => noticeCorrectionDues(calendar, 'deadline_notice', '2026-12-28', hazards, [{ hazardId: 'h1', workingDays: 10 }, { hazardId: 'h2', workingDays: 3 }]), /2027 年的节假日安排尚未录入/);
    refuse(() => noticeCorrectionDues(calendar, 'deadline_notice', '2026-12-04', hazards, [{ hazardId: 'hx', workingDays: 5 }]), /不在本通知书/);
  });

  it('keeps a hazard’s date when correcting a notice without a new period', () => {
    const dues = noticeCorrectionDues(calendar, 'deadline_notice', '2026-12-07', [{ id: 'h1', seq: 1, correctionDue: '2026-12-11' }], [], true);
    expect(dues.get('h1')).toBe('2026-12-11');
  });
});

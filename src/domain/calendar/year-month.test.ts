import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertYearMonth, firstDayOfMonth, formatYearMonth, lastDayOfMonth, nextYearMonth, parseYearMonth, yearMonthOf } from './year-month.ts';

describe('year-month', () => {
  it('gives the last day of a month, leap Februaries included', () => {
    expect(lastDayOfMonth({ year: 2026, month: 2 })).toBe('2026-02-28');
    expect(lastDayOfMonth({ year: 2028, month: 2 })).toBe('2028-02-29');
    expect(lastDayOfMonth({ year: 2026, month: 12 })).toBe('2026-12-31');
    expect(lastDayOfMonth({ year: 2026, month: 4 })).toBe('2026-04-30');
  });

  it('reads YYYY-MM and nothing else', () => {
    expect(parseYearMonth('2026-03')).toEqual({ year: 2026, month: 3 });
    expect(parseYearMonth('2026-12')).toEqual({ year: 2026, month: 12 });
    for (const text of ['2026-13', '2026-00', '2026-1', '26-01', '2026-03-01', ' 2026-03', ''])
      expect(parseYearMonth(text)).toBeNull();
  });

  it('treats a bad month from code as a bug', () => {
    expect(() => assertYearMonth('2026-13')).toThrow(new RangeError('month must be YYYY-MM, got "2026-13"'));
    expect(() => formatYearMonth({ year: 2026, month: 13 })).toThrow(RangeError);
    expect(() => formatYearMonth({ year: 2026, month: 1.5 })).toThrow(RangeError);
  });

  it('writes a month back as the text it was read from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        expect(parseYearMonth(formatYearMonth({ year, month }))).toEqual({ year, month });
      }),
    );
  });

  it('gives the first day of a month and the month of a day', () => {
    expect(firstDayOfMonth({ year: 2026, month: 3 })).toBe('2026-03-01');
    expect(yearMonthOf('2026-03-31')).toEqual({ year: 2026, month: 3 });
    expect(() => yearMonthOf('2026-02-30')).toThrow(RangeError);
  });

  it('rolls December over to January of the next year', () => {
    expect(nextYearMonth({ year: 2026, month: 11 })).toEqual({ year: 2026, month: 12 });
    expect(nextYearMonth({ year: 2026, month: 12 })).toEqual({ year: 2027, month: 1 });
  });
});

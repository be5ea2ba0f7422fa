import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth } from './months.ts';

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('addMonths', () => {
  it.each([
    ['2026-08-31', 6, '2027-02-28', 'clamped to the end of a short February'],
    ['2027-08-31', 6, '2028-02-29', 'clamped to a leap-year February'],
    ['2026-03-15', 6, '2026-09-15', 'the same day six months later'],
    ['2026-01-31', 1, '2026-02-28', 'one month after January 31'],
    ['2026-03-31', -1, '2026-02-28', 'one month before March 31'],
    ['2026-01-15', 12, '2027-01-15', 'a year'],
    ['2026-01-15', -13, '2024-12-15', 'back across two year ends'],
    ['2026-10-31', 0, '2026-10-31', 'zero months'],
    ['2026-07-31', 2, '2026-09-30', 'into a 30-day month'],
  ])('%s + %i months = %s (%s)', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('rejects a malformed date or a fractional n', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-2-3', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-02-03', 1.5)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
  });

  it('lands in the target month, on the same day or that month’s last day', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -36, max: 36 }), (date, n) => {
        const result = addMonths(date, n);
        const months =
          Number(result.slice(0, 4)) * 12 +
          Number(result.slice(5, 7)) -
          (Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)));
        expect(months).toBe(n);
        const day = Number(date.slice(8, 10));
        const last = daysInMonth(Number(result.slice(0, 4)), Number(result.slice(5, 7)));
        expect(Number(result.slice(8, 10))).toBe(Math.min(day, last));
      }),
    );
  });

  it('keeps the order of dates (so "last inspection + N months" is monotone)', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: 0, max: 12 }), (a, b, n) => {
        const [x, y] = a <= b ? [a, b] : [b, a];
        expect(addMonths(x, n) <= addMonths(y, n)).toBe(true);
      }),
    );
  });
});

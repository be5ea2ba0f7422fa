import { describe, expect, it } from 'vitest';
import { assertIsoDate, isIsoDate, isWithinPeriod } from './dates.ts';

describe('calendar date strings', () => {
  it('accepts real YYYY-MM-DD dates, leap days included', () => {
    expect(isIsoDate('2026-03-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('rejects impossible dates and other spellings', () => {
    for (const s of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-3-1', '2026/03/01', '']) {
      expect(isIsoDate(s)).toBe(false);
    }
    expect(() => assertIsoDate('2026-02-30', 'on')).toThrow('on must be a YYYY-MM-DD date');
  });

  it('treats periods as inclusive and null bounds as open', () => {
    expect(isWithinPeriod('2026-03-01', '2026-03-01', '2026-03-01')).toBe(true);
    expect(isWithinPeriod('2026-03-02', '2026-03-01', '2026-03-01')).toBe(false);
    expect(isWithinPeriod('1900-01-01', null, '2026-03-01')).toBe(true);
    expect(isWithinPeriod('2999-01-01', '2026-03-01', null)).toBe(true);
  });
});

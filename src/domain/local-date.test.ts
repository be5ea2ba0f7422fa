import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLocalTime, localDate, localDateTimeText, localTimeText, startOfLocalDay, startOfNextLocalDay } from './local-date.ts';

const day = fc.date({ min: new Date('1900-01-02T00:00:00Z'), max: new Date('2099-12-30T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('China Standard Time', () => {
  it('turns the date at 16:00 UTC, not at midnight UTC', () => {
    expect(localDate(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(localDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(localDate(new Date('2026-06-01T00:00:00Z'))).toBe('2026-06-01');
  });

  it('starts a China day at 16:00 UTC of the day before, and ends it a day later', () => {
    expect(startOfLocalDay('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(startOfNextLocalDay('2026-02-28').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(startOfLocalDay('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('places a day’s start inside that day and the moment before it in the day before', () => {
    fc.assert(
      fc.property(day, (d) => {
        const start = startOfLocalDay(d);
        expect(localDate(start)).toBe(d);
        expect(localDate(new Date(start.getTime() - 1))).toBe(localDate(new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000)));
        expect(localDate(new Date(startOfNextLocalDay(d).getTime() - 1))).toBe(d);
      }),
    );
  });

  it('reads a time of day on a China date as that moment in China', () => {
    expect(atLocalTime('2026-11-30', '09:00').toISOString()).toBe('2026-11-30T01:00:00.000Z');
    expect(atLocalTime('2026-11-30', '00:30').toISOString()).toBe('2026-11-29T16:30:00.000Z');
  });

  it('prints date and time in China time, whatever the machine’s zone', () => {
    expect(localDateTimeText(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00');
    expect(localDateTimeText(new Date('2026-11-22T00:30:59Z'))).toBe('2026-11-22 08:30');
    expect(localTimeText(new Date('2026-12-05T09:45:02Z'))).toBe('17:45:02');
  });
});

import { describe, expect, it } from 'vitest';
import { formatDateTime, formatInChinaTime } from './format.ts';

describe('times on the page', () => {
  it('are China Standard Time whatever the browser’s zone', () => {
    expect(formatDateTime('2026-12-05T09:45:02.123Z')).toBe('2026-12-05 17:45:02');
    expect(formatInChinaTime(new Date('2026-12-05T09:45:02Z'))).toBe('2026-12-05 17:45:02');
  });

  it('turn the date at 16:00 UTC, with midnight written 00, not 24', () => {
    expect(formatDateTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00:00');
    expect(formatDateTime('2026-12-31T15:59:59Z')).toBe('2026-12-31 23:59:59');
    expect(formatDateTime('2026-06-01T00:00:00+08:00')).toBe('2026-06-01 00:00:00');
  });

  it('show an em dash for a missing value and an unreadable one as it came', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});

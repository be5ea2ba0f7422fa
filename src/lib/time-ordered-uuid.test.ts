import { describe, expect, it } from 'vitest';
import { createTimeOrderedUuids } from './time-ordered-uuid.ts';

describe('createTimeOrderedUuids', () => {
  it('makes version 7 UUIDs with the RFC 9562 variant, carrying the time', () => {
    const next = createTimeOrderedUuids(() => Date.UTC(2026, 11, 6, 12, 0, 0));
    const id = next();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 11, 6, 12, 0, 0));
  });

  it('sorts in the order it makes them, many in one millisecond and when the clock stands still or goes back', () => {
    const clock = 1_700_000_000_000;
    const times = [0, 0, 0, -5, 1, 1, -100, 2];
    let call = 0;
    const next = createTimeOrderedUuids(() => clock + (times[call++ % times.length] as number));
    const ids = Array.from({ length: 20_000 }, next);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

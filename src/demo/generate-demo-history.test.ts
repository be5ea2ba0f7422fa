import { describe, expect, it } from 'vitest';
import { generateDemoHistory, type DemoHistoryUnit } from './generate-demo-history.ts';

const units: DemoHistoryUnit[] = Array.from({ length: 2000 }, (_, index) => ({
  index,
  category: index % 10 === 0 ? 'key' : 'general',
  isCrowded: index % 20 === 0,
  status: 'active',
}));

describe('generateDemoHistory', () => {
  it('is deterministic', () => {
    expect(generateDemoHistory(units, { seed: 7, asOf: '2026-11-22' })).toEqual(generateDemoHistory(units, { seed: 7, asOf: '2026-11-22' }));
  });

  it('covers two calendar years, never after the date, on weekdays', () => {
    const history = generateDemoHistory(units, { seed: 7, asOf: '2026-11-22' });
    expect(history.every((h) => h.on >= '2025-01-01' && h.on < '2026-11-22')).toBe(true);
    expect(history.filter((h) => h.kind !== 'reinspection').every((h) => ![0, 6].includes(new Date(`${h.on}T00:00:00Z`).getUTCDay()))).toBe(true);
    expect(new Set(history.map((h) => h.kind))).toEqual(new Set(['routine', 'special', 'reinspection', 'complaint']));
  });

  it('inspects key units far more often than general ones', () => {
    const history = generateDemoHistory(units, { seed: 7, asOf: '2026-11-22' }).filter((h) => h.on < '2026-01-01' && h.kind !== 'reinspection');
    const share = (pred: (i: number) => boolean) => new Set(history.filter((h) => pred(h.unitIndex)).map((h) => h.unitIndex)).size / units.filter((u) => pred(u.index)).length;
    expect(share((i) => i % 10 === 0)).toBeGreaterThan(0.6);
    expect(share((i) => i % 10 !== 0)).toBeLessThan(0.3);
  });
});

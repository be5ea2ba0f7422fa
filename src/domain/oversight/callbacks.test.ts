import { describe, expect, it } from 'vitest';
import { draw } from '../draw/draw.ts';
import { validateManifest } from '../draw/validate-manifest.ts';
import { verifyBundle } from '../draw/verify-bundle.ts';
import { isDomainError } from '../errors.ts';
import {
  buildCallbackManifest,
  callbackAlternates,
  callbackQuota,
  callbackRates,
  checkCallbackRecord,
  drawableQuarters,
  lastFullQuarter,
  nextCallbackAlternate,
  parseQuarter,
  quarterDates,
  quarterLabel,
  TOO_FEW_AUDITORS,
} from './callbacks.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('callback quota', () => {
  it('is 10% rounded up, at least 1 with any candidate, 0 without', () => {
    expect([0, 1, 9, 10, 11, 20, 95, 100, 101, 1234].map(callbackQuota)).toEqual([0, 1, 1, 1, 2, 2, 10, 10, 11, 124]);
  });
  it('never exceeds the candidates and refuses nonsense', () => {
    for (let n = 1; n <= 500; n++) {
      const q = callbackQuota(n);
      expect(q).toBeGreaterThanOrEqual(1);
      expect(q).toBeLessThanOrEqual(n);
      expect(q * 10).toBeGreaterThanOrEqual(n);
    }
    expect(callbackQuota(-3)).toBe(0);
    expect(callbackQuota(2.5)).toBe(0);
  });
  it('publishes as many alternates as the quota, at most 5, and only as many units as remain', () => {
    expect(callbackAlternates(1, 1)).toBe(0);
    expect(callbackAlternates(2, 1)).toBe(1);
    expect(callbackAlternates(30, 3)).toBe(3);
    expect(callbackAlternates(400, 40)).toBe(5);
  });
});

describe('quarters', () => {
  it('knows each quarter’s days and the day after', () => {
    expect(quarterDates({ year: 2026, q: 1 })).toEqual({ start: '2026-01-01', end: '2026-03-31', dayAfter: '2026-04-01' });
    expect(quarterDates({ year: 2024, q: 1 }).end).toBe('2024-03-31');
    expect(quarterDates({ year: 2026, q: 3 })).toEqual({ start: '2026-07-01', end: '2026-09-30', dayAfter: '2026-10-01' });
    expect(quarterDates({ year: 2026, q: 4 })).toEqual({ start: '2026-10-01', end: '2026-12-31', dayAfter: '2027-01-01' });
  });
  it('offers the quarters that have ended, the last one first', () => {
    expect(lastFullQuarter('2026-12-06')).toEqual({ year: 2026, q: 3 });
    expect(lastFullQuarter('2026-01-01')).toEqual({ year: 2025, q: 4 });
    expect(drawableQuarters('2026-04-01', 3).map(quarterLabel)).toEqual(['2026年第一季度', '2025年第四季度', '2025年第三季度']);
  });
  it('parses only YYYYQn', () => {
    expect(parseQuarter('2026Q3')).toEqual({ year: 2026, q: 3 });
    for (const bad of ['2026Q5', '2026q3', '26Q1', '2026Q3 ']) expect(parseQuarter(bad)).toBeNull();
  });
});

describe('the callback manifest', () => {
  const input = {
    code: 'HF-330700-2026Q3',
    roundId: uuid(999),
    asOf: '2026-10-01',
    pool: '330700',
    brigades: [
      { code: uuid(200), unitIds: Array.from({ length: 23 }, (_, i) => uuid(1000 + i)) },
      { code: uuid(100), unitIds: Array.from({ length: 4 }, (_, i) => uuid(2000 + i)) },
      { code: uuid(300), unitIds: [] },
    ],
    auditorIds: [uuid(2), uuid(1)],
    conflicts: [[uuid(1), uuid(1003)]] as const,
    external: [{ source: '福彩3D', ref: '2026280' }],
  };

  it('is a valid XF-SRS/1 manifest: a stratum per brigade with candidates, 10% quotas, the 纪检 in both roles', () => {
    const m = buildCallbackManifest(input);
    expect(validateManifest(m)).toEqual([]);
    expect(m.strata).toEqual([
      { code: uuid(100), quota: 1, alternates: 1 },
      { code: uuid(200), quota: 3, alternates: 3 },
    ]);
    expect(m.candidates).toHaveLength(27);
    expect(m.candidates.every((c) => c[2] === 1 && c[3] === '330700')).toBe(true);
    expect(m.inspectors).toEqual([
      [uuid(1), ['330700'], ['lead', 'assistant'], 1],
      [uuid(2), ['330700'], ['lead', 'assistant'], 1],
    ]);
    expect(m.assignment).toEqual({ lead: 1, assistant: 1, backups: 0 });
    expect(m.observers).toEqual([]);
    expect(m.conflicts).toEqual([[uuid(1), uuid(1003), 'BARRED']]);
  });

  it('draws and verifies like any draw, with 回访人 and 记录人 two different people, never a barred one', () => {
    // Three 纪检: with two, the bar would leave unit 1003 nobody to be its second caller (the freeze refuses that).
    const m = buildCallbackManifest({ ...input, auditorIds: [uuid(1), uuid(2), uuid(3)] });
    const external = [{ source: '福彩3D', ref: '2026280', value: '3 1 4' }];
    const result = draw(m, [], external);
    expect(result.tasks).toHaveLength(4);
    for (const t of result.tasks) expect(t.lead[0]).not.toBe(t.assistant[0]);
    for (const t of result.tasks.filter((x) => x.unitId === uuid(1003))) expect([...t.lead, ...t.assistant]).not.toContain(uuid(1));
    expect(verifyBundle({ manifest: m, observers: [], external, result }).ok).toBe(true);
  });

  it('refuses fewer than two 纪检, and a quarter without any unit', () => {
    const refused = (f: () => unknown) => {
      try {
        f();
        return null;
      } catch (e) {
        return isDomainError(e) ? e.message : String(e);
      }
    };
    expect(refused(() => buildCallbackManifest({ ...input, auditorIds: [uuid(1), uuid(1)] }))).toBe(TOO_FEW_AUDITORS);
    expect(refused(() => buildCallbackManifest({ ...input, brigades: [{ code: uuid(1), unitIds: [] }] }))).toMatch(/没有已检查或已处罚的单位/);
  });
});

describe('callback records and replacement', () => {
  const ok = { reached: true, attempts: 1, satisfaction: 5, conductReported: false, conductText: '' };
  it('asks for a satisfaction exactly when the unit was reached, and the text of a conduct report', () => {
    expect(checkCallbackRecord(ok)).toBeNull();
    expect(checkCallbackRecord({ ...ok, satisfaction: null })?.field).toBe('satisfaction');
    expect(checkCallbackRecord({ ...ok, satisfaction: 6 })?.field).toBe('satisfaction');
    expect(checkCallbackRecord({ ...ok, reached: false, satisfaction: 3 })?.field).toBe('satisfaction');
    expect(checkCallbackRecord({ ...ok, reached: false, satisfaction: null, attempts: 3 })).toBeNull();
    expect(checkCallbackRecord({ ...ok, conductReported: true, conductText: '  ' })?.field).toBe('conductText');
    expect(checkCallbackRecord({ ...ok, attempts: 0 })?.field).toBe('attempts');
  });
  it('replaces with the next alternate in published order not yet called', () => {
    expect(nextCallbackAlternate(['a', 'b', 'c'], new Set(['x', 'a']))).toBe('b');
    expect(nextCallbackAlternate(['a'], new Set(['a']))).toBeNull();
  });
  it('gives the reached rate of the recorded calls and the average satisfaction, or a dash', () => {
    expect(callbackRates({ drawn: 5, recorded: 3, reached: 2, satisfactionSum: 9, rated: 2, conductReports: 0 })).toEqual({ reachedRate: '66.7%', averageSatisfaction: '4.5' });
    expect(callbackRates({ drawn: 5, recorded: 0, reached: 0, satisfactionSum: 0, rated: 0, conductReports: 0 })).toEqual({ reachedRate: '—', averageSatisfaction: '—' });
  });
});

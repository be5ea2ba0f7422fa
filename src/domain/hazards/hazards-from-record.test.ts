import { describe, expect, it } from 'vitest';
import { hazardsFromRecord, type HazardSourceLine } from './hazards-from-record.ts';

const hazard = (fixedOnSpot: boolean) => ({ description: '安全出口上锁', location: '一层东侧', legalBasis: '《消防法》第二十八条', fixedOnSpot });

describe('hazardsFromRecord', () => {
  it('makes one hazard per 不符合 line, numbered in line order; fixed on the spot → corrected that day', () => {
    const lines: HazardSourceLine[] = [
      { code: 'A1', result: 'pass', hazard: null },
      { code: 'A2', result: 'fail', hazard: hazard(false) },
      { code: 'A3', result: 'na', hazard: null },
      { code: 'A4', result: 'fail', hazard: hazard(true) },
      { code: 'A5', result: 'unchecked', hazard: null },
    ];
    const out = hazardsFromRecord(lines, '2026-12-02');
    expect(out).toEqual([
      { seq: 1, lineCode: 'A2', ...hazard(false), foundOn: '2026-12-02', stage: 'found', closedOn: null },
      { seq: 2, lineCode: 'A4', ...hazard(true), foundOn: '2026-12-02', stage: 'corrected', closedOn: '2026-12-02' },
    ]);
  });

  it('makes none from a record without 不符合 lines', () => {
    expect(hazardsFromRecord([{ code: 'A1', result: 'pass', hazard: null }], '2026-12-02')).toEqual([]);
    expect(hazardsFromRecord([], '2026-12-02')).toEqual([]);
  });
});

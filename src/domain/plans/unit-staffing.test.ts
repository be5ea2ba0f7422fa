import { describe, expect, it } from 'vitest';
import { findUnstaffableUnits } from './unit-staffing.ts';

const assignment = { lead: 1, assistant: 1 };

describe('findUnstaffableUnits', () => {
  it('accepts a unit with one lead and a different assistant in its pool', () => {
    const inspectors = [
      ['I1', ['B1'], ['lead'], 1],
      ['I2', ['B1'], ['assistant'], 1],
    ] as const;
    expect(findUnstaffableUnits({ candidates: [['U1', 'key', 1, 'B1']], inspectors, conflicts: [], assignment })).toEqual([]);
  });

  it('refuses a unit whose only lead is recused', () => {
    const inspectors = [
      ['I1', ['B1'], ['lead', 'assistant'], 1],
      ['I2', ['B1'], ['assistant'], 1],
    ] as const;
    expect(findUnstaffableUnits({ candidates: [['U1', 'key', 1, 'B1']], inspectors, conflicts: [['I1', 'U1', 'RECUSAL']], assignment })).toEqual([
      { unitId: 'U1', pool: 'B1', leads: 0, assistants: 1, distinct: 1 },
    ]);
  });

  it('refuses a unit served by one person holding both roles: the same person cannot be both', () => {
    const inspectors = [['I1', ['B1'], ['lead', 'assistant'], 1]] as const;
    expect(findUnstaffableUnits({ candidates: [['U1', 'key', 1, 'B1']], inspectors, conflicts: [], assignment })).toHaveLength(1);
  });

  it('refuses a unit whose pool nobody serves', () => {
    const inspectors = [
      ['I1', ['B2'], ['lead'], 1],
      ['I2', ['B2'], ['assistant'], 1],
    ] as const;
    expect(findUnstaffableUnits({ candidates: [['U1', 'key', 1, 'B1']], inspectors, conflicts: [], assignment })[0]).toMatchObject({ leads: 0, assistants: 0 });
  });
});

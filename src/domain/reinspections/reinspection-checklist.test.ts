import { describe, expect, it } from 'vitest';
import { reinspectionChecklist, reinspectionOutcome } from './reinspection-checklist.ts';

const hazards = [
  { id: 'h2', seq: 2, location: '二层走道', description: '疏散指示标志损坏', legalBasis: '《消防法》第十六条' },
  { id: 'h1', seq: 1, location: '一层东侧', description: '安全出口上锁', legalBasis: '《消防法》第二十八条' },
];

describe('reinspectionChecklist', () => {
  it('makes one line per hazard of the notice, in the record order', () => {
    expect(reinspectionChecklist({ id: 'doc', number: '婺消限字〔2026〕第0001号' }, hazards)).toEqual([
      { versionId: 'doc', itemCode: 'REINSPECTION', itemName: '复查：婺消限字〔2026〕第0001号', version: 1, code: 'H1', text: '一层东侧：安全出口上锁', basis: '《消防法》第二十八条' },
      { versionId: 'doc', itemCode: 'REINSPECTION', itemName: '复查：婺消限字〔2026〕第0001号', version: 1, code: 'H2', text: '二层走道：疏散指示标志损坏', basis: '《消防法》第十六条' },
    ]);
  });
});

describe('reinspectionOutcome', () => {
  it('splits the hazards by their line: 符合 corrected, 不符合 not corrected', () => {
    const outcome = reinspectionOutcome(hazards, [
      { code: 'H1', result: 'pass' },
      { code: 'H2', result: 'fail' },
    ]);
    expect(outcome.corrected.map((h) => h.id)).toEqual(['h1']);
    expect(outcome.notCorrected.map((h) => h.id)).toEqual(['h2']);
  });
});

import { describe, expect, it } from 'vitest';
import { entrySummary, penaltyLabel } from './entry-summary.ts';
import type { PenaltyContent, ResultContent } from './publication-types.ts';

const result: ResultContent = {
  kind: 'result',
  brigadeName: '甲大队',
  unitName: '某商场',
  uscc: '91330100MA2XXXXXX1',
  address: '某路 1 号',
  districtCode: '330102',
  drawCode: '2026335',
  inspectedOn: '2026-11-20',
  outcome: 'hazards',
  unableReason: null,
  items: [],
  hazards: [
    { seq: 1, item: '消防车通道', text: '消防车通道被占用', fixedOnSpot: true },
    { seq: 2, item: '疏散通道', text: '疏散通道堵塞', fixedOnSpot: false },
  ],
  recordVersion: 1,
};
const penalty: PenaltyContent = {
  kind: 'penalty',
  brigadeName: '甲大队',
  unitName: '某商场',
  uscc: null,
  partyKind: 'person',
  partyName: '张三',
  decisionNumber: '测消行罚决字〔2026〕1号',
  decidedOn: '2026-11-25',
  citation: '《中华人民共和国消防法》第六十条',
  penaltyKind: 'fine',
  fineAmount: 5000,
  facts: [],
};

describe('the one-line account of an entry', () => {
  it('counts the hazards found and those corrected on the spot', () => {
    expect(entrySummary(result, null)).toBe('发现火灾隐患 2 处（当场改正 1 处）');
  });
  it('says why an inspection could not be made', () => {
    expect(entrySummary({ ...result, outcome: 'unable', unableReason: 'refused', hazards: [] }, null)).toBe('未能检查：拒绝检查');
  });
  it('writes a fine with thousands separators', () => {
    expect(penaltyLabel(penalty)).toBe('罚款 5,000 元');
    expect(penaltyLabel({ penaltyKind: 'warning', fineAmount: null })).toBe('警告');
  });
  it('shows only the withdrawal of a withdrawn penalty, never the decision', () => {
    expect(entrySummary(penalty, { kind: 'revoked' })).toBe('已撤回：处罚决定已撤销');
  });
});

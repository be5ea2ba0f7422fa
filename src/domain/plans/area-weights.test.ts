import { describe, expect, it } from 'vitest';
import { areaFactor, areaFactorOfSuggestion, areaWeightProblems, monthAfter, withAreaWeight } from './area-weights.ts';
import { unitWeight } from './eligibility.ts';
import type { AreaWeight, WeightTable } from './plan-settings.ts';

const district = (code: string, factor: number, fromMonth: string, toMonth = fromMonth): AreaWeight => ({
  kind: 'district',
  code,
  factor,
  fromMonth,
  toMonth,
  reason: '预警',
});
const TABLE: WeightTable = { risk: { high: 4 }, credit: { D: 4 }, triggeredFactor: 4 };

describe('area weights from the early warning', () => {
  it('multiply the units of their district or industry in their months only', () => {
    const areas = [district('330702', 2, '2026-11'), { ...district('C', 3, '2026-11', '2026-12'), kind: 'industry' as const }];
    expect(areaFactor({ districtCode: '330702', industry: null }, areas, '2026-11')).toBe(2);
    expect(areaFactor({ districtCode: '330702', industry: 'C' }, areas, '2026-11')).toBe(6);
    expect(areaFactor({ districtCode: '330702', industry: 'C' }, areas, '2026-12')).toBe(3);
    expect(areaFactor({ districtCode: '330702', industry: 'C' }, areas, '2027-01')).toBe(1);
    expect(areaFactor({ districtCode: null }, areas, '2026-11')).toBe(1);
    expect(areaFactor({ districtCode: '330702' }, undefined, '2026-11')).toBe(1);
  });

  it('enter the unit weight on top of risk and credit, still clamped to 64; without a month nothing changes', () => {
    const weights = { ...TABLE, areas: [district('330702', 8, '2026-11')] };
    const unit = { riskLevel: 'high', creditLevel: 'D', districtCode: '330702', industry: null };
    expect(unitWeight(unit, weights, false, '2026-10')).toBe(16);
    expect(unitWeight(unit, weights, false, '2026-11')).toBe(64);
    expect(unitWeight(unit, weights, true, '2026-11')).toBe(64);
    expect(unitWeight({ ...unit, riskLevel: null, creditLevel: null }, weights, false, '2026-11')).toBe(8);
    expect(unitWeight(unit, weights, false)).toBe(16);
  });

  it('turn a suggested ratio into an integer factor of at least 2', () => {
    expect(areaFactorOfSuggestion(1.2)).toBe(2);
    expect(areaFactorOfSuggestion(2.4)).toBe(2);
    expect(areaFactorOfSuggestion(2.6)).toBe(3);
    expect(areaFactorOfSuggestion(3)).toBe(3);
    expect(areaFactorOfSuggestion(Number.NaN)).toBe(2);
    expect(monthAfter('2026-12')).toBe('2027-01');
  });

  it('replace an overlapping weight of the same area, and keep the others', () => {
    let weights = withAreaWeight(TABLE, district('330702', 2, '2026-11'));
    weights = withAreaWeight(weights, district('330703', 2, '2026-11'));
    weights = withAreaWeight(weights, district('330702', 3, '2026-11'));
    expect(weights.areas).toEqual([district('330703', 2, '2026-11'), district('330702', 3, '2026-11')]);
    expect(withAreaWeight(weights, district('330702', 2, '2026-12')).areas).toHaveLength(3);
    expect(TABLE.areas).toBeUndefined();
  });

  it('name each bad row in Chinese', () => {
    expect(areaWeightProblems(undefined)).toEqual([]);
    expect(areaWeightProblems([district('330702', 2, '2026-11')])).toEqual([]);
    const problems = areaWeightProblems([
      { ...district('', 1, '2026-12', '2026-11'), reason: ' ' },
      { ...district('x', 2, '2026-13'), kind: 'street' as 'district' },
    ]);
    expect(problems).toEqual([
      '区域风险权重第 1 条：代码不能为空且不超过 32 位',
      '区域风险权重第 1 条：倍数应为 2–8 的整数',
      '区域风险权重第 1 条：起始月份不能晚于结束月份',
      '区域风险权重第 1 条：理由不能为空且不超过 300 字',
      '区域风险权重第 2 条：类型应为行政区划或行业',
      '区域风险权重第 2 条：月份应为 YYYY-MM',
    ]);
    expect(areaWeightProblems(Array.from({ length: 21 }, (_, i) => district(`d${i}`, 2, '2026-11')))[0]).toContain('最多 20 条');
  });
});

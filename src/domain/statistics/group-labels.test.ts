import { describe, expect, it } from 'vitest';
import { COUNT_FIGURES } from './figures.ts';
import { detailLabel, groupLabel, rowLink } from './group-labels.ts';

describe('statistics labels', () => {
  it('names group keys in Chinese, blanks as 未填写', () => {
    const names = new Map([['b1', '婺城大队']]);
    expect(groupLabel('month', '2026-03', names)).toBe('2026年3月');
    expect(groupLabel('category', 'key', names)).toBe('重点单位');
    expect(groupLabel('district', '330702', names)).toBe('婺城区');
    expect(groupLabel('brigade', 'b1', names)).toBe('婺城大队');
    expect(groupLabel('industry', '', names)).toBe('未填写');
  });
  it('says a row’s detail in Chinese and links every figure’s rows somewhere in the admin', () => {
    expect(detailLabel('unable', 'refused')).toBe('拒绝检查');
    expect(detailLabel('inspected', 'inspected')).toBe('已检查');
    expect(detailLabel('notices', '婺消限字〔2026〕第0001号')).toBe('婺消限字〔2026〕第0001号');
    for (const f of COUNT_FIGURES) expect(rowLink(f, { id: 'x', taskId: 't', unitId: 'u' })).toMatch(/^\/admin\//);
  });
});

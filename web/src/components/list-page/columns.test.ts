import { describe, expect, it } from 'vitest';
import { columnChoices, hiddenAfterChoice, hiddenColumnsKey, parseHiddenColumns, visibleColumns } from './columns.ts';
import { pageTotalText } from './pagination.ts';

const columns = [
  { key: 'name', title: '单位名称' },
  { key: 'uscc', title: '统一社会信用代码' },
  { key: 'address', title: '实际经营地址' },
];

describe('column settings', () => {
  it('stores each list’s choice under its own key', () => {
    expect(hiddenColumnsKey('units')).toBe('xf.units.hiddenColumns');
    expect(hiddenColumnsKey('inspectors')).not.toBe(hiddenColumnsKey('units'));
  });

  it('reads a stored choice, and nothing from a missing, broken or foreign value', () => {
    expect(parseHiddenColumns('["uscc","address"]')).toEqual(['uscc', 'address']);
    expect(parseHiddenColumns(null)).toEqual([]);
    expect(parseHiddenColumns('{not json')).toEqual([]);
    expect(parseHiddenColumns('{"uscc":true}')).toEqual([]);
    expect(parseHiddenColumns('["uscc",3,null]')).toEqual(['uscc']);
  });

  it('shows every column but the hidden ones, and a locked column even when an old choice hid it', () => {
    expect(visibleColumns(columns, ['uscc'], ['name']).map((c) => c.key)).toEqual(['name', 'address']);
    expect(visibleColumns(columns, ['name', 'uscc'], ['name']).map((c) => c.key)).toEqual(['name', 'address']);
  });

  it('offers every column by its title, the locked ones disabled', () => {
    expect(columnChoices(columns, ['name'])).toEqual([
      { key: 'name', title: '单位名称', locked: true },
      { key: 'uscc', title: '统一社会信用代码', locked: false },
      { key: 'address', title: '实际经营地址', locked: false },
    ]);
  });

  it('hides what the user unticked, never a locked column', () => {
    const choices = columnChoices(columns, ['name']);
    expect(hiddenAfterChoice(choices, ['address'])).toEqual(['uscc']);
    expect(hiddenAfterChoice(choices, [])).toEqual(['uscc', 'address']);
  });
});

describe('the total under a list', () => {
  it('counts in Chinese with thousands grouped', () => {
    expect(pageTotalText(12, '家单位')).toBe('共 12 家单位');
    expect(pageTotalText(12_000, '条')).toBe('共 12,000 条');
  });

  it('says 「超过」 when more match than the server counts', () => {
    expect(pageTotalText(10_000, '家单位', true)).toBe('超过 10,000 家单位，请用筛选条件缩小范围');
    expect(pageTotalText(10_000, '家单位', false)).toBe('共 10,000 家单位');
  });

});

import { describe, expect, it } from 'vitest';
import { applyColumnMapping, normalizeHeader, recognizeHeaders } from './recognize-headers.ts';
import { UNIT_HEADER_SYNONYMS, UNIT_IMPORT_FIELDS } from './unit-import-fields.ts';

describe('recognizeHeaders', () => {
  it('maps the usual headers of a market-regulation export', () => {
    const result = recognizeHeaders(['企业名称', '统一社会信用代码', '住所', '法定代表人', '联系电话', '登记状态']);
    expect(result.mapped.map((c) => c.field)).toEqual([
      'name',
      'uscc',
      'registeredAddress',
      'safetyOwner',
      'contactPhone',
      'status',
    ]);
    expect(result.unmapped).toEqual([]);
    expect(result.missingRequired).toEqual([]);
  });

  it('tolerates stray spaces, full-width colons, required-marks and remarks in brackets', () => {
    const result = recognizeHeaders([
      ' 单位名称： ',
      '＊统一社会信用代码',
      '联系电话（手机）',
      '实际经营地址(必填)',
      '所属街道:',
    ]);
    expect(result.mapped.map((c) => c.field)).toEqual(['name', 'uscc', 'contactPhone', 'address', 'street']);
    expect(result.mapped[0]).toEqual({ index: 0, header: ' 单位名称： ', field: 'name' });
  });

  it('lets an explicit 消防安全责任人 column win over 法定代表人, wherever it stands', () => {
    const result = recognizeHeaders(['法定代表人', '单位名称', '消防安全责任人']);
    expect(result.mapped).toContainEqual({ index: 2, header: '消防安全责任人', field: 'safetyOwner' });
    expect(result.unmapped).toEqual([{ index: 0, header: '法定代表人', reason: 'duplicate', field: 'safetyOwner' }]);
  });

  it('keeps the leftmost of two equally good columns and returns the other for the user', () => {
    const result = recognizeHeaders(['单位名称', '电话', '电话']);
    expect(result.mapped.map((c) => c.index)).toEqual([0, 1]);
    expect(result.unmapped).toEqual([{ index: 2, header: '电话', reason: 'duplicate', field: 'contactPhone' }]);
  });

  it('returns unknown and empty headers for manual mapping and names missing required fields', () => {
    const result = recognizeHeaders(['名称', '备注', '']);
    expect(result.unmapped).toEqual([
      { index: 1, header: '备注', reason: 'unknown' },
      { index: 2, header: '', reason: 'empty' },
    ]);
    expect(result.missingRequired).toEqual(['uscc']);
  });

  it('reads 地址 as the registered address and 经营场所 as the actual one', () => {
    expect(recognizeHeaders(['地址', '经营场所']).mapped.map((c) => c.field)).toEqual(['registeredAddress', 'address']);
  });

  it('has no header that two fields claim', () => {
    const seen = new Map<string, string>();
    for (const field of UNIT_IMPORT_FIELDS) {
      for (const synonym of UNIT_HEADER_SYNONYMS[field]) {
        const key = normalizeHeader(synonym);
        expect(seen.get(key) ?? field, `${synonym} claimed twice`).toBe(field);
        seen.set(key, field);
      }
    }
  });
});

describe('applyColumnMapping', () => {
  it('turns a row into a field record, reading missing cells as empty', () => {
    const columns = [
      { index: 0, field: 'name' as const },
      { index: 3, field: 'address' as const },
    ];
    expect(applyColumnMapping(['好运来超市', 'x', 'y'], columns)).toEqual({ name: '好运来超市', address: '' });
  });

  it('refuses a mapping that fills one field twice', () => {
    expect(() =>
      applyColumnMapping(
        ['a', 'b'],
        [
          { index: 0, field: 'name' },
          { index: 1, field: 'name' },
        ],
      ),
    ).toThrow(RangeError);
  });
});

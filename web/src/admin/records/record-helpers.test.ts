import type { RecordLine, RecordSummary } from '@contracts/field.ts';
import { describe, expect, it } from 'vitest';
import { fileUrlOf, groupLines, otherVersions, resultCounts, visitLength } from './record-helpers.ts';

const V1 = '6f1c2a44-9b1e-4c55-8a55-0c7d7f0e1a01';
const V2 = '6f1c2a44-9b1e-4c55-8a55-0c7d7f0e1a02';
const line = (versionId: string, code: string, result: RecordLine['result']): RecordLine => ({
  versionId,
  code,
  result,
  note: '',
  uncheckedReason: '',
  hazard: null,
  photos: [],
});

describe('groupLines', () => {
  it('groups lines by check item in the record’s order, and keeps a line without a label', () => {
    const labels = {
      [`${V1}:1`]: { itemName: '消防安全管理', text: '制定消防安全制度' },
      [`${V2}:1`]: { itemName: '建筑防火', text: '疏散通道畅通' },
      [`${V1}:2`]: { itemName: '消防安全管理', text: '开展防火检查' },
    };
    const groups = groupLines([line(V1, '1', 'pass'), line(V2, '1', 'fail'), line(V1, '2', 'na'), line(V2, '9', 'unchecked')], labels);
    expect(groups.map((g) => [g.itemName, g.lines.map((l) => l.text)])).toEqual([
      ['消防安全管理', ['制定消防安全制度', '开展防火检查']],
      ['建筑防火', ['疏散通道畅通']],
      ['其他检查内容', ['9']],
    ]);
  });
});

describe('resultCounts', () => {
  it('counts each result in the contract’s order and leaves out results with none', () => {
    expect(resultCounts([line(V1, '1', 'pass'), line(V1, '2', 'fail'), line(V1, '3', 'pass')])).toEqual([
      { result: 'pass', label: '符合', count: 2 },
      { result: 'fail', label: '不符合', count: 1 },
    ]);
  });
});

describe('fileUrlOf', () => {
  it('uses the record’s url for a file and the files route for any other hash', () => {
    const url = fileUrlOf([{ sha256: 'a'.repeat(64), fileName: 'x.png', contentType: 'image/png', byteSize: 1, url: '/api/files/aaa?x' }]);
    expect(url('a'.repeat(64))).toBe('/api/files/aaa?x');
    expect(url('b'.repeat(64))).toBe(`/api/files/${'b'.repeat(64)}`);
  });
});

describe('visitLength', () => {
  it('says minutes and hours, and nothing for times out of order', () => {
    expect(visitLength('2026-11-30T09:00:00+08:00', '2026-11-30T09:45:00+08:00')).toBe('45 分钟');
    expect(visitLength('2026-11-30T09:00:00+08:00', '2026-11-30T10:05:00+08:00')).toBe('1 小时 5 分钟');
    expect(visitLength('2026-11-30T10:00:00+08:00', '2026-11-30T09:00:00+08:00')).toBeNull();
  });
});

describe('otherVersions', () => {
  it('lists the other versions oldest first', () => {
    const r = (id: string, version: number) => ({ id, version }) as RecordSummary;
    expect(otherVersions([r('c', 3), r('a', 1), r('b', 2)], 'b').map((x) => x.version)).toEqual([1, 3]);
  });
});

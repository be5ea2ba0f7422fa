import { describe, expect, it } from 'vitest';
import { classifyInspectorImportRows, prepareInspectorImportRows, type RegistryInspector } from './classify-inspector-import.ts';
import { recognizeColumns } from './column-mapping.ts';
import type { ImportTableRow } from './import-table.ts';
import { INSPECTOR_HEADER_SYNONYMS } from './inspector-import-fields.ts';
import { parseDateText, validateInspectorRow } from './validate-inspector-row.ts';

describe('parseDateText', () => {
  it('reads the ways people write dates, and Excel date serials', () => {
    expect(parseDateText('2026-03-01')).toBe('2026-03-01');
    expect(parseDateText('2026/3/1')).toBe('2026-03-01');
    expect(parseDateText('2026.3.1')).toBe('2026-03-01');
    expect(parseDateText('2026年3月1日')).toBe('2026-03-01');
    expect(parseDateText('20260301')).toBe('2026-03-01');
    expect(parseDateText('2026-03-01 00:00:00')).toBe('2026-03-01');
    expect(parseDateText('45292')).toBe('2024-01-01');
  });

  it('refuses what is not a real date', () => {
    for (const text of ['2026-02-30', '长期', '3/1/2026', '12345', '']) expect(parseDateText(text), text).toBeNull();
  });
});

describe('validateInspectorRow', () => {
  it('normalises badge numbers, posts, roles and phones', () => {
    const result = validateInspectorRow(
      {
        name: '陈静',
        badgeNo: ' jh０１０１ ',
        post: '专职',
        roles: '主办/协办',
        phone: '139 5790 0101',
        certificateValidUntil: '2029/12/31',
      },
      2,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        name: '陈静',
        badgeNo: 'JH0101',
        certificateNo: null,
        certificateValidFrom: null,
        certificateValidUntil: '2029-12-31',
        post: 'full_time',
        roles: ['lead', 'assistant'],
        phone: '13957900101',
      },
      warnings: [],
    });
  });

  it('names the row and the field of every problem', () => {
    const result = validateInspectorRow(
      {
        name: '',
        badgeNo: 'A1',
        post: '临时工',
        roles: '组长',
        certificateValidFrom: '2026-05-01',
        certificateValidUntil: '2026-04-30',
      },
      7,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        '第 7 行「姓名」：不能为空',
        '第 7 行「执法证有效期止」：2026-04-30 早于有效期起 2026-05-01',
        '第 7 行「岗位」：「临时工」无法识别，应为 专职监督员、兼职监督员、其他 之一',
        '第 7 行「可任角色」：「组长」无法识别，应为 主办、协办 或“主办、协办”',
      ],
      warnings: [],
    });
  });
});

describe('inspectors import', () => {
  const headers = ['姓名', '警号', '执法证号', '有效期起', '有效期止', '岗位', '可任角色', '手机'];
  const columns = recognizeColumns(headers, INSPECTOR_HEADER_SYNONYMS);
  const rows = (...cells: string[][]): ImportTableRow[] => cells.map((c, i) => ({ rowNumber: i + 2, cells: c }));
  const existing: RegistryInspector = {
    id: 'i1',
    orgId: 'b1',
    orgName: '婺城区大队',
    inScope: true,
    name: '陈静',
    badgeNo: 'JH0101',
    certificateNo: '浙0101',
    certificateValidFrom: '2024-01-01',
    certificateValidUntil: '2029-12-31',
    post: 'full_time',
    roles: ['lead', 'assistant'],
    phone: '13957900101',
  };
  const registry = (inspectors: RegistryInspector[]) => ({
    byBadge: new Map(inspectors.map((i) => [i.badgeNo, i])),
    byCertificate: new Map(),
  });
  const target = { orgId: 'b1', today: '2026-11-22', drawWeights: { full_time: 3, part_time: 1, other: 1 } };

  it('keys rows by badge number: the same badge twice is an error naming the first row', () => {
    const prepared = prepareInspectorImportRows(rows(['甲', 'A1'], ['乙', 'a1']), columns);
    expect(prepared[1]).toMatchObject({
      value: null,
      duplicateInFile: true,
      errors: ['第 3 行「警号/工号」：与第 2 行重复（A1）'],
    });
  });

  it('finds the unchanged, the changed and the new, and gives a new inspector the post’s weight', () => {
    const prepared = prepareInspectorImportRows(
      rows(
        ['陈静', 'JH0101', '', '', '', '', '', ''],
        ['陈静', 'JH0101', '浙0101', '', '2031-12-31', '', '', ''],
        ['刘洋', 'JH0102', '浙0102', '', '2025-01-01', '专职', '', ''],
      ),
      columns,
    );
    expect(prepared[1]!.errors).toEqual(['第 3 行「警号/工号」：与第 2 行重复（JH0101）']);
    const plan = classifyInspectorImportRows([prepared[0]!, prepared[2]!], registry([existing]), target);
    expect(plan.rows.map((r) => r.outcome)).toEqual(['unchanged', 'new']);
    expect(plan.inserts).toEqual([
      {
        rowNumber: 4,
        values: {
          name: '刘洋',
          badgeNo: 'JH0102',
          certificateNo: '浙0102',
          certificateValidFrom: null,
          certificateValidUntil: '2025-01-01',
          post: 'full_time',
          roles: ['assistant'],
          phone: null,
          drawWeight: 3,
        },
      },
    ]);
    expect(plan.rows[1]!.warnings).toEqual([
      '第 4 行「可任角色」：未填写，将按“协办”登记',
      '第 4 行「执法证有效期止」：执法证已于 2025-01-01 过期，该人员不会被抽取',
    ]);

    const changed = classifyInspectorImportRows(
      prepareInspectorImportRows(rows(['陈静', 'JH0101', '', '', '2031-12-31', '兼职', '协办', '']), columns),
      registry([existing]),
      target,
    );
    expect(changed.rows[0]!.diff).toEqual([
      { field: 'certificateValidUntil', label: '执法证有效期止', before: '2029-12-31', after: '2031-12-31' },
      { field: 'post', label: '岗位', before: '专职监督员', after: '兼职监督员' },
      { field: 'roles', label: '可任角色', before: '主办、协办', after: '协办' },
    ]);
    expect(changed.updates[0]!.values).toMatchObject({ certificateNo: '浙0101', phone: '13957900101' });
  });

  it('never moves an inspector registered in another org', () => {
    const plan = classifyInspectorImportRows(
      prepareInspectorImportRows(rows(['陈静', 'JH0101']), columns),
      registry([{ ...existing, orgId: 'b2', orgName: '金东区大队', inScope: false }]),
      target,
    );
    expect(plan.rows[0]!.errors).toEqual(['第 2 行「警号/工号」：该警号已登记在其他单位（金东区大队），不能导入本单位']);
  });
});

import { describe, expect, it } from 'vitest';
import { computeOrgCodeCheckChar, computeUsccCheckChar } from '../uscc.ts';
import {
  classifyUnitImportRows,
  countInvalidRows,
  prepareUnitImportRows,
  translateDictionaryLabels,
  unitDuplicateKey,
  type RegistryUnit,
  type UnitImportDictionaries,
} from './classify-unit-import.ts';
import type { ImportTableRow } from './import-table.ts';
import { summarizeImportRows } from './import-outcome.ts';
import { recognizeHeaders } from './recognize-headers.ts';

function code(n: number): string {
  const body = `MA${String(n).padStart(6, '0')}`;
  const first17 = `91330702${body}${computeOrgCodeCheckChar(body)}`;
  return first17 + computeUsccCheckChar(first17);
}

const DICTIONARIES: UnitImportDictionaries = {
  riskLevel: [
    { code: 'high', label: '高' },
    { code: 'low', label: '低' },
  ],
  industry: [{ code: '餐饮', label: '餐饮' }],
  tags: [
    { code: '沿街商铺', label: '沿街商铺' },
    { code: '高层建筑', label: '高层建筑' },
  ],
};

const HEADERS = ['单位名称', '统一社会信用代码', '实际经营地址', '联系人', '单位类别', '风险等级', '行政区划', '单位状态'];
const columns = recognizeHeaders(HEADERS).mapped;
const rows = (...cells: string[][]): ImportTableRow[] => cells.map((c, i) => ({ rowNumber: i + 2, cells: c }));
const prepare = (table: ImportTableRow[]) =>
  prepareUnitImportRows(table, columns, { withinDivisionCode: '330702', dictionaries: DICTIONARIES });

const registryUnit = (overrides: Partial<RegistryUnit>): RegistryUnit => ({
  id: 'u1',
  brigadeId: 'b1',
  brigadeName: '婺城区大队',
  inScope: true,
  name: '好运来超市',
  uscc: code(1),
  registeredAddress: null,
  address: '金华市婺城区人民路88号',
  districtCode: '330702',
  street: null,
  contactName: '张三',
  contactPhone: null,
  safetyOwner: null,
  safetyManager: null,
  category: 'general',
  industry: null,
  riskLevel: 'high',
  creditLevel: null,
  buildingScale: null,
  tags: [],
  isCrowded: false,
  isFlammable: false,
  isHighRise: false,
  status: 'active',
  ...overrides,
});

const registry = (units: RegistryUnit[], duplicates: [string, { uscc: string; name: string }[]][] = []) => ({
  byUscc: new Map(units.map((u) => [u.uscc, u])),
  duplicatesByKey: new Map(duplicates),
});

describe('prepareUnitImportRows', () => {
  it('accepts dictionary labels as written in office files and stores their codes', () => {
    expect(translateDictionaryLabels({ riskLevel: ' 高 ', industry: '餐饮', tags: '沿街商铺、高层建筑' }, DICTIONARIES)).toEqual({
      riskLevel: 'high',
      industry: '餐饮',
      tags: '沿街商铺、高层建筑',
    });
    const [row] = prepare(rows(['好运来超市', code(1), '金华市婺城区人民路88号', '张三', '一般单位', '高', '', '']));
    expect(row).toMatchObject({ key: code(1), value: { riskLevel: 'high', category: 'general' }, errors: [] });
  });

  it('reports a missing required column on every row, naming the field', () => {
    const [row] = prepareUnitImportRows(rows(['甲']), [{ index: 0, field: 'name' }]);
    expect(row).toMatchObject({
      value: null,
      name: '甲',
      errors: ['第 2 行「统一社会信用代码」：没有对应的列，请在“列映射”中指定'],
    });
  });

  it('keeps a row whose only problem is an unknown district, as a warning without the district', () => {
    const [row] = prepare(rows(['甲', code(2), '人民路1号', '', '', '', '999999', '']));
    expect(row!.value).toMatchObject({ districtCode: null });
    expect(
      row!.warnings.some(
        (w) => w.startsWith('第 2 行「行政区划」：「999999」不是已知的行政区划代码') && w.endsWith('；该字段不导入'),
      ),
    ).toBe(true);
  });

  it('makes the later of two rows with one credit code invalid, naming the first', () => {
    const prepared = prepare(rows(['甲', code(3), '人民路1号'], ['乙', code(3), '人民路2号']));
    expect(prepared[1]).toMatchObject({
      value: null,
      duplicateInFile: true,
      errors: [`第 3 行「统一社会信用代码」：与第 2 行重复（${code(3)}）`],
    });
  });

  it('explains a credit code that Excel rounded because the cell was a number', () => {
    const [row] = prepareUnitImportRows(
      [{ rowNumber: 2, cells: ['甲', '913307020000000000'], impreciseColumns: [1] }],
      columns.slice(0, 2),
    );
    expect(row!.errors.at(-1)).toBe(
      '第 2 行「统一社会信用代码」：该单元格是数字格式，Excel 只保留 15 位有效数字，代码已被改动；请把该列设置为“文本”格式后重新填写',
    );
  });
});

describe('classifyUnitImportRows', () => {
  const target = { brigadeId: 'b1', dictionaries: DICTIONARIES };

  it('sorts rows into new, changed (with a field-by-field diff) and unchanged', () => {
    const prepared = prepare(
      rows(
        ['好运来超市', code(1), '金华市婺城区人民路88号', '张三', '', '高'],
        ['好运来超市', code(4), '金华市婺城区人民路88号', '李四', '重点单位', '低'],
        ['新开的店', code(5), '金华市婺城区解放路9号', '', '', ''],
      ),
    );
    const existing = [
      registryUnit({}),
      registryUnit({ id: 'u4', uscc: code(4), riskLevel: 'high', contactName: '李四', category: 'general' }),
    ];
    const plan = classifyUnitImportRows(prepared, registry(existing), target);
    expect(plan.rows.map((r) => r.outcome)).toEqual(['unchanged', 'changed', 'new']);
    expect(plan.rows[1]!.diff).toEqual([
      { field: 'category', label: '单位类别', before: '一般单位', after: '重点单位' },
      { field: 'riskLevel', label: '风险等级', before: '高', after: '低' },
    ]);
    expect(plan.updates).toEqual([
      expect.objectContaining({
        id: 'u4',
        rowNumber: 3,
        statusChanged: false,
        values: expect.objectContaining({ category: 'key', riskLevel: 'low', contactName: '李四' }),
      }),
    ]);
    expect(plan.inserts).toEqual([
      {
        rowNumber: 4,
        values: expect.objectContaining({
          name: '新开的店',
          category: 'general',
          status: 'active',
          tags: [],
          duplicateKey: unitDuplicateKey('新开的店', '金华市婺城区解放路9号'),
        }),
      },
    ]);
    expect(plan.rows[2]!.warnings).toContain('第 4 行「单位类别」：未填写，将按“一般单位”登记');
  });

  it('never moves a unit from another brigade, and says less about one outside the subtree', () => {
    const prepared = prepare(rows(['甲', code(6), '人民路1号'], ['乙', code(7), '人民路2号']));
    const plan = classifyUnitImportRows(
      prepared,
      registry([
        registryUnit({ uscc: code(6), brigadeId: 'b2', brigadeName: '金东区大队', name: '甲公司' }),
        registryUnit({ uscc: code(7), brigadeId: 'b9', brigadeName: '外市大队', inScope: false }),
      ]),
      target,
    );
    expect(plan.rows.map((r) => r.errors)).toEqual([
      ['第 2 行「统一社会信用代码」：该信用代码已登记在金东区大队（「甲公司」），如需划入本大队请使用“转移单位”'],
      ['第 3 行「统一社会信用代码」：该信用代码已登记在其他大队（外市大队），不能导入本大队'],
    ]);
    expect(plan.inserts).toEqual([]);
    expect(plan.updates).toEqual([]);
  });

  it('counts before classifying exactly the rows the classification finds invalid', () => {
    const prepared = prepare(
      rows(['甲', code(6), '人民路1号'], ['乙', code(7), '人民路2号'], ['丙', code(8), '人民路3号'], ['', code(9), '人民路4号'], ['丁', code(1), '人民路5号']),
    );
    const known = registry([
      registryUnit({ uscc: code(6), brigadeId: 'b2', brigadeName: '金东区大队', name: '甲公司' }),
      registryUnit({ uscc: code(1) }),
    ]);
    const invalid = classifyUnitImportRows(prepared, known, target).rows.filter((r) => r.outcome === 'invalid').length;
    expect(invalid).toBe(2);
    expect(countInvalidRows(prepared, known, target.brigadeId)).toBe(invalid);
  });

  it('does not reinstate a unit the registry has taken out of the pool, and says so', () => {
    const prepared = prepare(rows(['好运来超市', code(1), '金华市婺城区人民路88号', '张三', '', '高', '', '存续']));
    const plan = classifyUnitImportRows(prepared, registry([registryUnit({ status: 'suspended' })]), target);
    expect(plan.rows[0]).toMatchObject({ outcome: 'unchanged' });
    expect(plan.rows[0]!.warnings[0]).toMatch(/^第 2 行「单位状态」：文件中为“正常”，名录库中为“停业”；导入不会恢复单位状态/);
  });

  it('applies a status that takes a unit out of the pool, marking it as a status change', () => {
    const prepared = prepare(rows(['好运来超市', code(1), '金华市婺城区人民路88号', '张三', '', '高', '', '注销']));
    const plan = classifyUnitImportRows(prepared, registry([registryUnit({})]), target);
    expect(plan.updates[0]).toMatchObject({ statusChanged: true, values: { status: 'deregistered' } });
    expect(plan.rows[0]!.diff).toEqual([{ field: 'status', label: '单位状态', before: '正常', after: '注销' }]);
  });

  it('warns about a probable duplicate in the registry: same name and address, other credit code', () => {
    const prepared = prepare(rows(['好运来超市', code(8), '金华市婺城区人民路88号']));
    const key = unitDuplicateKey('好运来超市', '金华市婺城区人民路88号');
    const plan = classifyUnitImportRows(prepared, registry([], [[key, [{ uscc: code(1), name: '好运来超市' }]]]), target);
    expect(plan.rows[0]).toMatchObject({ outcome: 'new', probableDuplicate: true });
    expect(plan.rows[0]!.warnings).toContain(
      `第 2 行「单位名称」：与名录库中的「好运来超市」（${code(1)}）名称和地址相同但信用代码不同，疑似重复单位`,
    );
  });
});

describe('summarizeImportRows', () => {
  it('counts outcomes and lists problems first, then changes, at most 500 rows', () => {
    const table = rows(...Array.from({ length: 600 }, (_, i) => [`单位${i}`, i === 300 ? 'bad' : code(100 + i), `人民路${i}号`]));
    const plan = classifyUnitImportRows(prepare(table), registry([]), { brigadeId: 'b1' });
    const summary = summarizeImportRows(plan.rows);
    expect(summary.counts).toMatchObject({ new: 599, invalid: 1, changed: 0, unchanged: 0 });
    expect(summary.rows).toHaveLength(500);
    expect(summary.rowsTruncated).toBe(true);
    expect(summary.rows[0]).toMatchObject({ rowNumber: 302, outcome: 'invalid' });
    expect(summary.invalidRows).toEqual([
      { rowNumber: 302, key: 'BAD', name: '单位300', problems: ['第 302 行「统一社会信用代码」：应为 18 位，实际为 3 位'] },
    ]);
  });
});

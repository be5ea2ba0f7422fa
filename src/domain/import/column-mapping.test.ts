import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  applyMappingChanges,
  mappedColumns,
  mappingFromColumns,
  missingRequiredFields,
  recognizeColumns,
} from './column-mapping.ts';
import { INSPECTOR_HEADER_SYNONYMS, INSPECTOR_IMPORT_SPEC } from './inspector-import-fields.ts';
import { UNIT_IMPORT_SPEC } from './unit-import-spec.ts';

const messageOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.message;
    throw e;
  }
  return null;
};

describe('column mappings', () => {
  const mapping = mappingFromColumns(4, [
    { index: 0, field: 'name' },
    { index: 1, field: 'uscc' },
  ]);

  it('lists every column, the unrecognised ones as ignored', () => {
    expect(mapping).toEqual({ '0': 'name', '1': 'uscc', '2': null, '3': null });
    expect(mappedColumns(mapping, UNIT_IMPORT_SPEC)).toEqual([
      { index: 0, field: 'name' },
      { index: 1, field: 'uscc' },
    ]);
    expect(missingRequiredFields({ '0': 'name' }, UNIT_IMPORT_SPEC)).toEqual(['uscc']);
  });

  it('moves a field to the column the user chose and keeps the other columns', () => {
    expect(applyMappingChanges(mapping, { '3': 'name', '2': 'address' }, 4, UNIT_IMPORT_SPEC)).toEqual({
      '0': null,
      '1': 'uscc',
      '2': 'address',
      '3': 'name',
    });
    expect(applyMappingChanges(mapping, { '1': null }, 4, UNIT_IMPORT_SPEC)).toEqual({
      '0': 'name',
      '1': null,
      '2': null,
      '3': null,
    });
  });

  it('refuses a column that does not exist, an unknown field and one field for two columns, in Chinese', () => {
    expect(messageOf(() => applyMappingChanges(mapping, { '9': 'name' }, 4, UNIT_IMPORT_SPEC))).toBe(
      '列映射：第 10 列不存在（文件共 4 列）',
    );
    expect(messageOf(() => applyMappingChanges(mapping, { '2': 'badgeNo' }, 4, UNIT_IMPORT_SPEC))).toBe(
      '列映射：「badgeNo」不是可导入的字段',
    );
    expect(messageOf(() => applyMappingChanges(mapping, { '2': 'uscc', '3': 'uscc' }, 4, UNIT_IMPORT_SPEC))).toBe(
      '列映射：「统一社会信用代码」同时指定给了第 3 列和第 4 列，每个字段只能对应一列',
    );
  });

  it('ignores stored fields the import no longer knows instead of failing', () => {
    expect(mappedColumns({ '0': 'name', '1': 'retired_field' }, UNIT_IMPORT_SPEC)).toEqual([{ index: 0, field: 'name' }]);
  });
});

describe('recognizeColumns', () => {
  it('recognises the usual inspector headers, best synonym first, leftmost on a tie', () => {
    const columns = recognizeColumns(
      ['序号', '姓名', '工号', '警号', '执法证号', '有效期至', '手机', '电话'],
      INSPECTOR_HEADER_SYNONYMS,
    );
    expect(columns).toEqual([
      { index: 1, field: 'name' },
      { index: 3, field: 'badgeNo' },
      { index: 4, field: 'certificateNo' },
      { index: 5, field: 'certificateValidUntil' },
      { index: 6, field: 'phone' },
    ]);
    expect(missingRequiredFields(mappingFromColumns(8, columns), INSPECTOR_IMPORT_SPEC)).toEqual([]);
  });

  it('has no header that two inspector fields claim', () => {
    const owners = new Map<string, string>();
    for (const [field, synonyms] of Object.entries(INSPECTOR_HEADER_SYNONYMS)) {
      for (const s of synonyms) {
        expect(owners.get(s) ?? field, s).toBe(field);
        owners.set(s, field);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { issueMessages, sweepContracts } from './contract-test-helpers.ts';
import {
  CommitImportRequest,
  UpdateImportMappingRequest,
  UploadInspectorsQuery,
  UploadSnapshotQuery,
  UploadUnitsQuery,
} from './imports.ts';

const ID = '0b7f3c9e-5d1a-4c2b-9e8f-123456789abc';

const VALID: [string, z.ZodType, unknown][] = [
  ['UploadUnitsQuery', UploadUnitsQuery, { brigadeId: ID, fileName: '社会单位.xlsx' }],
  ['UploadInspectorsQuery', UploadInspectorsQuery, { orgId: ID, fileName: '检查人员.csv' }],
  ['UploadSnapshotQuery', UploadSnapshotQuery, { brigadeId: ID, fileName: '市场监管名录.xlsx', full: 'true' }],
  ['UpdateImportMappingRequest', UpdateImportMappingRequest, { mapping: { '0': 'name', '1': 'uscc', '2': null } }],
  ['CommitImportRequest', CommitImportRequest, { mode: 'skip' }],
];

describe('import contracts', () => {
  sweepContracts(VALID);

  it('explains a bad column mapping', () => {
    expect(issueMessages(UpdateImportMappingRequest, { mapping: { A: 'name' } })).toEqual(['列映射：列序号应为数字']);
    expect(issueMessages(UpdateImportMappingRequest, { mapping: { '0': 7 } })).toEqual(['列映射：字段名应为文本或 null']);
    expect(issueMessages(UpdateImportMappingRequest, { mapping: { '0': 'f'.repeat(65) } })).toEqual([
      '列映射：字段名最多 64 个字符',
    ]);
    expect(issueMessages(UpdateImportMappingRequest, { mapping: ['name'] })).toEqual(['列映射：应为“列序号 → 字段名”的对象']);
    expect(issueMessages(UploadUnitsQuery, { brigadeId: ID, fileName: ['a.csv', 'b.csv'] })).toEqual(['文件名：必须提供']);
  });
});

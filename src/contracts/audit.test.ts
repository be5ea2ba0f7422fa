import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AuditListQuery } from './audit.ts';
import { issueMessages, sweepContracts } from './contract-test-helpers.ts';

const VALID: [string, z.ZodType, unknown][] = [
  [
    'AuditListQuery',
    AuditListQuery,
    { page: '2', pageSize: '50', action: 'account.create', q: '张三', from: '2026-01-01', to: '2026-01-31' },
  ],
];

describe('audit contracts', () => {
  sweepContracts(VALID);

  it('names the filter at fault', () => {
    expect(issueMessages(AuditListQuery, { action: 'a'.repeat(65) })).toEqual(['操作类型：最多 64 个字符']);
    expect(issueMessages(AuditListQuery, { action: ['a', 'b'] })).toEqual(['操作类型：必须是文本']);
    expect(issueMessages(AuditListQuery, { q: ['a', 'b'] })).toEqual(['关键字：必须是文本']);
    expect(issueMessages(AuditListQuery, { from: '2026/01/01' })).toEqual(['开始时间：应为 YYYY-MM-DD 格式的日期']);
    expect(issueMessages(AuditListQuery, { page: '0' })).toEqual(['页码：至少为 1']);
  });
});

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AccountListQuery,
  CreateAccountRequest,
  ResetPasswordRequest,
  SetAccountStatusRequest,
  UpdateAccountRequest,
} from './accounts.ts';
import { issueMessages, sweepContracts } from './contract-test-helpers.ts';

const ID = '0b7f3c9e-5d1a-4c2b-9e8f-123456789abc';

const VALID: [string, z.ZodType, unknown][] = [
  ['AccountListQuery', AccountListQuery, { page: '1', pageSize: '20', q: '张', role: 'inspector', orgId: ID, status: 'active' }],
  [
    'CreateAccountRequest',
    CreateAccountRequest,
    { username: 'zhangsan', displayName: '张三', role: 'inspector', orgId: ID, password: 'Init2026pass' },
  ],
  ['UpdateAccountRequest', UpdateAccountRequest, { displayName: '张三', role: 'brigade_admin', orgId: ID }],
  ['SetAccountStatusRequest', SetAccountStatusRequest, { disabled: true, reason: '调离' }],
  ['ResetPasswordRequest', ResetPasswordRequest, { password: 'Reset2026pass' }],
];

describe('account contracts', () => {
  sweepContracts(VALID);

  it('states the password limit and asks for a change when there is none', () => {
    const long = 'a'.repeat(257);
    const create = { username: 'zhangsan', displayName: '张三', role: 'inspector', orgId: ID, password: long };
    expect(issueMessages(CreateAccountRequest, create)).toEqual(['初始密码：最多 256 个字符']);
    expect(issueMessages(ResetPasswordRequest, { password: long })).toEqual(['新密码：最多 256 个字符']);
    expect(issueMessages(AccountListQuery, { q: ['a', 'b'] })).toEqual(['关键字：必须是文本']);
    // No field at fault: the server answers 「请求：请至少修改一项」 (server/errors.ts).
    expect(issueMessages(UpdateAccountRequest, {})).toEqual(['请至少修改一项']);
  });
});

import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ChangePasswordRequest, LoginRequest } from './auth.ts';
import { issueMessages, sweepContracts } from './contract-test-helpers.ts';

const VALID: [string, z.ZodType, unknown][] = [
  ['LoginRequest', LoginRequest, { username: 'zhangsan', password: 'Init2026pass' }],
  ['ChangePasswordRequest', ChangePasswordRequest, { currentPassword: 'Init2026pass', newPassword: 'New2026pass' }],
];

describe('auth contracts', () => {
  sweepContracts(VALID);

  it('says which password is too long', () => {
    const long = 'a'.repeat(257);
    expect(issueMessages(ChangePasswordRequest, { currentPassword: long, newPassword: 'New2026pass' })).toEqual([
      '当前密码：过长',
    ]);
    expect(issueMessages(ChangePasswordRequest, { currentPassword: 'Init2026pass', newPassword: long })).toEqual([
      '新密码：过长',
    ]);
  });
});

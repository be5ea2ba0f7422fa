import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ChangePasswordRequest, LoginRequest } from './auth.ts';
import { issueMessages, messagesNotInChinese } from './contract-test-helpers.ts';

const VALID: [string, z.ZodType, unknown][] = [
  ['LoginRequest', LoginRequest, { username: 'zhangsan', password: 'Init2026pass' }],
  ['ChangePasswordRequest', ChangePasswordRequest, { currentPassword: 'Init2026pass', newPassword: 'New2026pass' }],
];

describe('auth contracts', () => {
  it.each(VALID)('%s accepts a valid request', (_, schema, sample) => {
    expect(schema.safeParse(sample).error?.issues).toBeUndefined();
  });

  it.each(VALID)('%s answers every bad value in Chinese, naming the field', (_, schema, sample) => {
    expect(messagesNotInChinese(schema, sample)).toEqual([]);
  });

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

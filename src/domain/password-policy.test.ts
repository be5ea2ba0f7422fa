import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy.ts';

describe('password policy', () => {
  it('accepts a password with letters and digits of eight or more characters', () => {
    expect(checkPasswordPolicy('Xiaofang2026', 'wucheng')).toBeNull();
  });
  it('explains in Chinese why a password is refused', () => {
    expect(checkPasswordPolicy('abc123', 'u')).toBe('密码至少 8 个字符');
    expect(checkPasswordPolicy('abcdefghij', 'u')).toBe('密码须同时包含字母和数字');
    expect(checkPasswordPolicy('wucheng2026', 'wucheng')).toBe('密码不能包含用户名');
  });
});

/**
 * Password rule for every account: 8–128 characters, with letters and digits, and not containing the
 * user name. Returns the Chinese reason, or null when the password is acceptable.
 */
export function checkPasswordPolicy(password: string, username: string): string | null {
  if (password.length < 8) return '密码至少 8 个字符';
  if (password.length > 128) return '密码最多 128 个字符';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码须同时包含字母和数字';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

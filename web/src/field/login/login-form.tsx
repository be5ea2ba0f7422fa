import type { SessionInfo } from '@contracts/auth.ts';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { Banner, Button, TextField } from '../components/ui.tsx';
import { logIn } from '../lib/field-api.ts';

/** 用户名 + 密码 against /api/auth/login: the same session cookie and CSRF token as the desk web. */
export function LoginForm({ onLoggedIn, username: fixedUsername }: { onLoggedIn: (session: SessionInfo) => void; username?: string }) {
  const [username, setUsername] = useState(fixedUsername ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('请输入用户名和密码');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = await logIn({ username: username.trim(), password });
      if (session.account.mustChangePassword) {
        setError('此账号仍在使用初始密码：请先在电脑上登录系统修改密码，再使用现场检查。');
        return;
      }
      if (fixedUsername && session.account.username !== fixedUsername) {
        setError(`请使用本机当前账号「${fixedUsername}」登录`);
        return;
      }
      onLoggedIn(session);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : '登录失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login-form" onSubmit={submit} noValidate>
      {error ? <Banner kind="error">{error}</Banner> : null}
      <TextField label="用户名" value={username} onChange={setUsername} autoComplete="username" maxLength={64} />
      <TextField label="密码" type="password" value={password} onChange={setPassword} autoComplete="current-password" maxLength={256} />
      <Button type="submit" kind="primary" block disabled={busy}>
        {busy ? '正在登录…' : '登录'}
      </Button>
    </form>
  );
}

import type { SessionInfo } from '@contracts/auth.ts';
import { Banner } from '../components/ui.tsx';
import { LoginForm } from './login-form.tsx';

export function LoginPage({ note, onLoggedIn }: { note: string | null; onLoggedIn: (session: SessionInfo) => void }) {
  return (
    <div className="login-page">
      <div className="login-card">
        <img src="/field-icon.svg" alt="" width={64} height={64} />
        <h1>消防监督检查</h1>
        <p className="muted">执法检查人员现场检查 · 离线可用</p>
        {note ? <Banner kind="info">{note}</Banner> : null}
        <LoginForm onLoggedIn={onLoggedIn} />
      </div>
    </div>
  );
}

import { useState } from 'react';
import { Screen } from '../components/screen.tsx';
import { Banner, Button, Section } from '../components/ui.tsx';
import { formatChinaMinute } from '../lib/dates.ts';
import { LoginForm } from '../login/login-form.tsx';
import { formatBytes } from '../storage/storage-errors.ts';
import { useField } from './field-context.ts';

/** The account, the device's storage, the app version check, and logging out (refused while anything is unsent). */
export function MePage() {
  const { session, storage, logOut, loginExpired, setLoginExpired, sendNow, update, bundle, online } = useField();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Screen title="我的">
      {loginExpired ? (
        <Section title="重新登录">
          <LoginForm
            username={session.account.username}
            onLoggedIn={() => {
              setLoginExpired(false);
              void sendNow();
            }}
          />
        </Section>
      ) : null}
      <Section title="账号">
        <dl className="facts">
          <dt>姓名</dt>
          <dd>{session.account.displayName}</dd>
          <dt>用户名</dt>
          <dd>{session.account.username}</dd>
          <dt>单位</dt>
          <dd>{session.org.name}</dd>
          <dt>任务更新于</dt>
          <dd>{bundle ? formatChinaMinute(bundle.savedAt) : '尚未下载'}</dd>
        </dl>
      </Section>
      <Section title="本机存储">
        {storage ? (
          <dl className="facts">
            <dt>已用空间</dt>
            <dd>{storage.quota > 0 ? `${formatBytes(storage.usage)} / 可用 ${formatBytes(storage.quota)}` : '无法读取'}</dd>
            <dt>长期保存</dt>
            <dd>{storage.persisted === true ? '已允许（浏览器不会自动清除）' : storage.persisted === false ? '未允许' : '无法确认'}</dd>
          </dl>
        ) : (
          <p className="muted">正在读取…</p>
        )}
        {storage?.persisted !== true ? (
          <Banner kind="warn">浏览器可能在长期不用时清除本机数据：请把本应用「添加到主屏幕」，并及时发送记录。</Banner>
        ) : null}
      </Section>
      <Section title="应用版本">
        {update?.waiting ? (
          <Button kind="primary" onClick={update.apply}>
            更新到新版本
          </Button>
        ) : (
          <Button onClick={() => update?.check()} disabled={!online || !update}>
            检查更新
          </Button>
        )}
      </Section>
      <Section title="退出登录">
        {message ? <Banner kind="warn">{message}</Banner> : null}
        <Button
          kind="danger"
          block
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setMessage(await logOut());
            setBusy(false);
          }}
        >
          退出登录
        </Button>
      </Section>
    </Screen>
  );
}

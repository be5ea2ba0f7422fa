import type { ReactNode } from 'react';
import { useField } from '../app/field-context.ts';
import type { Route } from '../app/routes.ts';
import { isUnsent } from '../outbox/send-record.ts';
import { Badge, Banner, Button } from './ui.tsx';

/**
 * Every screen: a header (back, title), the notices that concern the whole app (offline, storage, login expired,
 * a new version), the content, and the bottom bar whose 「待发送」 shows the unsent count everywhere.
 */
export function Screen({ title, back, children, actions }: { title: string; back?: Route; children: ReactNode; actions?: ReactNode }) {
  const { navigate, online, notice, loginExpired, update, outbox, route, storage } = useField();
  const unsent = outbox.filter(isUnsent).length;
  const tab = route.name === 'outbox' ? 'outbox' : route.name === 'me' ? 'me' : 'tasks';
  return (
    <div className="screen">
      <header className="topbar">
        {back ? (
          <button type="button" className="topbar-back" onClick={() => navigate(back)} aria-label="返回">
            ‹ 返回
          </button>
        ) : (
          <span className="topbar-brand" aria-hidden="true">
            消防监督检查
          </span>
        )}
        <h1>{title}</h1>
        <span className="topbar-actions">{actions}</span>
      </header>
      <div className="notices">
        {!online ? <Banner kind="warn">当前离线：填写的内容保存在本机，联网后自动发送。</Banner> : null}
        {notice ? <Banner kind="error">{notice}</Banner> : null}
        {storage?.low ? <Banner kind="warn">手机存储空间快用完了：请尽快发送待发送的记录。</Banner> : null}
        {loginExpired ? (
          <Banner kind="warn">
            登录已失效：记录仍保存在本机。
            <Button kind="link" onClick={() => navigate({ name: 'me' })}>
              重新登录
            </Button>
            后即可发送。
          </Banner>
        ) : null}
        {/* Never reload over a form: on the record screen the update waits until the inspector leaves it. */}
        {update?.waiting && route.name !== 'record' ? (
          <Banner kind="info">
            有新版本可用。
            <Button kind="link" onClick={update.apply}>
              立即更新
            </Button>
          </Banner>
        ) : null}
      </div>
      <main className="content">{children}</main>
      <nav className="tabbar" aria-label="主导航">
        <a href="/field/" className={tab === 'tasks' ? 'active' : ''} aria-current={tab === 'tasks' ? 'page' : undefined} onClick={(e) => go(e, () => navigate({ name: 'tasks', tab: 'today' }))}>
          任务
        </a>
        <a href="/field/outbox" className={tab === 'outbox' ? 'active' : ''} aria-current={tab === 'outbox' ? 'page' : undefined} onClick={(e) => go(e, () => navigate({ name: 'outbox' }))}>
          待发送
          <Badge count={unsent} label="待发送" />
        </a>
        <a href="/field/me" className={tab === 'me' ? 'active' : ''} aria-current={tab === 'me' ? 'page' : undefined} onClick={(e) => go(e, () => navigate({ name: 'me' }))}>
          我的
        </a>
      </nav>
    </div>
  );
}

function go(event: React.MouseEvent, action: () => void) {
  event.preventDefault();
  action();
}

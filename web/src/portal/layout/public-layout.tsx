import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { documentTitle, SYSTEM_NAME } from '../../lib/constants.ts';

/** The portal's header navigation; each public section adds its entry here. */
const PORTAL_NAV: { to: string; label: string }[] = [
  { to: '/', label: '首页' },
  { to: '/portal/items', label: '抽查事项' },
  { to: '/portal/plans', label: '抽查计划' },
  { to: '/portal/draws', label: '抽取结果' },
];

/** Header, content column and footer of the public pages (portal home and login). */
export function PublicLayout({ title, children }: { title?: string; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <title>{title ? documentTitle(title) : SYSTEM_NAME}</title>
      <Layout.Header className="portal-header">
        <Link to="/" className="portal-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{SYSTEM_NAME}</span>
        </Link>
        <nav aria-label="门户导航" style={{ display: 'flex', gap: 4, flex: 1, minWidth: 0, overflowX: 'auto' }}>
          {PORTAL_NAV.map((entry) => {
            const active = entry.to === '/' ? pathname === '/' : pathname === entry.to || pathname.startsWith(`${entry.to}/`);
            return (
              <Link
                key={entry.to}
                to={entry.to}
                aria-current={active ? 'page' : undefined}
                style={{ color: '#fff', padding: '0 12px', whiteSpace: 'nowrap', opacity: active ? 1 : 0.8, fontWeight: active ? 600 : 400, borderBottom: active ? '2px solid #fff' : '2px solid transparent' }}
              >
                {entry.label}
              </Link>
            );
          })}
        </nav>
        {pathname === '/login' ? (
          <Link to="/" className="portal-header-link">
            返回首页
          </Link>
        ) : (
          <Link to="/login" className="portal-header-link">
            登录
          </Link>
        )}
      </Layout.Header>
      <Layout.Content>
        <main className="portal-content">{children}</main>
      </Layout.Content>
      <Layout.Footer className="portal-footer">
        <div>{SYSTEM_NAME}</div>
        <div>随机抽取检查对象 · 随机选派执法检查人员 · 抽查情况及查处结果及时向社会公开</div>
      </Layout.Footer>
    </Layout>
  );
}

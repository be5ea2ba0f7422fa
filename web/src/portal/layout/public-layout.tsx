import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { documentTitle, SYSTEM_NAME } from '../../lib/constants.ts';

/** The portal's header navigation; each public section adds its entry here. */
const PORTAL_NAV: { to: string; label: string }[] = [
  { to: '/', label: '首页' },
  { to: '/portal/items', label: '抽查事项' },
  { to: '/portal/plans', label: '抽查计划' },
  { to: '/portal/draws', label: '抽取结果' },
  { to: '/portal/results', label: '抽查结果' },
  { to: '/portal/algorithm', label: '抽取算法' },
  { to: '/portal/open-data', label: '开放数据' },
];

const isActive = (to: string, pathname: string) =>
  to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);

/**
 * On a phone (below 768 px, styles.css) the bar would show only its first entry: 「菜单」 opens the sections in a
 * drawer instead, each a full-width row a thumb can hit, and 登录 last.
 */
function PhoneMenu({ pathname }: { pathname: string }) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button className="portal-menu-button" icon={<MenuOutlined />} aria-expanded={open} onClick={() => setOpen(true)}>
        菜单
      </Button>
      <Drawer open={open} onClose={close} title="门户导航" placement="right" size={280} styles={{ body: { padding: 0 } }}>
        <nav aria-label="门户导航（菜单）">
          <ul className="portal-menu">
            {PORTAL_NAV.map((entry) => (
              <li key={entry.to}>
                <Link to={entry.to} onClick={close} aria-current={isActive(entry.to, pathname) ? 'page' : undefined}>
                  {entry.label}
                </Link>
              </li>
            ))}
            <li className="portal-menu-login">
              <Link to="/login" onClick={close} aria-current={pathname === '/login' ? 'page' : undefined}>
                登录
              </Link>
            </li>
          </ul>
        </nav>
      </Drawer>
    </>
  );
}

/** Header, content column and footer of the public pages (portal home and login). */
export function PublicLayout({ title, children }: { title?: string; children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <title>{title ? documentTitle(title) : SYSTEM_NAME}</title>
      <Layout.Header className="portal-header no-print">
        <Link to="/" className="portal-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{SYSTEM_NAME}</span>
        </Link>
        <nav aria-label="门户导航" className="portal-nav">
          {PORTAL_NAV.map((entry) => {
            const active = isActive(entry.to, pathname);
            return (
              <Link
                key={entry.to}
                to={entry.to}
                aria-current={active ? 'page' : undefined}
                style={{
                  color: '#fff',
                  padding: '0 12px',
                  whiteSpace: 'nowrap',
                  opacity: active ? 1 : 0.8,
                  fontWeight: active ? 600 : 400,
                  borderBottom: active ? '2px solid #fff' : '2px solid transparent',
                }}
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
        <PhoneMenu pathname={pathname} />
      </Layout.Header>
      <Layout.Content>
        <main className="portal-content">{children}</main>
      </Layout.Content>
      <Layout.Footer className="portal-footer no-print">
        <div>{SYSTEM_NAME}</div>
        <div>随机抽取检查对象 · 随机选派执法检查人员 · 抽查情况及查处结果及时向社会公开</div>
      </Layout.Footer>
    </Layout>
  );
}

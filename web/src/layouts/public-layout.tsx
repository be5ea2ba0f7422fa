import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { documentTitle, SYSTEM_NAME } from '../lib/constants.ts';

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

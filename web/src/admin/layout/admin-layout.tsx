import {
  DownOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MenuProps } from 'antd';
import { Button, Dropdown, Flex, Layout, Menu, Tag } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { logout, sessionQuery } from '../../api/auth.ts';
import { isUnauthenticated } from '../../api/client.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageSpin } from '../../components/page-spin.tsx';
import { useApiErrorHandler } from '../../hooks/use-api-error.ts';
import { SYSTEM_NAME } from '../../lib/constants.ts';
import { createSessionState, SessionContext, useSession } from '../../session/session-context.ts';
import { buildMenuItems, MENU_GROUP_KEYS, selectedMenuKey } from './admin-menu.tsx';

const PASSWORD_PATH = '/admin/password';

/** Loads the session (GET /api/auth/me) and renders the admin shell; without a session the client goes to login. */
export default function AdminLayout() {
  const { data, error, refetch } = useQuery(sessionQuery);
  const state = useMemo(() => (data ? createSessionState(data) : null), [data]);

  if (state) {
    return (
      <SessionContext value={state}>
        <AdminShell />
      </SessionContext>
    );
  }
  if (error && !isUnauthenticated(error)) {
    return (
      <div className="full-page-center">
        <LoadFailed title="无法加载登录信息" onRetry={() => void refetch()} />
      </div>
    );
  }
  return <PageSpin fullPage />;
}

function AdminShell() {
  const { session, can, canChange } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [isMobile, setIsMobile] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const isInspector = session.account.inspectorId !== null;
  const role = session.account.role;
  const menuItems = useMemo(() => buildMenuItems(can, canChange, isInspector, role), [can, canChange, isInspector, role]);

  const closeOnMobile = () => {
    if (isMobile) setCollapsed(true);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="admin-header">
        <Button
          type="text"
          className="admin-header-trigger"
          icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          aria-label={collapsed ? '展开菜单' : '收起菜单'}
          onClick={() => setCollapsed((value) => !value)}
        />
        <span className="admin-header-title">{SYSTEM_NAME}</span>
        <HeaderAccount compact={isMobile} />
      </Layout.Header>
      <Layout hasSider style={{ position: 'relative' }}>
        <Layout.Sider
          theme="light"
          width={208}
          breakpoint="md"
          collapsedWidth={isMobile ? 0 : 64}
          collapsible
          collapsed={collapsed}
          trigger={null}
          onBreakpoint={(broken) => {
            setIsMobile(broken);
            setCollapsed(broken);
          }}
          className={isMobile ? 'admin-sider-overlay' : undefined}
        >
          <nav aria-label="后台菜单">
            <Menu
              mode="inline"
              items={menuItems}
              selectedKeys={[selectedMenuKey(pathname)]}
              defaultOpenKeys={MENU_GROUP_KEYS}
              onClick={({ key }) => {
                void navigate(key);
                closeOnMobile();
              }}
              style={{ borderInlineEnd: 'none' }}
            />
          </nav>
        </Layout.Sider>
        {isMobile && !collapsed ? <div className="admin-sider-backdrop" aria-hidden onClick={closeOnMobile} /> : null}
        <Layout.Content className="admin-content">
          {session.account.mustChangePassword && pathname !== PASSWORD_PATH ? (
            <Navigate to={PASSWORD_PATH} replace />
          ) : (
            <Suspense fallback={<PageSpin />}>
              <Outlet />
            </Suspense>
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Org, role and the account menu (修改密码 / 退出登录) on the right of the header. */
function HeaderAccount({ compact }: { compact: boolean }) {
  const { session } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const logoutMutation = useMutation({
    mutationFn: logout,
    onSuccess: () => {
      queryClient.clear();
      void navigate('/login', { replace: true });
    },
    onError: (error) => handleError(error),
  });

  const items: MenuProps['items'] = [
    { key: 'password', icon: <LockOutlined />, label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', disabled: logoutMutation.isPending },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate(PASSWORD_PATH);
    if (key === 'logout') logoutMutation.mutate();
  };

  return (
    <Flex align="center" gap={8} style={{ flexShrink: 0, minWidth: 0 }}>
      {compact ? null : <span className="admin-header-org">{session.org.name}</span>}
      {compact ? null : <Tag color="blue">{session.account.roleLabel}</Tag>}
      {session.readOnly ? <Tag color="orange">只读</Tag> : null}
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button type="text" className="admin-header-user" icon={<UserOutlined />}>
          {session.account.displayName}
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
    </Flex>
  );
}

import { AuditOutlined, ApartmentOutlined, DashboardOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../session/session-context.ts';

type MenuPage = { path: string; label: string; icon: ReactNode; permission?: Permission };
type MenuGroup = { key: string; label: string; icon: ReactNode; children: MenuPage[] };
type MenuEntry = MenuPage | MenuGroup;

/** The admin navigation. Add a module here when its page exists; entries without permission are hidden. */
const ADMIN_MENU: MenuEntry[] = [
  { path: '/admin', label: '工作台', icon: <DashboardOutlined /> },
  {
    key: 'system',
    label: '系统管理',
    icon: <SettingOutlined />,
    children: [
      { path: '/admin/accounts', label: '账号管理', icon: <TeamOutlined />, permission: 'accounts.read' },
      { path: '/admin/orgs', label: '机构管理', icon: <ApartmentOutlined />, permission: 'orgs.read' },
      { path: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit.read' },
    ],
  },
];

type MenuItems = NonNullable<MenuProps['items']>;

/** Menu items for antd Menu (keyed by path), keeping only pages the session may open. */
export function buildMenuItems(can: (permission: Permission) => boolean): MenuItems {
  const allowed = (page: MenuPage) => !page.permission || can(page.permission);
  const toItem = (page: MenuPage) => ({ key: page.path, label: page.label, icon: page.icon });
  return ADMIN_MENU.flatMap((entry): MenuItems => {
    if (!('children' in entry)) return allowed(entry) ? [toItem(entry)] : [];
    const children = entry.children.filter(allowed).map(toItem);
    return children.length ? [{ key: entry.key, label: entry.label, icon: entry.icon, children }] : [];
  });
}

/** Group keys, so groups start open. */
export const MENU_GROUP_KEYS = ADMIN_MENU.flatMap((entry) => ('children' in entry ? [entry.key] : []));

const ADMIN_HOME = '/admin';

/** The menu key for a location: the menu page it is on or under (工作台 only for /admin itself). */
export function selectedMenuKey(pathname: string): string {
  const paths = ADMIN_MENU.flatMap((entry) => ('children' in entry ? entry.children : [entry])).map((p) => p.path);
  return paths.find((path) => pathname === path || (path !== ADMIN_HOME && pathname.startsWith(`${path}/`))) ?? '';
}

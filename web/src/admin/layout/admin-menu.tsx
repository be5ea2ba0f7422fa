import {
  ApartmentOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CommentOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileWordOutlined,
  SafetyCertificateOutlined,
  MailOutlined,
  NotificationOutlined,
  FlagOutlined,
  IdcardOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  ThunderboltOutlined,
  FieldTimeOutlined,
  ProfileOutlined,
  UserOutlined,
  PhoneOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../../session/session-context.ts';

type MenuPage = {
  path: string;
  label: string;
  icon: ReactNode;
  permission?: Permission;
  /** The page only changes data: hidden from read-only sessions even when they hold the permission. */
  changesData?: boolean;
  /** Only for an account that is an inspector (我的任务): others have no tasks of their own. */
  inspectorOnly?: boolean;
  /** Only for these roles (回访评价与投诉: 纪检 and the system administrator; the server refuses the rest). */
  roles?: readonly string[];
};
type MenuGroup = { key: string; label: string; icon: ReactNode; children: MenuPage[] };
type MenuEntry = MenuPage | MenuGroup;

/** Who reads the units' ratings and complaints (src/domain/publication/feedback-access.ts). */
export const FEEDBACK_ROLES = ['auditor', 'system_admin'] as const;

/** The admin navigation. Add a module here when its page exists; entries without permission are hidden. */
const ADMIN_MENU: MenuEntry[] = [
  { path: '/admin', label: '工作台', icon: <DashboardOutlined /> },
  {
    key: 'registry',
    label: '名录库',
    icon: <DatabaseOutlined />,
    children: [
      { path: '/admin/units', label: '检查对象', icon: <ShopOutlined />, permission: 'registry.read' },
      { path: '/admin/inspectors', label: '检查人员', icon: <IdcardOutlined />, permission: 'registry.read' },
      { path: '/admin/external-people', label: '专家与部门人员', icon: <SolutionOutlined />, permission: 'registry.read' },
      { path: '/admin/units/quality', label: '数据质量', icon: <ExperimentOutlined />, permission: 'registry.read' },
      {
        path: '/admin/imports',
        label: '导入',
        icon: <CloudUploadOutlined />,
        permission: 'registry.manage',
        changesData: true,
      },
    ],
  },
  {
    key: 'plans',
    label: '抽查计划',
    icon: <CarryOutOutlined />,
    children: [
      { path: '/admin/check-items', label: '抽查事项清单', icon: <UnorderedListOutlined />, permission: 'plans.read' },
      { path: '/admin/annual-plans', label: '年度计划', icon: <ScheduleOutlined />, permission: 'plans.read' },
      { path: '/admin/monthly-plans', label: '月度计划', icon: <CalendarOutlined />, permission: 'plans.read' },
      { path: '/admin/campaigns', label: '专项检查', icon: <FlagOutlined />, permission: 'plans.read' },
      { path: '/admin/trigger-events', label: '触发式线索', icon: <AlertOutlined />, permission: 'plans.read' },
    ],
  },
  {
    key: 'draws',
    label: '随机抽取',
    icon: <ThunderboltOutlined />,
    children: [
      { path: '/admin/draws', label: '抽取记录', icon: <FieldTimeOutlined />, permission: 'plans.read' },
      { path: '/admin/tasks', label: '抽查任务', icon: <ProfileOutlined />, permission: 'plans.read' },
      { path: '/admin/my-tasks', label: '我的任务', icon: <UserOutlined />, permission: 'plans.read', inspectorOnly: true },
      { path: '/admin/records', label: '检查记录', icon: <FileDoneOutlined />, permission: 'plans.read' },
      // The messages carry units' phone numbers: administrators and 纪检 (the server asks for draws.manage or audit.read).
      { path: '/admin/outbox', label: '消息发件箱', icon: <MailOutlined />, permission: 'audit.read' },
    ],
  },
  {
    key: 'enforcement',
    label: '隐患与执法',
    icon: <FileProtectOutlined />,
    children: [
      { path: '/admin/hazards', label: '隐患闭环', icon: <SafetyCertificateOutlined />, permission: 'plans.read' },
      { path: '/admin/documents', label: '执法文书', icon: <FileProtectOutlined />, permission: 'plans.read' },
      { path: '/admin/cases', label: '案件办理', icon: <AuditOutlined />, permission: 'plans.read' },
      { path: '/admin/publications', label: '公示管理', icon: <NotificationOutlined />, permission: 'plans.read' },
      { path: '/admin/self-checks', label: '十日、二十日检查', icon: <FileSearchOutlined />, permission: 'plans.read' },
      { path: '/admin/annual-report', label: '年度工作总结', icon: <FileWordOutlined />, permission: 'plans.read' },
    ],
  },
  {
    key: 'oversight',
    label: '统计监督',
    icon: <BarChartOutlined />,
    children: [
      { path: '/admin/statistics', label: '统计分析', icon: <BarChartOutlined />, permission: 'plans.read' },
      // 纪检 and the system administrator (decision 0026).
      { path: '/admin/callbacks', label: '纪检回访', icon: <PhoneOutlined />, permission: 'callbacks.read' },
      { path: '/admin/anomalies', label: '异常线索', icon: <WarningOutlined />, permission: 'callbacks.read' },
    ],
  },
  {
    key: 'system',
    label: '系统管理',
    icon: <SettingOutlined />,
    children: [
      { path: '/admin/accounts', label: '账号管理', icon: <TeamOutlined />, permission: 'accounts.read' },
      { path: '/admin/orgs', label: '机构管理', icon: <ApartmentOutlined />, permission: 'orgs.read' },
      { path: '/admin/dictionaries', label: '字典管理', icon: <BookOutlined />, permission: 'registry.read' },
      { path: '/admin/calendar', label: '工作日历', icon: <CalendarOutlined />, permission: 'orgs.read' },
      { path: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit.read' },
      { path: '/admin/feedback', label: '回访评价与投诉', icon: <CommentOutlined />, roles: FEEDBACK_ROLES },
    ],
  },
];

type MenuItems = NonNullable<MenuProps['items']>;

/** Menu items for antd Menu (keyed by path), keeping only pages the session may open. */
export function buildMenuItems(
  can: (permission: Permission) => boolean,
  canChange: (permission: Permission) => boolean = can,
  isInspector = false,
  role = '',
): MenuItems {
  const allowed = (page: MenuPage) =>
    (!page.inspectorOnly || isInspector) && (!page.roles || page.roles.includes(role)) && (!page.permission || (page.changesData ? canChange(page.permission) : can(page.permission)));
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

/**
 * The menu key for a location: the menu page it is on or under (工作台 only for /admin itself). The longest
 * match wins, so /admin/units/quality selects 数据质量 rather than 检查对象.
 */
export function selectedMenuKey(pathname: string): string {
  const paths = ADMIN_MENU.flatMap((entry) => ('children' in entry ? entry.children : [entry])).map((p) => p.path);
  const matches = paths.filter((path) => pathname === path || (path !== ADMIN_HOME && pathname.startsWith(`${path}/`)));
  return matches.reduce((best, path) => (path.length > best.length ? path : best), '');
}

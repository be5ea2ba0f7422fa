/** Every action the audit log records, with its Chinese label. Adding an action means adding it here. */
export const AUDIT_ACTION_LABELS = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.password_change': '修改本人密码',
  'account.create': '新建账号',
  'account.update': '修改账号',
  'account.disable': '停用账号',
  'account.enable': '启用账号',
  'account.password_reset': '重置账号密码',
  'org.create': '新建机构',
  'org.update': '修改机构',
  'zone.create': '新建协作区',
  'zone.update': '修改协作区',
  'system.bootstrap': '系统初始化',
  'system.seed_demo': '载入演示数据',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

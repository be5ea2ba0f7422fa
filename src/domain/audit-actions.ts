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
  'unit.create': '新建检查对象',
  'unit.update': '修改检查对象',
  'unit.status': '变更单位状态',
  'unit.bulk_status': '批量变更单位状态',
  'unit.transfer': '转移单位所属大队',
  'unit.flag': '标记待核实单位',
  'unit.unflag': '取消待核实标记',
  'dictionary.create': '新增字典项',
  'dictionary.update': '修改字典项',
  'inspector.create': '新建检查人员',
  'inspector.update': '修改检查人员',
  'inspector.availability': '登记请假/抽调/冻结',
  'inspector.availability_lift': '解除请假/抽调/冻结',
  'recusal.create': '登记回避',
  'recusal.revoke': '撤销回避',
  'external.create': '新增专家/部门人员',
  'external.update': '修改专家/部门人员',
  'import.commit': '导入名录文件',
  'import.refuse': '拒绝导入名录文件',
  'reconciliation.commit': '市场监管比对标记',
  'unit.export': '导出检查对象',
  'inspector.export': '导出检查人员',
  'calendar.update': '更新节假日安排',
  'system.bootstrap': '系统初始化',
  'system.seed_demo': '载入演示数据',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

/**
 * The audit log as 纪检 reads it: what kind of object an entry is about, and its summary as lines of Chinese
 * 「字段：值」 (a change as 「旧值 → 新值」), instead of `account/85063b53-…` and raw JSON. Pure; the entry itself
 * (and its hash) is never changed — this is only how it is shown.
 */
import { ORG_KIND_LABELS, ROLE_LABELS, ROLES, type Role } from './access.ts';
import { CHECK_METHOD_LABELS } from './check-items/check-item.ts';
import { UNIT_IMPORT_FIELD_LABELS } from './import/unit-import-fields.ts';
import { INSPECTION_KIND_LABELS } from './plans/eligibility-types.ts';
import { DEFAULT_STRATA } from './plans/plan-settings.ts';
import { CONCLUSION_LABELS, OUTBOX_CHANNEL_LABELS, RECORD_OUTCOME_LABELS, UNABLE_REASON_LABELS } from './records/record-labels.ts';
import {
  AVAILABILITY_KIND_LABELS,
  INSPECTOR_POST_LABELS,
  INSPECTOR_ROLE_LABELS,
  INSPECTOR_STATUS_LABELS,
} from './registry/inspector-rules.ts';
import { UNIT_CATEGORY_LABELS, UNIT_SOURCE_LABELS, UNIT_STATUS_LABELS } from './registry/unit-rules.ts';

export const AUDIT_TARGET_LABELS: Record<string, string> = {
  account: '账号',
  annual_plan: '年度计划',
  calendar_year: '工作日历',
  check_item: '抽查事项',
  collaboration_zone: '协作区',
  dictionary: '字典项',
  draw: '随机抽取',
  external_person: '专家/部门人员',
  import_batch: '导入文件',
  inspection_record: '检查记录',
  inspector: '检查人员',
  monthly_plan: '月度计划',
  org: '机构',
  recusal: '回避登记',
  special_campaign: '专项检查',
  system: '系统',
  task: '抽查任务',
  trigger_event: '触发式线索',
  unit: '检查对象',
  // Documents and the follow-up (decision 0023).
  case: '案件',
  document: '文书',
  hazard: '隐患',
  referral: '移送',
  sealing: '临时查封',
  publication: '公示条目',
  self_check_report: '十日、二十日检查报告',
  callback_round: '纪检回访抽取',
  unit_access: '单位查看页',
  exchange_batch: '数据交换批次',
};

/** Chinese names of the keys audit summaries use (top-level keys and the fields inside `changes`). */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  ...UNIT_IMPORT_FIELD_LABELS,
  // 数据交换 (decision 0027).
  periodFrom: '期间起',
  periodTo: '期间止',
  part: '分批序号',
  partCount: '分批数',
  itemCount: '条目数',
  jsonSha256: 'JSON 的 SHA-256',
  format: '格式',
  endpointUrl: '接收地址',
  creditPolicy: '信用规则',
  updatedUsccs: '更新信用等级（信用代码）',
  batches: '批次',
  id: '编号',
  ratedOn: '评定日期',
  batchId: '导入批次',
  row: '行号',
  // The default strata by name: summaries of plans and draws key quotas by stratum code.
  ...Object.fromEntries(DEFAULT_STRATA.map((s) => [s.code, s.name])),
  accounts: '账号',
  asOf: '数据截至',
  active: '启用',
  bodyHash: '记录内容哈希',
  // 纪检回访 (decision 0026).
  quarter: '季度',
  reached: '是否联系上',
  attempts: '联系次数',
  satisfaction: '满意度',
  conductReported: '反映执法人员不当行为',
  channel: '发送渠道',
  conclusion: '检查结论',
  corrects: '更正',
  hazards: '隐患数',
  task: '抽查任务',
  late: '迟延告知',
  lateReason: '迟延告知理由',
  message: '告知消息',
  noticeDeadline: '应告知日期',
  outcome: '检查结果',
  previousVisitDate: '原检查日期',
  // 一公开 (decision 0024): entries, their publication and withdrawal, the publication policy.
  inspectedOn: '检查日期',
  eventDate: '检查或决定日期',
  auto: '自动公示',
  checkDate: '检查日期',
  findingSummary: '检查发现',
  manual: '立即检查',
  revokedOn: '撤销日期',
  resultDays: '抽查结果公示期限（工作日）',
  penaltyDays: '行政处罚公示期限（工作日）',
  withdrawalDays: '撤回期限（工作日）',
  autoPublishAfterDays: '自动公示（天）',
  minorFineMax: '较低数额罚款上限（元）',
  minorDisplayMonths: '警告及较低数额罚款公示期（月）',
  displayYears: '其他行政处罚公示期（年）',
  publishPersonName: '公开自然人当事人姓名',
  // Documents and the follow-up (decision 0023): documents, hazards, cases, referral, sealing.
  case: '案件',
  caseId: '案件',
  closedOn: '结案日期',
  contentHash: '文书内容哈希',
  serviceDue: '送达期限',
  method: '送达方式',
  servedAt: '送达时间',
  files: '凭证文件',
  correctionDue: '改正期限',
  hazardsReturned: '退回待处理的隐患',
  notice: '责令改正通知书',
  requestedOn: '申请日期',
  request: '申请',
  noticeId: '责令改正通知书',
  originalTask: '原检查任务',
  decidedAt: '集体议决时间',
  decidedOn: '决定日期',
  deciders: '参加集体议决人员',
  department: '移送部门类别',
  departmentName: '接收部门',
  document: '文书',
  emergency: '紧急查封',
  event: '事由',
  how: '结案方式',
  letter: '移送函',
  liftedOn: '解除日期',
  note: '说明',
  number: '编号',
  openedOn: '立案日期',
  paidOn: '缴纳日期',
  party: '当事人',
  penalty: '处罚',
  places: '查封场所、部位',
  procedure: '办理程序',
  provision: '处罚依据',
  replaces: '更正的文书',
  reply: '回复内容',
  replyOn: '回复日期',
  sealedOn: '查封日期',
  sealedUntil: '查封期限至',
  sentOn: '移送日期',
  record: '检查记录',
  unitFlagged: '单位标记待核实',
  visitDate: '检查日期',
  // The inspected unit's own page (decision 0024).
  session: '查看会话',
  sha256: '文件 SHA-256',
  size: '文件大小（字节）',
  score: '评分',
  added: '新增',
  adminId: '管理员',
  adminUsername: '管理员用户名',
  alreadyFlagged: '原已标记',
  alternates: '备选单位',
  badgeNo: '警号',
  brigade: '大队',
  cancelledTasks: '取消的任务',
  candidates: '候选单位',
  capacity: '可承担任务数',
  capacityNote: '超出检查能力的说明',
  certificateNo: '执法证号',
  certificateValidFrom: '执法证生效日期',
  certificateValidUntil: '执法证有效期至',
  changeNote: '修订说明',
  changed: '变更',
  changes: '变更内容',
  checklist: '检查内容',
  code: '编号',
  color: '颜色',
  commitment: '承诺值',
  community: '所属社区',
  corpsName: '总队名称',
  confirmed: '已确认',
  conflicts: '不得指派的组合',
  created: '新建',
  createdBadges: '新建人员（警号）',
  demand: '计划尚需检查',
  disabled: '停用',
  disagrees: '与他人录入不一致',
  displayName: '姓名',
  divisionCode: '行政区划代码',
  drawId: '抽取编号',
  drawWeight: '抽取权重',
  dueDate: '完成期限',
  duty: '职务',
  effectiveOn: '生效日期',
  endsOn: '结束日期',
  entry: '录入',
  evidence: '证明材料',
  evidenceFiles: '证明文件',
  excluded: '不纳入单位',
  external: '外部随机源',
  fields: '字段',
  fileName: '文件名',
  fileSha256: '文件哈希',
  filter: '范围',
  flagged: '已标记',
  frequencyOverrideReason: '不受频次限制的理由',
  from: '原值',
  fromId: '原人员/单位',
  full: '全部',
  holidays: '节假日',
  inspector: '检查人员',
  inspectors: '检查人员',
  invalid: '无效',
  invalidRows: '无效行',
  kind: '类型',
  kindLabel: '类型',
  label: '名称',
  legalRepresentative: '法定代表人',
  manifestHash: '清单哈希',
  mode: '方式',
  month: '月份',
  name: '名称',
  national: '全国',
  newTask: '新任务',
  notes: '备注',
  observerId: '监督人编号',
  observers: '监督人',
  org: '机构',
  orgId: '所属机构',
  orgName: '机构',
  organization: '单位/部门',
  orgs: '机构',
  parentName: '上级机构',
  password: '密码',
  periodId: '期间',
  phone: '电话',
  post: '岗位',
  publishedAt: '发布时间',
  publishedOn: '发布日期',
  quota: '任务数',
  quotaLowered: '冻结时减少的任务数',
  quotas: '任务数',
  reason: '原因',
  reconciliationId: '比对批次',
  receivedOn: '收到日期',
  ref: '期号',
  reference: '编号',
  regenerated: '重新生成',
  registry: '名录库',
  removed: '删除',
  reordered: '调整顺序',
  result: '结果',
  reveal: '监督人密钥',
  resultHash: '结果哈希',
  revision: '修订次数',
  role: '角色',
  roles: '角色',
  rowCount: '行数',
  rowNumber: '行号',
  scale: '规模',
  seed: '种子',
  shortName: '简称',
  shortfall: '缺口',
  snapshotRows: '比对文件行数',
  sortOrder: '排序',
  source: '来源',
  specialties: '专业特长',
  startsOn: '开始日期',
  strata: '分层',
  stratum: '分层',
  tasks: '任务',
  team: '检查组',
  title: '职称',
  to: '新值',
  toFlag: '待标记',
  toId: '新人员/单位',
  totalRows: '总行数',
  type: '类型',
  unchanged: '未变',
  unit: '检查对象',
  unitId: '检查对象',
  units: '单位',
  unknownInRegistry: '名录库中没有的',
  updated: '更新',
  updatedBadges: '更新人员（警号）',
  username: '用户名',
  validFrom: '开始日期',
  validTo: '结束日期',
  value: '值',
  valueSha256: '值的哈希',
  version: '版本',
  warnings: '提示',
  wasExecuted: '作废前已执行',
  weight: '权重',
  workdays: '调休上班日',
  wouldBeResultPublished: '公开本应产生的结果',
  year: '年度',
};

export type AuditLine = { label: string; value: string };

const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/**
 * Codes that summaries record as values (a unit's category, an inspector's role, a kind of leave …), by key, in
 * Chinese. A value under another key, or a code not listed, is shown as it was recorded.
 */
const VALUE_LABELS_BY_KEY: Record<string, Record<string, string>> = {
  category: UNIT_CATEGORY_LABELS,
  source: UNIT_SOURCE_LABELS,
  role: { ...ROLE_LABELS, ...INSPECTOR_ROLE_LABELS },
  roles: INSPECTOR_ROLE_LABELS,
  post: INSPECTOR_POST_LABELS,
  method: CHECK_METHOD_LABELS,
  mode: { refuse: '有错误行时整批不导入', skip: '跳过错误行' },
  team: { kept: '沿用原检查组', drawn_for_the_alternate: '为备选单位另行抽取检查组' },
  kind: { ...AVAILABILITY_KIND_LABELS, ...INSPECTION_KIND_LABELS, ...ORG_KIND_LABELS, publications: '公示信息', credit: '信用推送' },
  registry: { units: '检查对象名录库', inspectors: '执法检查人员名录库', credit_grades: '信用等级' },
  format: { json: 'JSON', xlsx: 'Excel' },
  status: { ...UNIT_STATUS_LABELS, ...INSPECTOR_STATUS_LABELS },
  riskLevel: { high: '高', medium: '中', low: '低' },
  // Field work (decision 0020): a record's outcome and conclusion, why a task could not be inspected, a pre-notice's channel.
  outcome: RECORD_OUTCOME_LABELS,
  conclusion: CONCLUSION_LABELS,
  channel: OUTBOX_CHANNEL_LABELS,
  reason: UNABLE_REASON_LABELS,
};

/** A value of `key` in words: a known code by its Chinese name, anything else as {@link formatAuditValue} says it. */
export function formatAuditValueOf(key: string, value: unknown): string {
  const labels = VALUE_LABELS_BY_KEY[key];
  if (labels) {
    if (typeof value === 'string' && Object.hasOwn(labels, value)) return labels[value]!;
    if (Array.isArray(value)) return value.length === 0 ? '（空）' : value.map((v) => formatAuditValueOf(key, v)).join('、');
  }
  return formatAuditValue(value);
}

/** A value as Chinese text: 是/否, lists joined with 、, roles by name, nothing as （空）. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return value.toLocaleString('zh-CN');
  if (isRole(value)) return ROLE_LABELS[value];
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length === 0 ? '（空）' : value.map(formatAuditValue).join('、');
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${labelOf(k)} ${formatAuditValue(v)}`)
    .join('；');
}

const labelOf = (key: string) => AUDIT_FIELD_LABELS[key] ?? key;

/**
 * An entry's summary as lines: each key by its Chinese name; `changes` (`{field: [before, after]}`, see
 * changedFields) as one line per field 「字段：旧值 → 新值」. Keys without a Chinese name keep their key (a test keeps
 * the list complete for the summaries the use cases write).
 */
export function describeAuditSummary(summary: unknown): AuditLine[] {
  if (summary === null || typeof summary !== 'object' || Array.isArray(summary)) {
    return summary === null || summary === undefined ? [] : [{ label: '内容', value: formatAuditValue(summary) }];
  }
  const lines: AuditLine[] = [];
  for (const [key, value] of Object.entries(summary as Record<string, unknown>)) {
    if (key === 'changes' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [field, change] of Object.entries(value as Record<string, unknown>)) {
        const pair = Array.isArray(change) && change.length === 2;
        lines.push({
          label: labelOf(field),
          value: pair ? `${formatAuditValueOf(field, change[0])} → ${formatAuditValueOf(field, change[1])}` : formatAuditValueOf(field, change),
        });
      }
      continue;
    }
    lines.push({ label: labelOf(key), value: formatAuditValueOf(key, value) });
  }
  return lines;
}

/** Actions about signing in and out: folded away in the audit log unless asked for. */
export const LOGIN_ACTIONS = ['auth.login', 'auth.login_failed', 'auth.logout'] as const;

import { z } from 'zod';
import type { AdjustableQuota } from '../domain/plans/quota-adjustment.ts';
import { cleanText, uuidParam } from './common.ts';
import { UNIT_CATEGORY_VALUES } from './units.ts';

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}：必须是数字` })
    .int(`${label}：必须是整数`)
    .min(min, `${label}：不能小于 ${min}`)
    .max(max, `${label}：不能大于 ${max}`);

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}：必须是文本` })
    .trim()
    .max(max, `${label}：最多 ${max} 个字符`);

const triState = (label: string) => z.boolean({ error: `${label}：应为是、否或不限` }).nullable();

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
export const isoDateField = (label: string) =>
  z
    .string({ error: `${label}：必须是文本` })
    .regex(ISO_DATE, `${label}：应为 YYYY-MM-DD 格式的日期`)
    .refine(isRealDate, `${label}：不是有效的日期`);

export const StratumFilterInput = z.object({
  categories: z.array(z.enum(UNIT_CATEGORY_VALUES, { error: '单位类别：不在可选范围内' })).max(4),
  crowded: triState('人员密集场所'),
  flammable: triState('易燃易爆场所'),
  highRise: triState('高层建筑'),
  tagsAny: z.array(cleanText('标签', 40)).max(50),
  districtCodes: z.array(z.string().regex(/^\d{6}$/, '行政区划：应为 6 位数字')).max(100),
});

export const StratumRuleInput = z.object({
  code: z.string({ error: '分层代码：必须是文本' }).regex(/^[a-z][a-z0-9_]{0,31}$/, '分层代码：应为小写字母开头的字母、数字或下划线'),
  name: cleanText('分层名称', 40),
  enabled: z.boolean({ error: '是否启用：应为是或否' }),
  filter: StratumFilterInput,
  annualRatioBp: int('年度抽查比例', 0, 10_000).nullable(),
});

const weightMap = (label: string) => z.record(z.string().min(1).max(40), int(label, 1, 64));

export const PlanSettingsInput = z.object({
  checkItemCodes: z.array(z.string().trim().min(1).max(40)).max(50),
  strata: z.array(StratumRuleInput).min(1, '分层：至少一个').max(12, '分层：最多 12 个'),
  weights: z.object({
    risk: weightMap('风险等级权重'),
    credit: weightMap('信用等级权重'),
    triggeredFactor: int('触发式线索权重倍数', 1, 64),
  }),
  riskRatioAdjustmentsBp: z.record(z.string().min(1).max(40), int('风险比例调整', -10_000, 10_000)),
  frequency: z.object({
    maxPerYear: int('每自然年最多抽查次数', 1, 12),
    minIntervalMonths: int('最短间隔月数', 0, 12),
    coverageFirst: z.boolean({ error: '优先覆盖未检查单位：应为是或否' }),
  }),
  exclusions: z.object({
    categories: z.array(z.enum(UNIT_CATEGORY_VALUES, { error: '不纳入的类别：不在可选范围内' })).max(4),
    categoriesReason: optionalText('不纳入理由', 200),
    units: z.array(z.object({ unitId: uuidParam('不纳入的单位'), reason: cleanText('不纳入理由', 200) })).max(5000),
  }),
  capacity: z.object({ tasksPerInspectorDay: int('每人每日任务数', 1, 10) }),
  assignment: z.object({
    lead: int('主办人数', 1, 5),
    assistant: int('协办人数', 1, 5),
    backups: int('递补人数', 0, 10),
  }),
  alternatesPercent: int('备选单位比例', 0, 100),
  inspectorPool: z.enum(['brigade', 'zone'], { error: '检查人员来源：应为本大队或协作区' }),
});
export type PlanSettingsInput = z.infer<typeof PlanSettingsInput>;

export const CreateAnnualPlanRequest = z.object({
  orgId: uuidParam('制定单位'),
  year: int('年度', 2000, 2999),
  name: cleanText('计划名称', 100),
  /** Omitted: the defaults (src/domain/plans/plan-settings.ts). */
  settings: PlanSettingsInput.optional(),
});
export type CreateAnnualPlanRequest = z.infer<typeof CreateAnnualPlanRequest>;

export const UpdateAnnualPlanRequest = z.object({
  name: cleanText('计划名称', 100),
  settings: PlanSettingsInput,
  /** Required once the plan is published: the change is a revision, published with its reason. */
  reason: optionalText('修订理由', 500).optional(),
});
export type UpdateAnnualPlanRequest = z.infer<typeof UpdateAnnualPlanRequest>;

export const AnnualPlanListQuery = z.object({
  year: z.coerce.number({ error: '年度：必须是数字' }).int().min(2000).max(2999).optional(),
});

export const MonthParams = z.object({
  id: uuidParam('编号'),
  month: z.coerce.number({ error: '月份：必须是数字' }).int('月份：必须是整数').min(1, '月份：应为 1–12').max(12, '月份：应为 1–12'),
});

export const AdjustMonthlyPlanRequest = z.object({
  quotas: z
    .array(
      z.object({
        code: z.string().min(1).max(32),
        quota: int('本月任务数', 0, 100_000),
        reason: optionalText('调整理由', 200),
      }),
    )
    .max(12),
  notes: optionalText('备注', 1000),
  dueDate: isoDateField('任务完成期限'),
});
export type AdjustMonthlyPlanRequest = z.infer<typeof AdjustMonthlyPlanRequest>;

export const MonthlyPlanUnitsQuery = z.object({
  page: z.coerce.number({ error: '页码：必须是数字' }).int().min(1).default(1),
  pageSize: z.coerce.number({ error: '每页条数：必须是数字' }).int().min(1).max(200).default(20),
  /** 'candidate' or an exclusion reason code. */
  reason: z.string().max(40).default('candidate'),
  stratum: z.string().max(32).optional(),
});
export type MonthlyPlanUnitsQuery = z.infer<typeof MonthlyPlanUnitsQuery>;

export const CampaignRequest = z.object({
  orgId: uuidParam('制定单位'),
  name: cleanText('专项检查名称', 100),
  description: optionalText('说明', 2000),
  startsOn: isoDateField('开始日期'),
  endsOn: isoDateField('结束日期'),
  filter: StratumFilterInput,
  quota: int('抽查数量', 1, 100_000),
  alternatesPercent: int('备选单位比例', 0, 100),
  checkItemCodes: z.array(z.string().trim().min(1).max(40)).max(50),
  /** Set to override the frequency rules; the reason is published. Empty = the rules apply. */
  frequencyOverrideReason: optionalText('不受频次限制的理由', 500),
});
export type CampaignRequest = z.infer<typeof CampaignRequest>;

export const TriggerEventRequest = z.object({
  unitId: uuidParam('检查对象'),
  kind: z.enum(['complaint', 'report', 'bad_credit', 'incident'], { error: '线索类型：不在可选范围内' }),
  receivedOn: isoDateField('收到日期'),
  summary: cleanText('线索摘要', 1000),
  reference: optionalText('文号或编号', 100),
});
export type TriggerEventRequest = z.infer<typeof TriggerEventRequest>;

export const ReasonRequest = z.object({ reason: cleanText('理由', 500) });
export type ReasonRequest = z.infer<typeof ReasonRequest>;

// ---- views ----

/** A stratum's monthly quota as stored and shown: the computed figures and, when a person changed it, the reason. */
export type StratumQuotaView = AdjustableQuota;

export type CapacityView = {
  inspectorDays: number;
  tasksPerInspectorDay: number;
  inspectorsPerTask: number;
  capacity: number;
  demand: number;
  shortfall: number;
};

export type FeasibilityProblemView = { code: string; message: string; severity: 'error' | 'warning' };

export type EligibilitySummaryView = {
  on: string;
  computedAt: string;
  candidates: number;
  excluded: number;
  strata: { code: string; name: string; population: number; covered: number; candidates: number }[];
  excludedByReason: { reason: string; label: string; count: number }[];
};

export type MonthlyPlanSummary = {
  id: string;
  annualPlanId: string;
  orgId: string;
  orgName: string;
  year: number;
  month: number;
  status: 'draft' | 'published';
  statusLabel: string;
  totalQuota: number;
  dueDate: string;
  generatedAt: string;
  generatedByName: string;
  publishedAt: string | null;
};

export type MonthlyPlanView = MonthlyPlanSummary & {
  annualPlanName: string;
  annualRevision: number;
  quotas: StratumQuotaView[];
  capacity: CapacityView;
  eligibility: EligibilitySummaryView;
  problems: FeasibilityProblemView[];
  notes: string | null;
  canEdit: boolean;
};

export type AnnualPlanSummary = {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  name: string;
  status: 'draft' | 'published';
  statusLabel: string;
  revision: number;
  publishedAt: string | null;
  updatedAt: string;
};

export type AnnualPlanView = AnnualPlanSummary & {
  settings: PlanSettingsInput;
  monthlyPlans: MonthlyPlanSummary[];
  canEdit: boolean;
};

export type PlanUnitView = {
  id: string;
  name: string;
  uscc: string;
  address: string | null;
  categoryLabel: string;
  stratum: string | null;
  weight: number | null;
  reason: string | null;
  reasonLabel: string | null;
  lastInspectedOn: string | null;
};

export type CampaignView = {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  description: string | null;
  startsOn: string;
  endsOn: string;
  filter: z.infer<typeof StratumFilterInput>;
  quota: number;
  alternatesPercent: number;
  checkItemCodes: string[];
  frequencyOverrideReason: string;
  status: 'draft' | 'published';
  statusLabel: string;
  publishedAt: string | null;
  eligibility: { candidates: number; excluded: number; excludedByReason: { reason: string; label: string; count: number }[] } | null;
  quotaView: StratumQuotaView | null;
  canEdit: boolean;
};

export type TriggerEventView = {
  id: string;
  unitId: string;
  unitName: string;
  orgName: string;
  kind: string;
  kindLabel: string;
  receivedOn: string;
  summary: string;
  reference: string | null;
  open: boolean;
  closedAt: string | null;
  closeReason: string | null;
  createdAt: string;
};

/** The public portal: plans as published (quotas and rules, never unit lists before a draw). */
export type PublicPlanListView = {
  annual: (AnnualPlanSummary & { monthlyPlans: MonthlyPlanSummary[] })[];
  campaigns: Omit<CampaignView, 'eligibility' | 'quotaView' | 'canEdit'>[];
};

export type PublicAnnualPlanView = AnnualPlanSummary & {
  settings: PlanSettingsInput;
  monthlyPlans: MonthlyPlanSummary[];
};

export type PublicMonthlyPlanView = MonthlyPlanSummary & {
  annualPlanName: string;
  quotas: StratumQuotaView[];
  eligibility: EligibilitySummaryView;
  notes: string | null;
};

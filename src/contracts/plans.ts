import { z } from 'zod';
import type { AdjustableQuota } from '../domain/plans/quota-adjustment.ts';
import { TRIGGER_KINDS } from '../domain/plans/trigger-kinds.ts';
import { cleanText, isoDate, nameText, PageQuery, queryText, text, uuidParam } from './common.ts';
import { UNIT_CATEGORY_VALUES } from './units.ts';

export { TRIGGER_KIND_LABELS } from '../domain/plans/trigger-kinds.ts';

// Every schema here carries a Chinese message naming its field: zod's defaults are English and would reach the user.

const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}：必须是数字` })
    .int(`${label}：必须是整数`)
    .min(min, `${label}：不能小于 ${min}`)
    .max(max, `${label}：不能大于 ${max}`);

/** A whole number from a query string ("2026"). */
const queryInt = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label}：必须是数字` })
    .int(`${label}：必须是整数`)
    .min(min, `${label}：应在 ${min}–${max} 之间`)
    .max(max, `${label}：应在 ${min}–${max} 之间`);

const optionalText = (label: string, max: number) => text(label, { max, min: 0 });

const listOf = <T extends z.ZodType>(label: string, item: T, max: number, unit = '项') =>
  z.array(item, { error: `${label}：必须是列表` }).max(max, `${label}：最多 ${max} ${unit}`);

const group = <S extends z.ZodRawShape>(label: string, shape: S) => z.object(shape, { error: `${label}：格式不正确` });

/**
 * Code → value, e.g. risk level → weight. A bad key is reported by the record itself (invalid_key), carrying the key
 * schema's own issue, whose message is passed on.
 */
const codeMap = <V extends z.ZodType>(label: string, value: V) =>
  z.record(
    text(label, { max: 40, messages: { empty: `${label}：代码应为 1–40 个字符`, tooLong: `${label}：代码应为 1–40 个字符` } }),
    value,
    {
      error: (issue) =>
        issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? `${label}：代码应为 1–40 个字符`) : `${label}：格式不正确`,
    },
  );

const checkItemCodes = listOf(
  '抽查事项',
  text('抽查事项', {
    max: 40,
    messages: { type: '抽查事项：代码必须是文本', empty: '抽查事项：代码不能为空', tooLong: '抽查事项：代码最多 40 个字符' },
  }),
  50,
);

const triState = (label: string) => z.boolean({ error: `${label}：应为是、否或不限` }).nullable();

export const StratumFilterInput = group('筛选条件', {
  categories: listOf('单位类别', z.enum(UNIT_CATEGORY_VALUES, { error: '单位类别：不在可选范围内' }), 4),
  crowded: triState('人员密集场所'),
  flammable: triState('易燃易爆场所'),
  highRise: triState('高层建筑'),
  tagsAny: listOf('标签', cleanText('标签', 40), 50, '个'),
  districtCodes: listOf('行政区划', z.string({ error: '行政区划：必须是文本' }).regex(/^\d{6}$/, '行政区划：应为 6 位数字'), 100, '个'),
});

export const StratumRuleInput = group('分层', {
  code: z.string({ error: '分层代码：必须是文本' }).regex(/^[a-z][a-z0-9_]{0,31}$/, '分层代码：应为小写字母开头的字母、数字或下划线'),
  name: nameText('分层名称', 40),
  enabled: z.boolean({ error: '是否启用：应为是或否' }),
  filter: StratumFilterInput,
  annualRatioBp: int('年度抽查比例', 0, 10_000).nullable(),
});

const weightMap = (label: string) => codeMap(label, int(label, 1, 64));

export const PlanSettingsInput = group('计划规则', {
  checkItemCodes,
  strata: z.array(StratumRuleInput, { error: '分层：必须是列表' }).min(1, '分层：至少一个').max(12, '分层：最多 12 个'),
  weights: group('抽取权重', {
    risk: weightMap('风险等级权重'),
    credit: weightMap('信用等级权重'),
    triggeredFactor: int('触发式线索权重倍数', 1, 64),
    areas: z
      .array(
        group('区域风险权重', {
          kind: z.enum(['district', 'industry'], { error: '区域风险权重：类型应为行政区划或行业' }),
          code: z.string({ error: '区域风险权重：代码应为文字' }).regex(/^[0-9A-Za-z_-]{1,32}$/, '区域风险权重：代码应为 1–32 位字母、数字'),
          factor: int('区域风险权重倍数', 2, 8),
          fromMonth: z.string({ error: '区域风险权重：起始月份应为 YYYY-MM' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '区域风险权重：起始月份应为 YYYY-MM'),
          toMonth: z.string({ error: '区域风险权重：结束月份应为 YYYY-MM' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '区域风险权重：结束月份应为 YYYY-MM'),
          reason: cleanText('区域风险权重理由', 300),
        }),
        { error: '区域风险权重：必须是列表' },
      )
      .max(20, '区域风险权重：最多 20 条')
      .optional(),
  }),
  riskRatioAdjustmentsBp: codeMap('风险比例调整', int('风险比例调整', -10_000, 10_000)),
  frequency: group('抽查频次', {
    maxPerYear: int('每自然年最多抽查次数', 1, 12),
    minIntervalMonths: int('最短间隔月数', 0, 12),
    coverageFirst: z.boolean({ error: '优先覆盖未检查单位：应为是或否' }),
  }),
  exclusions: group('不纳入范围', {
    categories: listOf('不纳入的类别', z.enum(UNIT_CATEGORY_VALUES, { error: '不纳入的类别：不在可选范围内' }), 4),
    categoriesReason: optionalText('不纳入理由', 200),
    units: listOf(
      '不纳入的单位',
      group('不纳入的单位', { unitId: uuidParam('不纳入的单位'), reason: cleanText('不纳入理由', 200) }),
      5000,
      '个',
    ),
  }),
  capacity: group('检查力量', { tasksPerInspectorDay: int('每人每日任务数', 1, 10) }),
  assignment: group('检查人员配置', {
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
  name: nameText('计划名称', 100),
  /** Omitted: the defaults (src/domain/plans/plan-settings.ts). */
  settings: PlanSettingsInput.optional(),
});
export type CreateAnnualPlanRequest = z.infer<typeof CreateAnnualPlanRequest>;

export const UpdateAnnualPlanRequest = z.object({
  name: nameText('计划名称', 100),
  settings: PlanSettingsInput,
  /** Required once the plan is published: the change is a revision, published with its reason. */
  reason: optionalText('修订理由', 500).optional(),
});
export type UpdateAnnualPlanRequest = z.infer<typeof UpdateAnnualPlanRequest>;

export const PublishAnnualPlanRequest = z.object({
  /** Required when the plan asks for more inspections than the inspectors can do this year: why publish it as it is. */
  capacityNote: optionalText('超出检查能力的说明', 500).optional(),
});
export type PublishAnnualPlanRequest = z.infer<typeof PublishAnnualPlanRequest>;

export const AnnualPlanListQuery = z.object({
  year: queryInt('年度', 2000, 2999).optional(),
});
export type AnnualPlanListQuery = z.infer<typeof AnnualPlanListQuery>;

export const MonthlyPlanListQuery = z.object({
  year: queryInt('年度', 2000, 2999).optional(),
  month: queryInt('月份', 1, 12).optional(),
});
export type MonthlyPlanListQuery = z.infer<typeof MonthlyPlanListQuery>;

export const MonthParams = z.object({
  id: uuidParam('编号'),
  month: queryInt('月份', 1, 12),
});

export const AdjustMonthlyPlanRequest = z.object({
  quotas: listOf(
    '本月任务数',
    group('本月任务数', {
      code: text('分层代码', { max: 32, trim: false }),
      quota: int('本月任务数', 0, 100_000),
      reason: optionalText('调整理由', 200),
    }),
    12,
  ),
  notes: optionalText('备注', 1000),
  dueDate: isoDate('任务完成期限'),
});
export type AdjustMonthlyPlanRequest = z.infer<typeof AdjustMonthlyPlanRequest>;

export const MonthlyPlanUnitsQuery = PageQuery.extend({
  /** 'candidate' or an exclusion reason code. */
  reason: queryText('筛选', 40).default('candidate'),
  stratum: queryText('分层', 32).optional(),
});
export type MonthlyPlanUnitsQuery = z.infer<typeof MonthlyPlanUnitsQuery>;

export const CampaignRequest = z.object({
  orgId: uuidParam('制定单位'),
  name: nameText('专项检查名称', 100),
  description: optionalText('说明', 2000),
  startsOn: isoDate('开始日期'),
  endsOn: isoDate('结束日期'),
  filter: StratumFilterInput,
  quota: int('抽查数量', 1, 100_000),
  alternatesPercent: int('备选单位比例', 0, 100),
  checkItemCodes,
  /** Set to override the frequency rules; the reason is published. Empty = the rules apply. */
  frequencyOverrideReason: optionalText('不受频次限制的理由', 500),
});
export type CampaignRequest = z.infer<typeof CampaignRequest>;

export const TriggerEventRequest = z.object({
  unitId: uuidParam('检查对象'),
  kind: z.enum(TRIGGER_KINDS, { error: '线索类型：不在可选范围内' }),
  receivedOn: isoDate('收到日期'),
  summary: cleanText('线索摘要', 1000),
  reference: optionalText('文号或编号', 100),
});
export type TriggerEventRequest = z.infer<typeof TriggerEventRequest>;

export const TriggerEventListQuery = z.object({
  open: z.enum(['true', 'false'], { error: '线索状态：应为 true（未办结）或 false（已办结）' }).optional(),
});
export type TriggerEventListQuery = z.infer<typeof TriggerEventListQuery>;

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
  /** The year's inspector-days against the plan's ratios; null when it cannot be computed (see capacityProblem). */
  capacity: AnnualCapacityView | null;
  capacityProblem: string | null;
  /** The shortfall in one Chinese paragraph (numbers, ratios that would fit), null when the plan fits. */
  capacityShortfall: string | null;
  /** Why the plan was published beyond the capacity. */
  capacityNote: string | null;
  /** The first month of the plan's year that has not ended (13 once the year is over): earlier ones cannot be planned. */
  firstOpenMonth: number;
};

export type AnnualCapacityView = {
  year: number;
  from: string;
  workingDays: number;
  inspectors: number;
  inspectorDays: number;
  tasksPerInspectorDay: number;
  inspectorsPerTask: number;
  capacity: number;
  demand: number;
  shortfall: number;
  inspectorsNeeded: number;
  strata: {
    code: string;
    name: string;
    ratioBp: number;
    population: number;
    covered: number;
    target: number;
    remaining: number;
    fits: number;
    fitRatioBp: number;
  }[];
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
  /** The last inspection the frequency rules count (routine, special, triggered), up to today. */
  lastCounted: InspectionRef | null;
  /** The last check of any kind (复查, complaint checks too), up to today. */
  lastAny: InspectionRef | null;
};

/** One inspection of a unit: its date and kind. */
export type InspectionRef = { on: string; kind: string; kindLabel: string };

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
  annual: (AnnualPlanSummary & { monthlyPlans: PublicMonthlyPlanSummary[] })[];
  campaigns: Omit<CampaignView, 'eligibility' | 'quotaView' | 'canEdit'>[];
};

/** A monthly plan on the portal: the organisation's plan, not who in it generated it. */
export type PublicMonthlyPlanSummary = Omit<MonthlyPlanSummary, 'generatedByName'>;

/** The rules as published: the units left out one by one are a count (their ids and reasons stay in the admin view). */
export type PublicPlanSettings = Omit<PlanSettingsInput, 'exclusions'> & {
  exclusions: { categories: PlanSettingsInput['exclusions']['categories']; categoriesReason: string; unitCount: number };
};

export type PublicAnnualPlanView = AnnualPlanSummary & {
  settings: PublicPlanSettings;
  monthlyPlans: PublicMonthlyPlanSummary[];
};

export type PublicMonthlyPlanView = PublicMonthlyPlanSummary & {
  annualPlanName: string;
  quotas: StratumQuotaView[];
  eligibility: EligibilitySummaryView;
  notes: string | null;
};

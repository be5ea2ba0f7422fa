/**
 * The rule set of an annual plan (年度抽查计划): strata and their annual ratio targets, the risk/credit weight
 * table, per-risk ratio adjustments, frequency rules, what is out of scope, capacity and assignment settings.
 * Stored as JSON in annual_plans.settings; every number is an integer (ratios in basis points, 10000 = 100%)
 * so quotas and weights are computed exactly and can be published and recomputed by anyone.
 *
 * Defaults come from the plans among the seeds (南宫 2023: 人员密集场所重点单位每年至少一次, other key
 * units ≥ 80 %, 一般单位 ≥ 20 %, at most twice per calendar year, at least six months apart, 复查 not
 * counted; 济宁: 九小场所 left to the 派出所). All of them are editable per plan.
 */
import type { UnitCategory } from '../registry/unit-rules.ts';
import { UNIT_CATEGORIES, UNIT_CATEGORY_LABELS } from '../registry/unit-rules.ts';
import { areaWeightProblems } from './area-weights.ts';

export const BASIS_POINTS = 10_000;
export const UNIT_WEIGHT_MIN = 1;
export const UNIT_WEIGHT_MAX = 64;

/** Which units belong to a stratum. Every present condition must hold. */
export type StratumFilter = {
  /** Unit categories; empty = any category. */
  categories: UnitCategory[];
  /** true: only 人员密集场所; false: only units that are not; null: either. */
  crowded: boolean | null;
  /** true: only 易燃易爆场所; false: only units that are not; null: either. */
  flammable: boolean | null;
  /** true: only 高层建筑; false: only units that are not; null: either. */
  highRise: boolean | null;
  /** Special-tag codes; the unit must carry at least one. Empty = no tag condition. */
  tagsAny: string[];
  /** County codes (行政区划); the unit's district must be one of them. Empty = any district. */
  districtCodes: string[];
};

export type StratumRule = {
  /** ASCII code used in manifests: [a-z][a-z0-9_]{0,31}, unique in the plan. */
  code: string;
  /** Chinese name shown and published (人员密集场所重点单位 …). */
  name: string;
  /** A disabled stratum is skipped: its units fall through to the next matching stratum. */
  enabled: boolean;
  filter: StratumFilter;
  /**
   * Annual coverage target in basis points of the stratum's in-scope units (10000 = every unit once a
   * year), or null: optional — no annual target, the monthly quota is set by hand (default 0).
   */
  annualRatioBp: number | null;
};

export type FrequencyRules = {
  /** At most this many counted inspections of one unit per calendar year (default 2). 1–12. */
  maxPerYear: number;
  /** At least this many calendar months between two counted inspections of one unit (default 6). 0–12. */
  minIntervalMonths: number;
  /**
   * Routine draws first cover units not yet inspected this year: a unit already inspected (counted) this
   * calendar year is excluded from routine strata with COVERED_THIS_YEAR. The yearly cap then matters for
   * special campaigns and triggered checks. Default true: otherwise a 100 % stratum can never reach 100 %.
   */
  coverageFirst: boolean;
};

export type WeightTable = {
  /** riskLevel code → integer 1–64; a unit without a level, or with a level not listed, gets 1. */
  risk: Record<string, number>;
  /** creditLevel code → integer 1–64; same fallback. */
  credit: Record<string, number>;
  /** Multiplier for units in the triggered pool (open complaint / bad-credit events), integer 1–64. */
  triggeredFactor: number;
  /**
   * 区域风险权重: multipliers for the units of a district or an industry over some months, put in from the early
   * warning (area-weights.ts). Absent in plans written before they existed: none.
   */
  areas?: AreaWeight[];
};

/** A district's or an industry's multiplier for the months fromMonth–toMonth (YYYY-MM), with the published reason. */
export type AreaWeight = { kind: 'district' | 'industry'; code: string; factor: number; fromMonth: string; toMonth: string; reason: string };

export type ScopeExclusion = {
  /** Categories left out of this plan entirely (九小场所 checked by the 派出所 …). */
  categories: UnitCategory[];
  /** The published reason for leaving those categories out. */
  categoriesReason: string;
  /** Individual units left out, each with its reason (under construction, sealed, other department …). */
  units: { unitId: string; reason: string }[];
};

export type CapacitySettings = {
  /** Tasks an inspector can take part in per available working day (每日一查 = 1). 1–10. */
  tasksPerInspectorDay: number;
};

export type AssignmentSettings = {
  /** 主办 per task, ≥ 1. */
  lead: number;
  /** 协办 per task, ≥ 1. */
  assistant: number;
  /** Backups (递补 order) drawn per role, ≥ 0. */
  backups: number;
};

export type PlanSettings = {
  /** Codes of the 抽查事项 this plan covers (the published item list). */
  checkItemCodes: string[];
  /** In precedence order: a unit belongs to the first enabled stratum whose filter matches. */
  strata: StratumRule[];
  weights: WeightTable;
  /**
   * riskLevel code → basis points added to the stratum's annual ratio for units of that level (may be
   * negative); the sum is clamped to 0–10000. Example: {high: 2000} aims at 20 points more coverage of
   * high-risk units.
   */
  riskRatioAdjustmentsBp: Record<string, number>;
  frequency: FrequencyRules;
  exclusions: ScopeExclusion;
  capacity: CapacitySettings;
  assignment: AssignmentSettings;
  /** Alternates (递补 order) per stratum, as a percentage of its quota, rounded up; 0–100. */
  alternatesPercent: number;
  /** 'brigade': inspectors of the unit's brigade serve it; 'zone': the collaboration zone's pool. */
  inspectorPool: 'brigade' | 'zone';
};

/** What special_campaigns.settings holds: a 专项检查's own scope and quota (it draws with its org's annual plan rules). */
export type CampaignSettings = {
  filter: StratumFilter;
  quota: number;
  alternatesPercent: number;
  checkItemCodes: string[];
  /** Non-empty: the frequency rules do not apply to this campaign, for this published reason. */
  frequencyOverrideReason: string;
};

const ANY: Omit<StratumFilter, 'categories'> = {
  crowded: null,
  flammable: null,
  highRise: null,
  tagsAny: [],
  districtCodes: [],
};

/** The default strata, in precedence order. 易燃易爆 is defined but off: enable it to give it its own target. */
export const DEFAULT_STRATA: StratumRule[] = [
  {
    code: 'crowded_key',
    name: '人员密集场所重点单位',
    enabled: true,
    filter: { ...ANY, categories: ['key'], crowded: true },
    annualRatioBp: 10_000,
  },
  {
    code: 'flammable',
    name: '易燃易爆场所',
    enabled: false,
    filter: { ...ANY, categories: ['key', 'general'], flammable: true },
    annualRatioBp: null,
  },
  { code: 'other_key', name: '其他重点单位', enabled: true, filter: { ...ANY, categories: ['key'] }, annualRatioBp: 8_000 },
  {
    code: 'general',
    name: '一般单位',
    enabled: true,
    filter: { ...ANY, categories: ['general', 'other'] },
    annualRatioBp: 2_000,
  },
  { code: 'small_venue', name: '九小场所', enabled: true, filter: { ...ANY, categories: ['small_venue'] }, annualRatioBp: null },
];

export function defaultPlanSettings(): PlanSettings {
  return {
    checkItemCodes: ['XF-01'],
    strata: structuredClone(DEFAULT_STRATA),
    weights: { risk: { high: 4, medium: 2, low: 1 }, credit: { A: 1, B: 1, C: 2, D: 4 }, triggeredFactor: 4 },
    riskRatioAdjustmentsBp: {},
    frequency: { maxPerYear: 2, minIntervalMonths: 6, coverageFirst: true },
    exclusions: { categories: [], categoriesReason: '', units: [] },
    capacity: { tasksPerInspectorDay: 1 },
    assignment: { lead: 1, assistant: 1, backups: 2 },
    alternatesPercent: 20,
    inspectorPool: 'brigade',
  };
}

const STRATUM_CODE = /^[a-z][a-z0-9_]{0,31}$/;

function isIntIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Chinese problems with a rule set (empty when valid), each naming the setting. The HTTP contract checks
 * shapes; this checks the rules a plan must obey: at least one enabled stratum, unique codes, integer
 * ratios 0–10000, weights 1–64, frequency and assignment bounds (≥ 1 主办 and ≥ 1 协办: two officers,
 * 行政处罚法第四十二条).
 */
export function planSettingsProblems(settings: PlanSettings): string[] {
  const problems: string[] = [];
  const codes = new Set<string>();
  if (!settings.strata.some((s) => s.enabled)) problems.push('分层：至少启用一个分层');
  settings.strata.forEach((s, i) => {
    const at = `分层第 ${i + 1} 行`;
    if (!STRATUM_CODE.test(s.code)) problems.push(`${at}：代码应为小写字母开头的字母、数字或下划线（最多 32 位）`);
    if (codes.has(s.code)) problems.push(`${at}：代码「${s.code}」重复`);
    codes.add(s.code);
    if (s.name.trim() === '' || s.name.length > 40) problems.push(`${at}：名称不能为空且不超过 40 字`);
    if (s.annualRatioBp !== null && !isIntIn(s.annualRatioBp, 0, BASIS_POINTS)) {
      problems.push(`${at}：年度抽查比例应在 0%–100% 之间`);
    }
    for (const c of s.filter.categories) {
      if (!(UNIT_CATEGORIES as readonly string[]).includes(c)) problems.push(`${at}：未知的单位类别「${c}」`);
    }
  });
  for (const [kind, table] of [
    ['风险等级', settings.weights.risk],
    ['信用等级', settings.weights.credit],
  ] as const) {
    for (const [code, w] of Object.entries(table)) {
      if (!isIntIn(w, UNIT_WEIGHT_MIN, UNIT_WEIGHT_MAX)) problems.push(`权重表：${kind}「${code}」的权重应为 1–64 的整数`);
    }
  }
  if (!isIntIn(settings.weights.triggeredFactor, UNIT_WEIGHT_MIN, UNIT_WEIGHT_MAX)) {
    problems.push('权重表：触发式线索的权重倍数应为 1–64 的整数');
  }
  problems.push(...areaWeightProblems(settings.weights.areas));
  for (const [code, bp] of Object.entries(settings.riskRatioAdjustmentsBp)) {
    if (!isIntIn(bp, -BASIS_POINTS, BASIS_POINTS)) problems.push(`风险比例调整：「${code}」应在 -100%–100% 之间`);
  }
  const f = settings.frequency;
  if (!isIntIn(f.maxPerYear, 1, 12)) problems.push('频次：每自然年最多抽查次数应为 1–12 的整数');
  if (!isIntIn(f.minIntervalMonths, 0, 12)) problems.push('频次：最短间隔月数应为 0–12 的整数');
  if (!isIntIn(settings.capacity.tasksPerInspectorDay, 1, 10)) problems.push('检查能力：每人每日任务数应为 1–10 的整数');
  const a = settings.assignment;
  if (!isIntIn(a.lead, 1, 5)) problems.push('人员分配：主办人数应为 1–5');
  if (!isIntIn(a.assistant, 1, 5)) problems.push('人员分配：协办人数应为 1–5');
  if (!isIntIn(a.backups, 0, 10)) problems.push('人员分配：递补人数应为 0–10');
  if (!isIntIn(settings.alternatesPercent, 0, 100)) problems.push('备选单位比例应为 0–100 的整数');
  if (settings.exclusions.categories.length > 0 && settings.exclusions.categoriesReason.trim() === '') {
    problems.push('不纳入范围：排除单位类别时应说明理由');
  }
  const excludedUnits = new Set<string>();
  for (const [i, u] of settings.exclusions.units.entries()) {
    if (u.reason.trim() === '') problems.push(`不纳入范围第 ${i + 1} 个单位：应说明理由`);
    if (excludedUnits.has(u.unitId)) problems.push(`不纳入范围第 ${i + 1} 个单位：重复`);
    excludedUnits.add(u.unitId);
  }
  return problems;
}

/** "人员密集场所重点单位 / 其他重点单位 …" style description of a category list, for published text. */
export function describeCategories(categories: readonly UnitCategory[]): string {
  return categories.length === 0 ? '全部类别' : categories.map((c) => UNIT_CATEGORY_LABELS[c]).join('、');
}

/**
 * Inputs and outputs of the eligibility, quota and capacity rules (eligibility.ts, quotas.ts, capacity.ts).
 * They produce exactly the manifest inputs of docs/draw-algorithm.md §3: strata with quotas and alternates,
 * candidates with integer weights and pool codes, every excluded unit with a reason code, and the inspectors.
 */
import type { InspectorDrawFacts, InspectorRole } from '../registry/inspector-rules.ts';
import type { UnitCategory, UnitStatus } from '../registry/unit-rules.ts';
import type { PlanSettings } from './plan-settings.ts';

/** What an inspection was. Only draws count toward the frequency rules (decision 0008). */
export const INSPECTION_KINDS = [
  'routine',
  'special',
  'triggered',
  'reinspection',
  'complaint',
  'case_handling',
  'other',
] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = {
  routine: '日常双随机抽查',
  special: '专项检查',
  triggered: '触发式抽查',
  reinspection: '复查',
  complaint: '举报投诉核查',
  case_handling: '办案检查',
  other: '其他检查',
};

/**
 * Kinds that count toward "at most N per calendar year" and the minimum interval. 复查 (责令限期届满复查),
 * complaint checks and case-handling checks do not: 双随机 excludes them (阳泉 2026 plan; 南宫 2023: "不含监督复查").
 */
export const COUNTED_INSPECTION_KINDS: ReadonlySet<InspectionKind> = new Set(['routine', 'special', 'triggered']);

/** What eligibility needs to know about a unit (a projection of the units table). */
export type EligibilityUnit = {
  id: string;
  brigadeId: string;
  category: UnitCategory;
  isCrowded: boolean;
  isFlammable: boolean;
  isHighRise: boolean;
  tags: readonly string[];
  districtCode: string | null;
  /** 行业 code (for the area weights of the early warning); absent = unknown. */
  industry?: string | null;
  riskLevel: string | null;
  creditLevel: string | null;
  status: UnitStatus;
  statusEffectiveOn: string | null;
  flaggedForReview: boolean;
  address: string | null;
};

/** One inspection of a unit on a date (YYYY-MM-DD). */
export type InspectionRecord = { unitId: string; on: string; kind: InspectionKind };

/**
 * Why a unit is not a candidate. First failure wins, in this order:
 * OUT_OF_SCOPE (the plan leaves its category or the unit itself out, with a published reason) →
 * STATUS_* / FLAGGED_FOR_REVIEW / NO_ADDRESS (isUnitDrawable) → NO_STRATUM (no enabled stratum matches) →
 * PENDING_TASK (already drawn, task not yet done) → YEARLY_CAP_REACHED (maxPerYear counted inspections in
 * the calendar year of `on`) → WITHIN_MIN_INTERVAL (a counted inspection less than minIntervalMonths from `on`,
 * before or after it) → COVERED_THIS_YEAR (coverageFirst, routine mode: already inspected this calendar year).
 */
export const EXCLUSION_REASONS = [
  'OUT_OF_SCOPE',
  'STATUS_SUSPENDED',
  'STATUS_DEREGISTERED',
  'STATUS_RELOCATED',
  'STATUS_NOT_FOUND',
  'FLAGGED_FOR_REVIEW',
  'NO_ADDRESS',
  'NO_STRATUM',
  'PENDING_TASK',
  'YEARLY_CAP_REACHED',
  'WITHIN_MIN_INTERVAL',
  'COVERED_THIS_YEAR',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, string> = {
  OUT_OF_SCOPE: '计划明确不纳入抽查范围',
  STATUS_SUSPENDED: '单位停业',
  STATUS_DEREGISTERED: '单位已注销',
  STATUS_RELOCATED: '单位已迁出',
  STATUS_NOT_FOUND: '查无此单位',
  FLAGGED_FOR_REVIEW: '疑似僵尸单位，待核实',
  NO_ADDRESS: '缺少可用的实际经营地址',
  NO_STRATUM: '不属于计划的任何分层',
  PENDING_TASK: '已被抽中，检查任务尚未完成',
  YEARLY_CAP_REACHED: '本自然年抽查次数已达上限',
  WITHIN_MIN_INTERVAL: '距上次抽查未满最短间隔',
  COVERED_THIS_YEAR: '本年度已抽查过（优先覆盖未检查单位）',
};

/** Routine monthly draws apply coverageFirst; special campaigns and triggered draws do not. */
export type EligibilityMode = 'routine' | 'special';

export type EligibilityInput = {
  settings: PlanSettings;
  mode: EligibilityMode;
  /**
   * The first day the drawn units may be inspected: the first day of the period (the 1st of the plan's month, a
   * campaign's start), or today when the plan is generated or the draw frozen later in the period
   * (`eligibilityDate`). The frequency rules are checked against it, so the next inspection can never come too
   * early: an inspection recorded between the 1st and the freeze counts.
   */
  on: string;
  units: readonly EligibilityUnit[];
  /** Every known inspection of these units, any order; records of other units are ignored. */
  history: readonly InspectionRecord[];
  /** Units in the triggered pool (an open complaint / bad-credit event): weight × triggeredFactor. */
  triggeredUnitIds: ReadonlySet<string>;
  /** Units already drawn whose task is still open. */
  pendingUnitIds: ReadonlySet<string>;
  /**
   * Those of pendingUnitIds whose open task is due in the calendar year of `on`: the inspection is under way, so
   * the unit counts as covered this year and the monthly quotas (target − covered) do not draw for it again.
   * Default: none.
   */
  pendingCoveringUnitIds?: ReadonlySet<string>;
  /** brigadeId → pool code (the brigade id, or the collaboration zone id for cross-region plans). */
  poolCodeByBrigade: ReadonlyMap<string, string>;
  /** Frequency rules are skipped (a special campaign's recorded override); never for routine mode. */
  ignoreFrequency?: boolean;
};

/** [unitId, stratumCode, weight, poolCode], as in the manifest. */
export type Candidate = { unitId: string; stratum: string; weight: number; pool: string };

export type Exclusion = { unitId: string; reason: ExclusionReason; stratum: string | null };

/** Counts per stratum that the quotas need. `population` = in-scope drawable units of the stratum. */
export type StratumCounts = {
  code: string;
  population: number;
  /**
   * Population units with at least one counted inspection this calendar year on or before `on`, or an open task due
   * this year (pendingCoveringUnitIds).
   */
  covered: number;
  candidates: number;
  /** The same two counts by riskLevel ('' for units without a level), for per-risk ratio adjustments. */
  byRisk: Record<string, { population: number; covered: number }>;
};

export type EligibilityResult = {
  /** In id order (ascending UTF-8 bytes of the id, draw-algorithm.md §2). */
  candidates: Candidate[];
  /** In id order. */
  excluded: Exclusion[];
  /** One entry per enabled stratum, in settings order. */
  strata: StratumCounts[];
  /** Number of excluded units per reason (every reason present, 0 when none). */
  excludedByReason: Record<ExclusionReason, number>;
};

/** A stratum's quota for one month (or a campaign). */
export type StratumQuota = {
  code: string;
  name: string;
  /** Annual target in units (null: optional stratum). */
  target: number | null;
  covered: number;
  /** max(0, target − covered), null for optional strata. */
  remaining: number | null;
  /** Months left in the year including this one: 13 − month. */
  monthsLeft: number;
  /** ceil(remaining / monthsLeft), or the manual quota of an optional stratum. */
  computed: number;
  candidates: number;
  /** min(computed, candidates): a quota never exceeds candidates (draw-algorithm.md §3). */
  quota: number;
  /** min(candidates − quota, ceil(quota × alternatesPercent / 100)). */
  alternates: number;
  /** computed − quota: how far short the candidates fall. */
  shortBy: number;
};

/** An inspector as the plan sees them. */
export type PlanInspector = {
  id: string;
  /** Pool codes the inspector serves (their brigade id; zone ids for zone plans). */
  pools: readonly string[];
  weight: number;
  facts: InspectorDrawFacts;
};

export type CapacityReport = {
  /** Σ over inspectors of working days in the month on which they are drawable. */
  inspectorDays: number;
  tasksPerInspectorDay: number;
  /** lead + assistant: inspectors each task needs. */
  inspectorsPerTask: number;
  /** floor(inspectorDays × tasksPerInspectorDay / inspectorsPerTask). */
  capacity: number;
  /** Σ quotas. */
  demand: number;
  /** max(0, demand − capacity). */
  shortfall: number;
};

/** The eligibility summary a monthly plan stores (monthly_plans.eligibility): counts only, the drill-down recomputes the lists. */
export type StoredEligibility = {
  on: string;
  computedAt: string;
  candidates: number;
  excluded: number;
  strata: { code: string; name: string; population: number; covered: number; candidates: number }[];
  excludedByReason: { reason: string; label: string; count: number }[];
  problems: { code: string; message: string; severity: 'error' | 'warning' }[];
};

/** A manifest's inspector row: [inspectorId, [poolCode…], [role…], weight]. */
export type ManifestInspector = { id: string; pools: string[]; roles: InspectorRole[]; weight: number };

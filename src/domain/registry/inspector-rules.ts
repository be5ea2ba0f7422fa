/**
 * 执法检查人员名录库 (inspector registry) rules: posts, roles, availability periods, default draw weights,
 * who may be drawn on a date, and 回避 (recusal). Pure: dates come in as arguments, as YYYY-MM-DD strings;
 * every period is inclusive at both ends.
 */
import type { Drawability } from './drawability.ts';
import { assertIsoDate, isIsoDate, isWithinPeriod } from './dates.ts';

export const INSPECTOR_POSTS = ['full_time', 'part_time', 'other'] as const;
export type InspectorPost = (typeof INSPECTOR_POSTS)[number];

export const INSPECTOR_POST_LABELS: Record<InspectorPost, string> = {
  full_time: '专职监督员',
  part_time: '兼职监督员',
  other: '其他',
};

export const INSPECTOR_ROLES = ['lead', 'assistant'] as const;
export type InspectorRole = (typeof INSPECTOR_ROLES)[number];

/** Every task has at least one 主办 and one 协办 (GLOSSARY; two officers: 行政处罚法第四十二条). */
export const INSPECTOR_ROLE_LABELS: Record<InspectorRole, string> = {
  lead: '主办',
  assistant: '协办',
};

export const AVAILABILITY_KINDS = ['leave', 'seconded', 'frozen'] as const;
export type AvailabilityKind = (typeof AVAILABILITY_KINDS)[number];

export const AVAILABILITY_KIND_LABELS: Record<AvailabilityKind, string> = {
  leave: '请假',
  seconded: '抽调',
  frozen: '冻结',
};

/** Whether the inspector is still on the roster. People leave by a status change, never by deletion. */
export const INSPECTOR_STATUSES = ['active', 'transferred', 'retired'] as const;
export type InspectorStatus = (typeof INSPECTOR_STATUSES)[number];

export const INSPECTOR_STATUS_LABELS: Record<InspectorStatus, string> = {
  active: '在岗',
  transferred: '调离',
  retired: '退休',
};

/** Draw weight by post. An admin-editable table; the draw picks an inspector with probability ∝ weight. */
export type DrawWeightTable = Record<InspectorPost, number>;

/** 专职 weighs more than 兼职 and 其他 (the registries issue: "default by post from an editable table"). */
export const DEFAULT_DRAW_WEIGHTS: DrawWeightTable = { full_time: 2, part_time: 1, other: 1 };

/** The bounds of the inspectors.draw_weight column. */
export const DRAW_WEIGHT_MIN = 1;
export const DRAW_WEIGHT_MAX = 64;

/** Chinese problems with a weight table (empty when valid): each weight an integer in 1–64. */
export function checkDrawWeightTable(table: DrawWeightTable): string[] {
  const problems: string[] = [];
  for (const post of INSPECTOR_POSTS) {
    const weight = table[post];
    if (!Number.isInteger(weight) || weight < DRAW_WEIGHT_MIN || weight > DRAW_WEIGHT_MAX) {
      problems.push(
        `「${INSPECTOR_POST_LABELS[post]}」的抽取权重应为 ${DRAW_WEIGHT_MIN}–${DRAW_WEIGHT_MAX} 的整数，实际为 ${weight}`,
      );
    }
  }
  return problems;
}

/**
 * The weight a new inspector gets for their post, from `table` (default {@link DEFAULT_DRAW_WEIGHTS}).
 * Throws a RangeError on an invalid table: validate it with {@link checkDrawWeightTable} when it is edited.
 */
export function defaultDrawWeight(post: InspectorPost, table: DrawWeightTable = DEFAULT_DRAW_WEIGHTS): number {
  const problems = checkDrawWeightTable(table);
  if (problems.length > 0) throw new RangeError(problems.join('；'));
  return table[post];
}

/** A dated period in which the inspector cannot be drawn. */
export type AvailabilityPeriod = {
  kind: AvailabilityKind;
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive; null = until lifted (a freeze usually has no end date). */
  to: string | null;
  reason: string;
};

export type InspectorDrawFacts = {
  status: InspectorStatus;
  certificateNo: string | null;
  /** YYYY-MM-DD, inclusive; null when the issue date is not recorded (then only the end date counts). */
  certificateValidFrom: string | null;
  /** YYYY-MM-DD, inclusive; null means the certificate's validity cannot be confirmed. */
  certificateValidUntil: string | null;
  availability: readonly AvailabilityPeriod[];
  roles: readonly InspectorRole[];
};

export type InspectorUndrawableReason =
  | 'INACTIVE'
  | 'NO_CERTIFICATE'
  | 'CERTIFICATE_NOT_YET_VALID'
  | 'CERTIFICATE_EXPIRED'
  | 'FROZEN'
  | 'SECONDED'
  | 'ON_LEAVE'
  | 'NO_ROLE';

export const INSPECTOR_UNDRAWABLE_REASON_LABELS: Record<InspectorUndrawableReason, string> = {
  INACTIVE: '已不在岗（调离或退休）',
  NO_CERTIFICATE: '无执法证或执法证有效期未登记',
  CERTIFICATE_NOT_YET_VALID: '执法证尚未生效',
  CERTIFICATE_EXPIRED: '执法证已过期',
  FROZEN: '已冻结',
  SECONDED: '抽调期间',
  ON_LEAVE: '请假期间',
  NO_ROLE: '不具备所需的主办/协办角色',
};

/** When periods overlap, the most serious one is reported: a freeze is a disciplinary matter seen by 纪检. */
const AVAILABILITY_ORDER: readonly AvailabilityKind[] = ['frozen', 'seconded', 'leave'];
const AVAILABILITY_REASONS: Record<AvailabilityKind, InspectorUndrawableReason> = {
  frozen: 'FROZEN',
  seconded: 'SECONDED',
  leave: 'ON_LEAVE',
};

/**
 * Whether an inspector may be drawn on date `on` (YYYY-MM-DD), optionally for a given role. First failure
 * wins, in this order:
 *
 * 1. INACTIVE: 调离 or 退休.
 * 2. Enforcement certificate (执法证): NO_CERTIFICATE when there is no number or no end date (validity
 *    cannot be confirmed); CERTIFICATE_NOT_YET_VALID before `certificateValidFrom`; CERTIFICATE_EXPIRED
 *    after `certificateValidUntil`. Both dates are inclusive: the last valid day is drawable. Only certified
 *    officers may inspect (消防法第五十三条, 行政处罚法第四十二条; 国办发〔2024〕54号 bars uncertified staff).
 * 3. Availability periods covering `on` (inclusive): FROZEN before SECONDED before ON_LEAVE.
 * 4. NO_ROLE: no role at all, or not the requested `asRole` (主办/协办).
 */
export function isInspectorDrawable(
  inspector: InspectorDrawFacts,
  on: string,
  asRole?: InspectorRole,
): Drawability<InspectorUndrawableReason> {
  assertIsoDate(on, 'on');
  if (inspector.status !== 'active') return { drawable: false, reason: 'INACTIVE' };

  const certificateNo = inspector.certificateNo?.trim() ?? '';
  if (certificateNo === '' || inspector.certificateValidUntil === null) return { drawable: false, reason: 'NO_CERTIFICATE' };
  assertIsoDate(inspector.certificateValidUntil, 'certificateValidUntil');
  if (inspector.certificateValidFrom !== null) {
    assertIsoDate(inspector.certificateValidFrom, 'certificateValidFrom');
    if (on < inspector.certificateValidFrom) return { drawable: false, reason: 'CERTIFICATE_NOT_YET_VALID' };
  }
  if (on > inspector.certificateValidUntil) return { drawable: false, reason: 'CERTIFICATE_EXPIRED' };

  const unavailable = availabilityOn(inspector.availability, on);
  if (unavailable) return { drawable: false, reason: AVAILABILITY_REASONS[unavailable.kind] };

  if (inspector.roles.length === 0 || (asRole !== undefined && !inspector.roles.includes(asRole))) {
    return { drawable: false, reason: 'NO_ROLE' };
  }
  return { drawable: true };
}

/** The most serious availability period covering `on` (inclusive), or undefined when there is none. */
export function availabilityOn(periods: readonly AvailabilityPeriod[], on: string): AvailabilityPeriod | undefined {
  for (const kind of AVAILABILITY_ORDER) {
    for (const period of periods) {
      if (period.kind !== kind) continue;
      assertIsoDate(period.from, 'availability.from');
      if (period.to !== null) assertIsoDate(period.to, 'availability.to');
      if (isWithinPeriod(on, period.from, period.to)) return period;
    }
  }
  return undefined;
}

/** Chinese problems with a period as entered (empty when valid). */
export function checkAvailabilityPeriod(period: AvailabilityPeriod): string[] {
  const problems: string[] = [];
  if (!AVAILABILITY_KINDS.includes(period.kind)) problems.push(`类型「${String(period.kind)}」无效`);
  const fromValid = isIsoDate(period.from);
  if (!fromValid) problems.push('开始日期应为 YYYY-MM-DD');
  if (period.to !== null && !isIsoDate(period.to)) problems.push('结束日期应为 YYYY-MM-DD');
  else if (period.to !== null && fromValid && period.to < period.from) problems.push('结束日期不能早于开始日期');
  if (period.reason.trim() === '') problems.push('须填写原因');
  return problems;
}

/** A 回避 declaration: this inspector must not inspect this unit while it is valid. */
export type Recusal = {
  inspectorId: string;
  unitId: string;
  reason: string;
  /** Inclusive; null = since always. */
  validFrom: string | null;
  /** Inclusive; null = until withdrawn. */
  validUntil: string | null;
};

/** The recusal in force for this inspector and unit on `on`, or undefined. */
export function findRecusal(recusals: readonly Recusal[], inspectorId: string, unitId: string, on: string): Recusal | undefined {
  assertIsoDate(on, 'on');
  return recusals.find(
    (r) => r.inspectorId === inspectorId && r.unitId === unitId && isWithinPeriod(on, r.validFrom, r.validUntil),
  );
}

/**
 * Whether the inspector must not inspect the unit on `on` because of a 回避 declaration valid that day
 * (bounds inclusive). Source: 行政处罚法第四十三条 (an officer with a direct interest must withdraw; the party
 * may also ask); 《消防救援机构办理行政案件程序规定》 on 回避.
 */
export function isRecused(recusals: readonly Recusal[], inspectorId: string, unitId: string, on: string): boolean {
  return findRecusal(recusals, inspectorId, unitId, on) !== undefined;
}

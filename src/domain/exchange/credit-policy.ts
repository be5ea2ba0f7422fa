/**
 * 信用推送 (decision 0027): how long a published penalty stays in the credit record, and which penalties are serious
 * violations (严重违法失信). Pure.
 *
 * The display periods follow 信用中国's rule for administrative penalties (发改办财金〔2019〕527号): an ordinary penalty
 * is shown at least 3 months and at most 1 year, a serious one at least 6 months and at most 3 years; after the
 * minimum the party may apply for credit repair (信用修复). We give each penalty its full (maximum) period from the
 * decision date, and the date from which repair may be applied for. Which penalties are serious is not fixed by the
 * national rule for fire safety; the policy decides, with defaults: a fine of at least 50,000 yuan (the top of the
 * Fire Law's usual range for a unit), or a 查封 (sealing) of the unit decided within the year before the decision.
 * Each province (or 支队, or brigade) may set its own; the nearest org up the tree that set one decides.
 */
import { addMonths } from '../publication/publication-rules.ts';

export type CreditPolicy = {
  ordinaryMinMonths: number;
  ordinaryMaxMonths: number;
  seriousMinMonths: number;
  seriousMaxMonths: number;
  /** A fine of at least this many yuan is a serious violation; null: the amount never makes one serious. */
  seriousFineMin: number | null;
  /** Whether a 查封 of the unit decided within 12 months before the penalty decision makes the penalty serious. */
  sealingIsSerious: boolean;
};

export const DEFAULT_CREDIT_POLICY: CreditPolicy = {
  ordinaryMinMonths: 3,
  ordinaryMaxMonths: 12,
  seriousMinMonths: 6,
  seriousMaxMonths: 36,
  seriousFineMin: 50_000,
  sealingIsSerious: true,
};

/** The facts of a published penalty the rule reads. */
export type CreditPenaltyFacts = {
  penaltyKind: 'warning' | 'fine';
  fineAmount: number | null;
  decidedOn: string;
  /** The days the unit's sealings (查封) were decided on (sealed_on), any order. */
  sealedOn: readonly string[];
};

export type SeriousReason = 'fine' | 'sealing';
export const SERIOUS_REASON_LABELS: Record<SeriousReason, string> = {
  fine: '较大数额罚款',
  sealing: '一年内曾被查封',
};

/** Why a penalty counts as a serious violation under `policy`; empty: an ordinary one. */
export function seriousReasons(p: CreditPenaltyFacts, policy: CreditPolicy): SeriousReason[] {
  const reasons: SeriousReason[] = [];
  if (policy.seriousFineMin !== null && p.penaltyKind === 'fine' && (p.fineAmount ?? 0) >= policy.seriousFineMin) reasons.push('fine');
  if (policy.sealingIsSerious) {
    const yearBefore = addMonths(p.decidedOn, -12);
    if (p.sealedOn.some((d) => d >= yearBefore && d <= p.decidedOn)) reasons.push('sealing');
  }
  return reasons;
}

export type CreditPeriod = {
  serious: boolean;
  reasons: SeriousReason[];
  /** The first day shown (the decision date). */
  from: string;
  /** The first day a credit repair may be applied for (from + the minimum months). */
  repairableFrom: string;
  /** The last day shown (from + the maximum months, less a day). */
  until: string;
};

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A penalty's credit display period: from the decision date for the policy's maximum months (the last day the day
 * before the same date that many months later: decided 2026-03-15, 12 months → until 2027-03-14), repair from the
 * minimum months on.
 */
export function creditPeriod(p: CreditPenaltyFacts, policy: CreditPolicy): CreditPeriod {
  const reasons = seriousReasons(p, policy);
  const serious = reasons.length > 0;
  const min = serious ? policy.seriousMinMonths : policy.ordinaryMinMonths;
  const max = serious ? policy.seriousMaxMonths : policy.ordinaryMaxMonths;
  return { serious, reasons, from: p.decidedOn, repairableFrom: addMonths(p.decidedOn, min), until: dayBefore(addMonths(p.decidedOn, max)) };
}

/** Whether `today` lies within a period (its first and last day included). */
export function isWithinPeriod(period: Pick<CreditPeriod, 'from' | 'until'>, today: string): boolean {
  return today >= period.from && today <= period.until;
}

/** The policy's problems, each naming its field in Chinese; empty when it may be saved. Bounds are 信用中国's. */
export function creditPolicyProblems(p: CreditPolicy): { field: keyof CreditPolicy; message: string }[] {
  const problems: { field: keyof CreditPolicy; message: string }[] = [];
  const range = (field: keyof CreditPolicy, label: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) problems.push({ field, message: `${label}：应为 ${min}–${max} 之间的整数` });
  };
  range('ordinaryMinMonths', '一般失信最短公示期（月）', p.ordinaryMinMonths, 3, 12);
  range('ordinaryMaxMonths', '一般失信最长公示期（月）', p.ordinaryMaxMonths, 3, 12);
  range('seriousMinMonths', '严重失信最短公示期（月）', p.seriousMinMonths, 6, 36);
  range('seriousMaxMonths', '严重失信最长公示期（月）', p.seriousMaxMonths, 6, 36);
  if (p.seriousFineMin !== null) range('seriousFineMin', '严重违法罚款起点（元）', p.seriousFineMin, 1, 10_000_000);
  if (problems.length === 0 && p.ordinaryMinMonths > p.ordinaryMaxMonths)
    problems.push({ field: 'ordinaryMinMonths', message: '一般失信最短公示期：不能长于最长公示期' });
  if (problems.length === 0 && p.seriousMinMonths > p.seriousMaxMonths)
    problems.push({ field: 'seriousMinMonths', message: '严重失信最短公示期：不能长于最长公示期' });
  return problems;
}

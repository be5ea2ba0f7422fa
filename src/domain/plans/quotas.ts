/** Monthly and campaign quotas by integer arithmetic. Pure. SPEC: eligibility-types.ts (StratumQuota). */
import type { StratumCounts, StratumQuota } from './eligibility-types.ts';
import type { PlanSettings } from './plan-settings.ts';
import { BASIS_POINTS } from './plan-settings.ts';

export type MonthlyQuotaInput = {
  settings: PlanSettings;
  /** 1–12 */
  month: number;
  /** From computeEligibility, one per enabled stratum. */
  counts: readonly StratumCounts[];
  /** Hand-set quotas: for optional strata (default 0) and for adjustments of computed ones. */
  manualQuotas?: Readonly<Record<string, number>>;
};

/**
 * The month's quota of every enabled stratum, in settings order. Integers only, so anyone can recompute the
 * published quotas (draw-algorithm.md §3: "quotas are computed by the plan with integer arithmetic and recorded").
 *
 * - target (strata with an annual ratio) = Σ over risk buckets r of ⌈population_r × ratio_r / 10000⌉, where
 *   ratio_r = clamp(annualRatioBp + riskRatioAdjustmentsBp[r], 0, 10000) ('' = units without a level, which
 *   gets no adjustment unless the table lists ''). Rounded up, per bucket: a plan's ratio is a floor
 *   ("不低于", 南宫 2023: 其他重点单位不低于 80 %), so 3 units at 20 % means 1 unit, never 0.
 * - remaining = max(0, target − covered); monthsLeft = 13 − month (this month included).
 * - computed = ⌈remaining / monthsLeft⌉: catch-up — whatever is behind is spread over the months left, so a
 *   month that fell short raises the next ones and December takes all that remains.
 * - manualQuotas[code], when given, replaces computed (an optional stratum — annualRatioBp null — has no
 *   target and defaults to 0).
 * - quota = min(computed, candidates) (draw-algorithm.md §3: a quota never exceeds the stratum's candidates);
 *   shortBy = computed − quota.
 * - alternates = min(candidates − quota, ⌈quota × alternatesPercent / 100⌉) (递补 order).
 *
 * Throws RangeError for a month outside 1–12, a missing or inconsistent count (Σ byRisk ≠ population), a
 * manual quota that is not a non-negative integer or names no enabled stratum.
 */
export function computeMonthlyQuotas(input: MonthlyQuotaInput): StratumQuota[] {
  const { settings, month } = input;
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, got ${month}`);
  const countsByCode = new Map(input.counts.map((c) => [c.code, c]));
  const manual = input.manualQuotas ?? {};
  const enabled = settings.strata.filter((s) => s.enabled);
  for (const [code, value] of Object.entries(manual)) {
    if (!enabled.some((s) => s.code === code)) throw new RangeError(`manual quota for ${code}, which is not an enabled stratum`);
    assertCount(value, `manual quota of ${code}`);
  }
  const monthsLeft = 13 - month;
  return enabled.map((stratum) => {
    const counts = countsByCode.get(stratum.code);
    if (counts === undefined) throw new RangeError(`no counts for stratum ${stratum.code}`);
    assertCount(counts.population, `${stratum.code}.population`);
    assertCount(counts.covered, `${stratum.code}.covered`);
    assertCount(counts.candidates, `${stratum.code}.candidates`);
    const target =
      stratum.annualRatioBp === null ? null : annualTarget(counts, stratum.annualRatioBp, settings.riskRatioAdjustmentsBp);
    const remaining = target === null ? null : Math.max(0, target - counts.covered);
    const manualQuota = Object.hasOwn(manual, stratum.code) ? manual[stratum.code] : undefined;
    const computed = manualQuota ?? (remaining === null ? 0 : ceilDiv(remaining, monthsLeft));
    return quotaRow(
      stratum.code,
      stratum.name,
      target,
      counts.covered,
      remaining,
      monthsLeft,
      computed,
      counts.candidates,
      settings.alternatesPercent,
    );
  });
}

/**
 * The annual target of a ratio stratum: Σ over risk buckets of ⌈population × clamp(ratio + adjustment, 0,
 * 10000) / 10000⌉ (see {@link computeMonthlyQuotas}).
 */
export function annualTarget(
  counts: StratumCounts,
  annualRatioBp: number,
  adjustmentsBp: Readonly<Record<string, number>>,
): number {
  let target = 0;
  let population = 0;
  for (const [risk, bucket] of Object.entries(counts.byRisk)) {
    assertCount(bucket.population, `${counts.code}.byRisk[${risk}].population`);
    const adjustment = Object.hasOwn(adjustmentsBp, risk) ? (adjustmentsBp[risk] as number) : 0;
    const ratio = Math.min(BASIS_POINTS, Math.max(0, annualRatioBp + adjustment));
    target += ceilDiv(bucket.population * ratio, BASIS_POINTS);
    population += bucket.population;
  }
  if (population !== counts.population) {
    throw new RangeError(`${counts.code}: the risk buckets hold ${population} units, the population is ${counts.population}`);
  }
  return target;
}

/**
 * The quota of a special campaign (专项检查) or a triggered draw: set by hand for the one draw, so target,
 * remaining are null, covered 0 and monthsLeft 1; quota = min(set quota, candidates), alternates and shortBy as
 * for a month ({@link computeMonthlyQuotas}).
 */
export function computeCampaignQuota(input: {
  code: string;
  name: string;
  quota: number;
  alternatesPercent: number;
  candidates: number;
}): StratumQuota {
  assertCount(input.quota, 'quota');
  assertCount(input.candidates, 'candidates');
  if (!Number.isInteger(input.alternatesPercent) || input.alternatesPercent < 0 || input.alternatesPercent > 100) {
    throw new RangeError(`alternatesPercent must be 0–100, got ${input.alternatesPercent}`);
  }
  return quotaRow(input.code, input.name, null, 0, null, 1, input.quota, input.candidates, input.alternatesPercent);
}

function quotaRow(
  code: string,
  name: string,
  target: number | null,
  covered: number,
  remaining: number | null,
  monthsLeft: number,
  computed: number,
  candidates: number,
  alternatesPercent: number,
): StratumQuota {
  const quota = Math.min(computed, candidates);
  const alternates = Math.min(candidates - quota, ceilDiv(quota * alternatesPercent, 100));
  return {
    code,
    name,
    target,
    covered,
    remaining,
    monthsLeft,
    computed,
    candidates,
    quota,
    alternates,
    shortBy: computed - quota,
  };
}

/** ⌈a / b⌉ for a non-negative safe integer a and a positive integer b, without floating-point division error. */
function ceilDiv(a: number, b: number): number {
  if (!Number.isSafeInteger(a + b)) throw new RangeError(`${a} / ${b} is beyond exact integer arithmetic`);
  return Math.floor((a + b - 1) / b);
}

function assertCount(value: number | undefined, what: string): void {
  if (value === undefined || !Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
}

/** A stratum whose quota the freeze lowered: units of it were inspected after the plan was computed. */
export type FreezeQuotaAdjustment = { code: string; name: string; planned: number; drawn: number; coveredSince: number };

/**
 * The quotas a draw uses, from the published monthly plan's quotas and the stratum counts at the freeze.
 *
 * - A stratum with at least as many candidates as its quota keeps the quota; its alternates shrink to what is
 *   left (alternates = min(planned alternates, candidates − quota)).
 * - A stratum that now has fewer candidates because some of its units were inspected after the plan was
 *   computed (coveredSince = covered at the freeze − covered in the plan) needs fewer units to meet its annual
 *   target: when quota − coveredSince ≤ candidates, the quota is lowered to the candidates (no alternates) and the
 *   change is reported in `adjustments`, so the draw says why it draws fewer units than the plan.
 * - Otherwise the stratum is `short` (the registry changed in other ways): the draw cannot be frozen until the
 *   plan is made again.
 */
export function quotasAtFreeze(
  planned: readonly StratumQuota[],
  atFreeze: readonly StratumCounts[],
): { quotas: StratumQuota[]; adjustments: FreezeQuotaAdjustment[]; short: { code: string; name: string; quota: number; candidates: number }[] } {
  const countsOf = new Map(atFreeze.map((c) => [c.code, c]));
  const quotas: StratumQuota[] = [];
  const adjustments: FreezeQuotaAdjustment[] = [];
  const short: { code: string; name: string; quota: number; candidates: number }[] = [];
  for (const q of planned) {
    const now = countsOf.get(q.code);
    const candidates = now?.candidates ?? 0;
    const coveredSince = Math.max(0, (now?.covered ?? q.covered) - q.covered);
    if (q.quota <= candidates) {
      quotas.push({ ...q, candidates, alternates: Math.min(q.alternates, candidates - q.quota) });
    } else if (q.quota - coveredSince <= candidates) {
      quotas.push({ ...q, candidates, quota: candidates, alternates: 0 });
      adjustments.push({ code: q.code, name: q.name, planned: q.quota, drawn: candidates, coveredSince });
    } else {
      short.push({ code: q.code, name: q.name, quota: q.quota, candidates });
    }
  }
  return { quotas, adjustments, short };
}

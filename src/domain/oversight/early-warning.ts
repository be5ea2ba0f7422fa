/**
 * 预警 (issue 16), pure: whether a district's or an industry's failure rate this month rose beyond chance against its
 * previous twelve months.
 *
 * The test is one-sided and exact: under "nothing changed", this month's failures x out of n inspections follow a
 * binomial distribution with the baseline rate p0 = (X + 1) / (N + 2) of the previous twelve months (X failures of N;
 * the +1/+2 keeps a group with no history from having p0 = 0). The p-value is P(Bin(n, p0) ≥ x). A group is flagged when
 * p < alpha after a Bonferroni correction over the groups compared the same month (so forty districts do not produce
 * two false alarms a month by chance), and it had at least `minFailures` failures. The suggested risk weight for next
 * month's plan is the observed rate over the baseline, capped at `maxWeight`.
 */

export type FailureCounts = { key: string; label: string; failures: number; inspections: number; baselineFailures: number; baselineInspections: number };

export type Warning = FailureCounts & { rate: number; baselineRate: number; pValue: number; riskWeight: number };

export type WarningOptions = { alpha: number; minFailures: number; maxWeight: number };
export const DEFAULT_WARNING_OPTIONS: WarningOptions = { alpha: 0.01, minFailures: 3, maxWeight: 3 };

/** ln C(n, k) by summing logarithms (n up to a few thousand per group and month). */
function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/** P(Bin(n, p) ≥ x), exact. */
export function binomialUpperTail(n: number, p: number, x: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const lp = Math.log(p);
  const lq = Math.log(1 - p);
  let sum = 0;
  for (let k = x; k <= n; k++) sum += Math.exp(logChoose(n, k) + k * lp + (n - k) * lq);
  return Math.min(1, sum);
}

export function failureRateWarnings(groups: readonly FailureCounts[], options: WarningOptions = DEFAULT_WARNING_OPTIONS): Warning[] {
  const tested = groups.filter((g) => g.inspections > 0);
  const threshold = options.alpha / Math.max(1, tested.length);
  const out: Warning[] = [];
  for (const g of tested) {
    const baselineRate = (g.baselineFailures + 1) / (g.baselineInspections + 2);
    const rate = g.failures / g.inspections;
    const pValue = binomialUpperTail(g.inspections, baselineRate, g.failures);
    if (g.failures >= options.minFailures && rate > baselineRate && pValue < threshold) {
      out.push({ ...g, rate, baselineRate, pValue, riskWeight: Math.min(options.maxWeight, Math.round((rate / baselineRate) * 10) / 10) });
    }
  }
  return out.sort((a, b) => a.pValue - b.pValue);
}

/**
 * 区域/行业风险权重 (issue 16): the early warning (domain/oversight/early-warning.ts) flags a district or an industry
 * whose failure rate rose beyond chance; its suggested weight can be put into the annual plan's weight table for the
 * next month, so the units there are drawn more often (draw-algorithm.md §3: weights are integers, the plan publishes them).
 *
 * An area weight multiplies the weight of every unit in the district (行政区划 code) or industry for the months it
 * covers, on top of risk, credit and trigger factors; the product is still clamped to 1–64 (unitWeight).
 */
import { assertYearMonth, nextYearMonth, formatYearMonth } from '../calendar/year-month.ts';
import type { AreaWeight, WeightTable } from './plan-settings.ts';

export const AREA_KINDS = ['district', 'industry'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export const AREA_KIND_LABELS: Record<AreaKind, string> = { district: '行政区划', industry: '行业' };

/** Bounds of an area factor: 2 (a factor of 1 changes nothing) to 8; at most 20 area weights in a plan. */
export const AREA_FACTOR_MIN = 2;
export const AREA_FACTOR_MAX = 8;
export const AREA_WEIGHTS_MAX = 20;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The area factor of a unit in `month` (YYYY-MM): the product of the area weights that cover it, 1 when none. */
export function areaFactor(
  unit: { districtCode: string | null; industry?: string | null | undefined },
  areas: readonly AreaWeight[] | undefined,
  month: string,
): number {
  if (!areas || areas.length === 0) return 1;
  let factor = 1;
  for (const a of areas) {
    if (month < a.fromMonth || month > a.toMonth) continue;
    const value = a.kind === 'district' ? unit.districtCode : (unit.industry ?? null);
    if (value !== null && value === a.code) factor *= a.factor;
  }
  return factor;
}

/** The integer factor for a warning's suggested weight (a ratio such as 1.8, at most 3): rounded, at least 2. */
export function areaFactorOfSuggestion(riskWeight: number): number {
  if (!Number.isFinite(riskWeight)) return AREA_FACTOR_MIN;
  return Math.min(AREA_FACTOR_MAX, Math.max(AREA_FACTOR_MIN, Math.round(riskWeight)));
}

/** The month after `month` (YYYY-MM): a warning computed on a month's figures weighs the next month's plan. */
export function monthAfter(month: string): string {
  return formatYearMonth(nextYearMonth(assertYearMonth(month)));
}

/**
 * The weight table with `weight` added. An existing area weight for the same kind and code whose months overlap is
 * replaced (the newer warning decides), so applying the same warning twice changes nothing.
 */
export function withAreaWeight(weights: WeightTable, weight: AreaWeight): WeightTable {
  const kept = (weights.areas ?? []).filter(
    (a) => !(a.kind === weight.kind && a.code === weight.code && a.fromMonth <= weight.toMonth && weight.fromMonth <= a.toMonth),
  );
  return { ...weights, areas: [...kept, weight] };
}

/** Chinese problems with the area weights (empty when valid), each naming the row. */
export function areaWeightProblems(areas: readonly AreaWeight[] | undefined): string[] {
  if (!areas) return [];
  const problems: string[] = [];
  if (areas.length > AREA_WEIGHTS_MAX) problems.push(`区域风险权重：最多 ${AREA_WEIGHTS_MAX} 条`);
  areas.forEach((a, i) => {
    const at = `区域风险权重第 ${i + 1} 条`;
    if (!(AREA_KINDS as readonly string[]).includes(a.kind)) problems.push(`${at}：类型应为行政区划或行业`);
    if (a.code.trim() === '' || a.code.length > 32) problems.push(`${at}：代码不能为空且不超过 32 位`);
    if (!Number.isInteger(a.factor) || a.factor < AREA_FACTOR_MIN || a.factor > AREA_FACTOR_MAX) {
      problems.push(`${at}：倍数应为 ${AREA_FACTOR_MIN}–${AREA_FACTOR_MAX} 的整数`);
    }
    if (!MONTH.test(a.fromMonth) || !MONTH.test(a.toMonth)) problems.push(`${at}：月份应为 YYYY-MM`);
    else if (a.fromMonth > a.toMonth) problems.push(`${at}：起始月份不能晚于结束月份`);
    if (a.reason.trim() === '' || a.reason.length > 300) problems.push(`${at}：理由不能为空且不超过 300 字`);
  });
  return problems;
}

/**
 * Does an annual plan fit the brigade's inspectors? Pure. A brigade of 7 inspectors cannot inspect 100 % of its
 * crowded key units, 80 % of the other key units and 20 % of 6,000 general units in one year; the plan must say
 * so before it is published, with the shortfall in numbers and what would fit.
 */
import type { HolidayCalendar } from '../calendar/working-days.ts';
import { CalendarYearMissingError, isWorkingDay } from '../calendar/working-days.ts';
import { availableWorkingDays } from './capacity.ts';
import type { PlanInspector, StratumCounts } from './eligibility-types.ts';
import type { PlanSettings } from './plan-settings.ts';
import { BASIS_POINTS } from './plan-settings.ts';
import { annualTarget } from './quotas.ts';

/** One ratio stratum of the annual plan against the capacity. */
export type AnnualStratumDemand = {
  code: string;
  name: string;
  /** The plan's ratio in basis points (10000 = 100 %). */
  ratioBp: number;
  population: number;
  covered: number;
  /** Units the ratio asks for this year ({@link annualTarget}). */
  target: number;
  /** max(0, target − covered): still to inspect from `from` to the year's end. */
  remaining: number;
  /** What the capacity left after the strata before this one allows: min(remaining, capacity left). */
  fits: number;
  /** The largest ratio (basis points, ≤ ratioBp) whose remaining target fits: what the plan could promise. */
  fitRatioBp: number;
};

export type AnnualCapacityReport = {
  year: number;
  /** The first day counted: 1 January, or today for a plan made or checked during the year. */
  from: string;
  /** Working days from `from` to 31 December. */
  workingDays: number;
  /** Inspectors with at least one drawable working day left. */
  inspectors: number;
  /** Σ over inspectors of the working days left on which they are drawable. */
  inspectorDays: number;
  tasksPerInspectorDay: number;
  inspectorsPerTask: number;
  /** ⌊inspectorDays × tasksPerInspectorDay / inspectorsPerTask⌋: tasks the inspectors can do this year. */
  capacity: number;
  /** Σ remaining over the ratio strata. */
  demand: number;
  /** max(0, demand − capacity). */
  shortfall: number;
  /**
   * Inspectors needed for the demand at full availability: ⌈demand × inspectorsPerTask / (tasksPerInspectorDay ×
   * workingDays)⌉ (0 when no working day is left).
   */
  inspectorsNeeded: number;
  strata: AnnualStratumDemand[];
};

/**
 * The year's inspection capacity against the annual plan's ratios.
 *
 * - Capacity: the working days from `from` (YYYY-MM-DD, in `year`) to 31 December on which each inspector is
 *   drawable ({@link availableWorkingDays}: 放假调休, leave, secondment, certificate), × tasks per inspector-day ÷
 *   (主办 + 协办) per task — two officers at least (行政处罚法第四十二条), rounded down.
 * - Demand: for every enabled stratum with an annual ratio, target − covered ({@link annualTarget}; the counts as
 *   computed on `from`). Optional strata (no ratio) ask for nothing.
 * - What fits: capacity is given to the strata in the plan's precedence order (人员密集场所重点单位 first, whose
 *   yearly inspection is the law: 《消防监督检查规定》第七条); each stratum gets min(remaining, what is left), and
 *   `fitRatioBp` is the largest ratio whose remaining target fits in that share (found by bisection: the
 *   target grows with the ratio).
 *
 * Fails closed (CalendarYearMissingError) when `year` has no 放假调休 arrangement. RangeError when `from` is not
 * in `year`, or a stratum has no counts.
 */
export function computeAnnualCapacity(input: {
  calendar: HolidayCalendar;
  year: number;
  from: string;
  inspectors: readonly PlanInspector[];
  settings: Pick<PlanSettings, 'capacity' | 'assignment' | 'strata' | 'riskRatioAdjustmentsBp'>;
  counts: readonly StratumCounts[];
}): AnnualCapacityReport {
  const { calendar, year, from, settings } = input;
  if (from.slice(0, 4) !== String(year)) throw new RangeError(`from ${from} is not in ${year}`);
  if (!calendar.years.has(year)) throw new CalendarYearMissingError(year);
  const tasksPerInspectorDay = settings.capacity.tasksPerInspectorDay;
  const inspectorsPerTask = settings.assignment.lead + settings.assignment.assistant;
  const firstMonth = Number(from.slice(5, 7));
  const monthsLeft = Array.from({ length: 13 - firstMonth }, (_, i) => `${year}-${String(firstMonth + i).padStart(2, '0')}`);

  let workingDays = 0;
  for (let day = Date.parse(`${from}T00:00:00Z`), end = Date.UTC(year, 11, 31); day <= end; day += 86_400_000) {
    if (isWorkingDay(calendar, new Date(day).toISOString().slice(0, 10))) workingDays += 1;
  }
  let inspectorDays = 0;
  let inspectors = 0;
  for (const inspector of input.inspectors) {
    const days = monthsLeft.reduce((n, m) => n + availableWorkingDays(calendar, m, inspector.facts, from), 0);
    inspectorDays += days;
    if (days > 0) inspectors += 1;
  }
  const capacity = Math.floor((inspectorDays * tasksPerInspectorDay) / inspectorsPerTask);

  const countsOf = new Map(input.counts.map((c) => [c.code, c]));
  let left = capacity;
  const strata: AnnualStratumDemand[] = [];
  for (const stratum of settings.strata) {
    if (!stratum.enabled || stratum.annualRatioBp === null) continue;
    const counts = countsOf.get(stratum.code);
    if (counts === undefined) throw new RangeError(`no counts for stratum ${stratum.code}`);
    const remainingAt = (bp: number) => Math.max(0, annualTarget(counts, bp, settings.riskRatioAdjustmentsBp) - counts.covered);
    const target = annualTarget(counts, stratum.annualRatioBp, settings.riskRatioAdjustmentsBp);
    const remaining = Math.max(0, target - counts.covered);
    const fits = Math.min(remaining, left);
    left -= fits;
    let fitRatioBp = stratum.annualRatioBp;
    if (fits < remaining) {
      // The largest ratio in [0, annualRatioBp] whose remaining target fits: remainingAt grows with the ratio.
      let lo = 0;
      let hi = stratum.annualRatioBp;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (remainingAt(mid) <= fits) lo = mid;
        else hi = mid - 1;
      }
      fitRatioBp = lo;
    }
    strata.push({
      code: stratum.code,
      name: stratum.name,
      ratioBp: stratum.annualRatioBp,
      population: counts.population,
      covered: counts.covered,
      target,
      remaining,
      fits,
      fitRatioBp: Math.min(fitRatioBp, BASIS_POINTS),
    });
  }
  const demand = strata.reduce((n, s) => n + s.remaining, 0);
  const perInspector = tasksPerInspectorDay * workingDays;
  return {
    year,
    from,
    workingDays,
    inspectors,
    inspectorDays,
    tasksPerInspectorDay,
    inspectorsPerTask,
    capacity,
    demand,
    shortfall: Math.max(0, demand - capacity),
    inspectorsNeeded: perInspector === 0 ? 0 : Math.ceil((demand * inspectorsPerTask) / perInspector),
    strata,
  };
}

const percent = (bp: number) => `${Number.isInteger(bp / 100) ? bp / 100 : (bp / 100).toFixed(1)}%`;

/**
 * The report in one Chinese paragraph, as the plan page and the refusal to publish say it: the shortfall in
 * numbers, the ratios that would fit, and the inspectors the plan would need.
 */
export function describeAnnualShortfall(report: AnnualCapacityReport): string {
  const asked = report.strata.map((s) => `${s.name} ${percent(s.ratioBp)} 需再检查 ${s.remaining} 家`).join('，');
  const fit = report.strata
    .filter((s) => s.fits < s.remaining)
    .map((s) => `${s.name}不高于 ${percent(s.fitRatioBp)}`)
    .join('，');
  return (
    `全年检查能力不足：按 ${report.inspectors} 名检查人员、${report.from} 起 ${report.workingDays} 个工作日、每人每日 ${report.tasksPerInspectorDay} 项、` +
    `每项 ${report.inspectorsPerTask} 人计算，最多可完成 ${report.capacity} 项；计划要求 ${report.demand} 项（${asked}），缺口 ${report.shortfall} 项。` +
    `按现有力量可行的比例：${fit}；或需 ${report.inspectorsNeeded} 名检查人员全年在岗。`
  );
}

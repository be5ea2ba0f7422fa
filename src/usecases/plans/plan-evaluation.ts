import { lastWorkingDaysOfMonth } from '../../domain/calendar/working-days.ts';
import { firstDayOfMonth, formatYearMonth } from '../../domain/calendar/year-month.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { loadPendingUnitIds } from '../../db/draw-queries.ts';
import { readTogether, type DbOrTx } from '../../db/client.ts';
import {
  listBrigadesUnder,
  loadEligibilityUnits,
  loadInspectionHistory,
  loadPlanInspectors,
  loadTriggeredUnitIds,
  loadZoneOfBrigade,
} from '../../db/plan-queries.ts';
import { computeAnnualCapacity, describeAnnualShortfall, type AnnualCapacityReport } from '../../domain/plans/annual-capacity.ts';
import { availableWorkingDays, computeCapacity } from '../../domain/plans/capacity.ts';
import { computeEligibility, eligibilityDate } from '../../domain/plans/eligibility.ts';
import { localDate } from '../../domain/local-date.ts';
import {
  EXCLUSION_REASON_LABELS,
  EXCLUSION_REASONS,
  type CapacityReport,
  type EligibilityMode,
  type EligibilityResult,
  type ManifestInspector,
  type PlanInspector,
  type StratumQuota,
} from '../../domain/plans/eligibility-types.ts';
import { checkFeasibility } from '../../domain/plans/feasibility.ts';
import type { PlanSettings } from '../../domain/plans/plan-settings.ts';
import { computeMonthlyQuotas } from '../../domain/plans/quotas.ts';
import { inspectorFacts } from '../inspectors/inspector-facts.ts';
import type { StoredEligibility } from '../../domain/plans/eligibility-types.ts';

/** Whose units and inspectors a plan covers: the plan org's subtree. */
export type PlanScope = { orgId: string; orgPath: string };

export type PlanInputs = {
  eligibility: EligibilityResult;
  inspectors: PlanInspector[];
};

/**
 * Loads what the eligibility rules need for a plan's subtree (units, two calendar years of inspections,
 * the triggered pool, inspectors with availability and zones) and runs them for date `on`.
 */
export async function evaluateEligibility(
  db: DbOrTx,
  scope: PlanScope,
  settings: PlanSettings,
  on: string,
  mode: EligibilityMode,
  ignoreFrequency = false,
): Promise<PlanInputs> {
  const brigades = await listBrigadesUnder(db, scope.orgPath);
  const brigadeIds = brigades.map((b) => b.id);
  const zoneOfBrigade = settings.inspectorPool === 'zone' ? await loadZoneOfBrigade(db, brigadeIds) : new Map<string, string>();
  const poolCodeByBrigade = new Map(brigadeIds.map((id) => [id, zoneOfBrigade.get(id) ?? id]));
  const historyFrom = `${Number(on.slice(0, 4)) - 1}-01-01`;
  const [unitRows, history, triggeredUnitIds, pending, staff] = await readTogether(db, [
    () => loadEligibilityUnits(db, brigadeIds),
    () => loadInspectionHistory(db, brigadeIds, historyFrom),
    () => loadTriggeredUnitIds(db, brigadeIds),
    () => loadPendingUnitIds(db, brigadeIds, Number(on.slice(0, 4))),
    () => loadPlanInspectors(db, [scope.orgId, ...brigadeIds], [...new Set(zoneOfBrigade.values())]),
  ]);
  const eligibility = computeEligibility({
    settings,
    mode,
    on,
    units: unitRows.map((u) => ({ ...u, flaggedForReview: u.flaggedAt !== null })),
    history,
    triggeredUnitIds,
    pendingUnitIds: pending.pending,
    pendingCoveringUnitIds: pending.coveringYear,
    poolCodeByBrigade,
    ignoreFrequency,
  });
  const zonesOf = groupBy(staff.memberships, (m) => m.inspectorId);
  const availabilityOf = groupBy(staff.availability, (a) => a.inspectorId);
  const brigadeSet = new Set(brigadeIds);
  const inspectors = staff.inspectors.map((i): PlanInspector => {
    const pools = new Set<string>();
    if (brigadeSet.has(i.orgId)) pools.add(poolCodeByBrigade.get(i.orgId) ?? i.orgId);
    if (settings.inspectorPool === 'zone') for (const m of zonesOf.get(i.id) ?? []) pools.add(m.zoneId);
    return {
      id: i.id,
      pools: [...pools].sort(),
      weight: i.drawWeight,
      facts: inspectorFacts(i, availabilityOf.get(i.id) ?? []),
    };
  });
  return { eligibility, inspectors: inspectors.filter((i) => i.pools.length > 0) };
}

/** Rows grouped by a key in one pass, each group in the rows' order. */
function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** The eligibility summary stored with a plan (counts only; the drill-down recomputes the lists). */
export function summarizeEligibility(
  result: EligibilityResult,
  settings: PlanSettings,
  on: string,
  now: Date,
  problems: StoredEligibility['problems'],
): StoredEligibility {
  const nameOf = new Map(settings.strata.map((s) => [s.code, s.name]));
  return {
    on,
    computedAt: now.toISOString(),
    candidates: result.candidates.length,
    excluded: result.excluded.length,
    strata: result.strata.map((s) => ({
      code: s.code,
      name: nameOf.get(s.code) ?? s.code,
      population: s.population,
      covered: s.covered,
      candidates: s.candidates,
    })),
    excludedByReason: EXCLUSION_REASONS.map((reason) => ({
      reason,
      label: EXCLUSION_REASON_LABELS[reason],
      count: result.excludedByReason[reason],
    })),
    problems,
  };
}

/** Inspectors as manifest rows, keeping those drawable on at least one working day of the period. */
export function drawableInspectors(
  inspectors: readonly PlanInspector[],
  availableDays: (i: PlanInspector) => number,
): ManifestInspector[] {
  return inspectors
    .filter((i) => availableDays(i) > 0)
    .map((i) => ({
      id: i.id,
      pools: [...i.pools],
      roles: (['lead', 'assistant'] as const).filter((r) => i.facts.roles.includes(r)),
      weight: i.weight,
    }));
}

export type MonthlyEvaluation = {
  on: string;
  dueDate: string;
  eligibility: EligibilityResult;
  quotas: (StratumQuota & { adjustReason: string | null })[];
  capacity: CapacityReport;
  stored: StoredEligibility;
};

/**
 * Everything a monthly plan shows, computed from the published annual plan: eligibility on the 1st of the
 * month (or today, generated later in the month: {@link eligibilityDate}), quotas (hand-set ones kept with their reasons), capacity from the inspectors' working days, the
 * feasibility problems, and the due date (the month's last working day). Fails closed with
 * CALENDAR_YEAR_MISSING when the month's year has no calendar.
 */
export async function evaluateMonthlyPlan(
  db: DbOrTx,
  scope: PlanScope,
  settings: PlanSettings,
  year: number,
  month: number,
  now: Date,
  manual: ReadonlyMap<string, { quota: number; reason: string }> = new Map(),
): Promise<MonthlyEvaluation> {
  const on = eligibilityDate(firstDayOfMonth({ year, month }), localDate(now));
  const monthText = formatYearMonth({ year, month });
  const calendar = await loadHolidayCalendar(db, [year]);
  const [dueDate] = lastWorkingDaysOfMonth(calendar, monthText, 1);
  const { eligibility, inspectors } = await evaluateEligibility(db, scope, settings, on, 'routine');
  const manualQuotas = Object.fromEntries([...manual].map(([code, m]) => [code, m.quota]));
  const quotas = computeMonthlyQuotas({ settings, month, counts: eligibility.strata, manualQuotas }).map((q) => ({
    ...q,
    adjustReason: manual.get(q.code)?.reason ?? null,
  }));
  const demand = quotas.reduce((sum, q) => sum + q.quota, 0);
  // Generated mid-month, only the working days left count (from `on`, today).
  const capacity = computeCapacity({ calendar, month: monthText, inspectors, settings, demand, from: on });
  const daysOf = (i: PlanInspector) => availableWorkingDays(calendar, monthText, i.facts, on);
  const feasibility = checkFeasibility({
    quotas,
    candidates: eligibility.candidates,
    inspectors: drawableInspectors(inspectors, daysOf),
    assignment: settings.assignment,
    capacity,
  });
  return {
    on,
    dueDate: dueDate!,
    eligibility,
    quotas,
    capacity,
    stored: summarizeEligibility(eligibility, settings, on, now, feasibility.problems),
  };
}

/** An annual plan's capacity check, or why it cannot be made (no calendar for the year, the year is over). */
export type AnnualCapacityEvaluation = { report: AnnualCapacityReport; shortfallText: string | null } | { report: null; problem: string };

/**
 * The annual plan against the year's inspector-days ({@link computeAnnualCapacity}), as of today during the year
 * (the working days left, what is covered so far) or as of 1 January before it. Never throws for a missing
 * calendar: the plan page shows why the check cannot be made.
 */
export async function evaluateAnnualCapacity(
  db: DbOrTx,
  scope: PlanScope,
  settings: PlanSettings,
  year: number,
  now: Date,
): Promise<AnnualCapacityEvaluation> {
  const from = eligibilityDate(`${year}-01-01`, localDate(now));
  if (from > `${year}-12-31`) return { report: null, problem: `${year} 年已经结束，不再核算全年检查能力` };
  const calendar = await loadHolidayCalendar(db, [year]);
  if (!calendar.years.has(year)) {
    return { report: null, problem: `尚未录入 ${year} 年的放假调休安排，无法核算全年检查能力：请系统管理员在「工作日历」中录入` };
  }
  const { eligibility, inspectors } = await evaluateEligibility(db, scope, settings, from, 'routine');
  const report = computeAnnualCapacity({ calendar, year, from, inspectors, settings, counts: eligibility.strata });
  return { report, shortfallText: report.shortfall > 0 ? describeAnnualShortfall(report) : null };
}

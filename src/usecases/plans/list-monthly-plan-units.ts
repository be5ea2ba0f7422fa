import { firstDayOfMonth } from '../../domain/calendar/year-month.ts';
import { DomainError } from '../../domain/errors.ts';
import { EXCLUSION_REASONS, type ExclusionReason } from '../../domain/plans/eligibility-types.ts';
import { compareIds } from '../../domain/draw/id-order.ts';
import { eligibilityDate } from '../../domain/plans/eligibility.ts';
import { localDate } from '../../domain/local-date.ts';
import { findAnnualPlan, loadUnitsForList } from '../../db/plan-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { readableMonthlyPlan } from './monthly-plan-access.ts';
import { evaluateEligibility } from './plan-evaluation.ts';

export type PlanUnitRow = {
  unit: Awaited<ReturnType<typeof loadUnitsForList>>[number];
  stratum: string | null;
  weight: number | null;
  reason: ExclusionReason | null;
};

/**
 * The drill-down behind a monthly plan's counts: the candidates (optionally of one stratum) or the units
 * excluded for one reason, recomputed now from the registry, paged in id order.
 */
export async function listMonthlyPlanUnits(
  ctx: UseCaseContext,
  id: string,
  query: { reason: string; stratum?: string | undefined; page: number; pageSize: number },
): Promise<{ items: PlanUnitRow[]; total: number }> {
  const { plan, org } = await readableMonthlyPlan(ctx, id);
  if (query.reason !== 'candidate' && !(EXCLUSION_REASONS as readonly string[]).includes(query.reason)) {
    throw new DomainError('VALIDATION_FAILED', '筛选：未知的排除原因', { field: 'reason' });
  }
  const annual = await findAnnualPlan(ctx.db, plan.annualPlanId);
  const { eligibility } = await evaluateEligibility(ctx.db, { orgId: org.id, orgPath: org.path }, annual!.plan.settings, eligibilityDate(firstDayOfMonth(plan), localDate(ctx.now)), 'routine');
  const rows: (Omit<PlanUnitRow, 'unit'> & { unitId: string })[] = [];
  if (query.reason === 'candidate') {
    for (const c of eligibility.candidates) {
      if (!query.stratum || c.stratum === query.stratum) rows.push({ unitId: c.unitId, stratum: c.stratum, weight: c.weight, reason: null });
    }
  } else {
    for (const e of eligibility.excluded) {
      if (e.reason === query.reason && (!query.stratum || e.stratum === query.stratum)) rows.push({ unitId: e.unitId, stratum: e.stratum, weight: null, reason: e.reason });
    }
  }
  rows.sort((a, b) => compareIds(a.unitId, b.unitId));
  const pageRows = rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const units = new Map((await loadUnitsForList(ctx.db, pageRows.map((r) => r.unitId), localDate(ctx.now))).map((u) => [u.id, u]));
  return {
    total: rows.length,
    items: pageRows.flatMap((r) => {
      const unit = units.get(r.unitId);
      return unit ? [{ unit, stratum: r.stratum, weight: r.weight, reason: r.reason }] : [];
    }),
  };
}

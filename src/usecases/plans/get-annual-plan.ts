import { lastDayOfMonth } from '../../domain/calendar/year-month.ts';
import { localDate } from '../../domain/local-date.ts';
import { listMonthlyPlans, type AnnualPlanWithOrg, type MonthlyPlanWithOrg } from '../../db/plan-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { readableAnnualPlan } from './annual-plan-access.ts';
import { evaluateAnnualCapacity, type AnnualCapacityEvaluation } from './plan-evaluation.ts';

/** An annual plan with its monthly plans and its capacity check (the year's inspector-days against its ratios). */
export async function getAnnualPlan(
  ctx: UseCaseContext,
  id: string,
): Promise<AnnualPlanWithOrg & { monthly: MonthlyPlanWithOrg[]; capacity: AnnualCapacityEvaluation; firstOpenMonth: number }> {
  const found = await readableAnnualPlan(ctx, id);
  const monthly = await listMonthlyPlans(ctx.db, { scopePath: null, annualPlanId: id });
  const scope = { orgId: found.org.id, orgPath: found.org.path };
  const capacity = await evaluateAnnualCapacity(ctx.db, scope, found.plan.settings, found.plan.year, ctx.now);
  const today = localDate(ctx.now);
  const year = found.plan.year;
  let firstOpenMonth = 1;
  while (firstOpenMonth <= 12 && lastDayOfMonth({ year, month: firstOpenMonth }) < today) firstOpenMonth += 1;
  return { ...found, monthly, capacity, firstOpenMonth };
}

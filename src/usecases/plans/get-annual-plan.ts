import { listMonthlyPlans, type AnnualPlanWithOrg, type MonthlyPlanWithOrg } from '../../db/plan-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { readableAnnualPlan } from './annual-plan-access.ts';

/** An annual plan with its monthly plans. */
export async function getAnnualPlan(ctx: UseCaseContext, id: string): Promise<AnnualPlanWithOrg & { monthly: MonthlyPlanWithOrg[] }> {
  const found = await readableAnnualPlan(ctx, id);
  const monthly = await listMonthlyPlans(ctx.db, { scopePath: null, annualPlanId: id });
  return { ...found, monthly };
}

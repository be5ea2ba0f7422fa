import { findAnnualPlan, type MonthlyPlanWithOrg } from '../../db/plan-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { readableMonthlyPlan } from './monthly-plan-access.ts';

/** A monthly plan with the revision of its annual plan (a newer revision means it should be regenerated). */
export async function getMonthlyPlan(ctx: UseCaseContext, id: string): Promise<MonthlyPlanWithOrg & { annualRevisionNow: number }> {
  const found = await readableMonthlyPlan(ctx, id);
  const annual = await findAnnualPlan(ctx.db, found.plan.annualPlanId);
  return { ...found, annualRevisionNow: annual!.plan.revision };
}

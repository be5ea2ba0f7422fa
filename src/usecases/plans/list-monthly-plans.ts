import { listMonthlyPlans as listRows, type MonthlyPlanWithOrg } from '../../db/plan-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/** Monthly plans in the actor's subtree, newest month first. */
export async function listMonthlyPlans(ctx: UseCaseContext, filter: { year?: number | undefined; month?: number | undefined }): Promise<MonthlyPlanWithOrg[]> {
  requirePermission(ctx.actor, 'plans.read');
  return listRows(ctx.db, { scopePath: scopePathOf(ctx.actor), year: filter.year, month: filter.month });
}

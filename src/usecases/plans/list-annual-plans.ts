import { listAnnualPlans as listRows, type AnnualPlanWithOrg } from '../../db/plan-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/** Annual plans in the actor's subtree, newest year first. */
export async function listAnnualPlans(ctx: UseCaseContext, year?: number): Promise<AnnualPlanWithOrg[]> {
  requirePermission(ctx.actor, 'plans.read');
  return listRows(ctx.db, { scopePath: scopePathOf(ctx.actor), year });
}

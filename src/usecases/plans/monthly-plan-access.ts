import { DomainError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findMonthlyPlan, type MonthlyPlanWithOrg } from '../../db/plan-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

/** The monthly plan if the actor may read it, else NOT_FOUND. */
export async function readableMonthlyPlan(ctx: UseCaseContext, id: string, db: DbOrTx = ctx.db): Promise<MonthlyPlanWithOrg> {
  requirePermission(ctx.actor, 'plans.read');
  const found = await findMonthlyPlan(db, id);
  if (!found) throw new DomainError('NOT_FOUND', '月度计划不存在');
  requireInScope(ctx.actor, found.org.path, '月度计划');
  return found;
}

import { localDate } from '../../domain/local-date.ts';
import { monthlyDrawProgress } from '../../db/draw-queries.ts';
import { listMonthlyPlans } from '../../db/plan-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/**
 * The month's progress for the 工作台 of an administrator or 纪检: each monthly plan of this month in the actor's
 * subtree, whether it is published and drawn, and its tasks (open, done, overdue).
 */
export async function getMonthProgress(ctx: UseCaseContext) {
  requirePermission(ctx.actor, 'plans.read');
  const today = localDate(ctx.now);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const plans = await listMonthlyPlans(ctx.db, { scopePath: scopePathOf(ctx.actor), year, month });
  const progress = await monthlyDrawProgress(ctx.db, plans.map((p) => p.plan.id), today);
  const byPlan = new Map(progress.map((p) => [p.monthlyPlanId, p]));
  return {
    year,
    month,
    today,
    plans: plans.map((p) => ({
      id: p.plan.id,
      orgName: p.org.name,
      status: p.plan.status,
      totalQuota: p.plan.quotas.reduce((n, q) => n + q.quota, 0),
      dueDate: p.plan.dueDate,
      draw: byPlan.get(p.plan.id) ?? null,
    })),
  };
}

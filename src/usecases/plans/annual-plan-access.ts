import { DomainError } from '../../domain/errors.ts';
import { findAnnualPlan, type AnnualPlanWithOrg } from '../../db/plan-queries.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { PlanSettings } from '../../domain/plans/plan-settings.ts';
import { planSettingsProblems } from '../../domain/plans/plan-settings.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

/** The annual plan if the actor may read it (plans.read and in scope), else NOT_FOUND. */
export async function readableAnnualPlan(ctx: UseCaseContext, id: string, db: DbOrTx = ctx.db, forUpdate = false): Promise<AnnualPlanWithOrg> {
  requirePermission(ctx.actor, 'plans.read');
  const found = await findAnnualPlan(db, id, forUpdate);
  if (!found) throw new DomainError('NOT_FOUND', '年度计划不存在');
  requireInScope(ctx.actor, found.org.path, '年度计划');
  return found;
}

/** Refuses rule sets that break a plan rule, with every problem named. */
export function requireValidSettings(settings: PlanSettings): void {
  const problems = planSettingsProblems(settings);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems.join('；'), { field: 'settings', problems });
}

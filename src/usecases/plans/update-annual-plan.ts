import { changedContent } from '../../domain/changes.ts';
import { DomainError } from '../../domain/errors.ts';
import type { PlanSettings } from '../../domain/plans/plan-settings.ts';
import { updateAnnualPlanRow } from '../../db/plan-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { readableAnnualPlan, requireValidSettings } from './annual-plan-access.ts';

/**
 * Saves the rules of an annual plan. A draft is simply updated; a published plan is revised: the reason is
 * required, the revision number goes up, and the audit entry keeps what changed. Monthly plans already
 * published keep the revision they were made from.
 */
export async function updateAnnualPlan(
  ctx: UseCaseContext,
  id: string,
  input: { name: string; settings: PlanSettings; reason?: string | undefined },
): Promise<void> {
  requirePermission(ctx.actor, 'plans.manage');
  requireValidSettings(input.settings);
  await ctx.db.transaction(async (tx) => {
    const { plan, org } = await readableAnnualPlan(ctx, id, tx, true);
    const published = plan.status === 'published';
    const reason = input.reason?.trim() ?? '';
    const changes = changedContent({ name: plan.name, ...plan.settings }, { name: input.name, ...input.settings });
    if (Object.keys(changes).length === 0) return;
    if (published && reason === '') throw new DomainError('VALIDATION_FAILED', '修订理由：修订已发布的年度计划须说明理由', { field: 'reason' });
    await updateAnnualPlanRow(tx, id, { name: input.name, settings: input.settings, updatedAt: ctx.now, revision: published ? plan.revision + 1 : plan.revision });
    await recordAudit(tx, ctx, {
      action: published ? 'annual_plan.revise' : 'annual_plan.update',
      targetType: 'annual_plan',
      targetId: id,
      orgId: org.id,
      summary: { name: input.name, year: plan.year, changes, ...(published ? { reason, revision: plan.revision + 1 } : {}) },
    });
  });
}

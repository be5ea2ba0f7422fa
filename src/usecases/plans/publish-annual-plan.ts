import { DomainError } from '../../domain/errors.ts';
import { updateAnnualPlanRow } from '../../db/plan-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { describeAnnualShortfall } from '../../domain/plans/annual-capacity.ts';
import { readableAnnualPlan, requireValidSettings } from './annual-plan-access.ts';
import { evaluateAnnualCapacity } from './plan-evaluation.ts';

/**
 * Publishes a draft annual plan (it appears on the portal). A second, concurrent publish gets CONFLICT. A plan that
 * asks for more inspections than the inspectors can do this year ({@link evaluateAnnualCapacity}) is published
 * only with a note saying why (kept with the plan and in the audit log); without one the answer names the
 * shortfall and what would fit.
 */
export async function publishAnnualPlan(ctx: UseCaseContext, id: string, input: { capacityNote?: string | undefined } = {}): Promise<void> {
  requirePermission(ctx.actor, 'plans.manage');
  await ctx.db.transaction(async (tx) => {
    const { plan, org } = await readableAnnualPlan(ctx, id, tx, true);
    if (plan.status === 'published') throw new DomainError('CONFLICT', '该年度计划已发布');
    const settings = plan.settings;
    requireValidSettings(settings);
    const capacity = await evaluateAnnualCapacity(tx, { orgId: org.id, orgPath: org.path }, settings, plan.year, ctx.now);
    const note = input.capacityNote?.trim() ?? '';
    const shortfall = capacity.report?.shortfall ?? 0;
    if (shortfall > 0 && note === '') {
      const text = capacity.report ? describeAnnualShortfall(capacity.report) : '';
      throw new DomainError('CONFLICT', `${text}如确需按此计划发布，请填写超出检查能力的说明。`, { field: 'capacityNote', shortfall });
    }
    const updated = await updateAnnualPlanRow(
      tx,
      id,
      { status: 'published', publishedAt: ctx.now, publishedBy: ctx.actor.accountId, updatedAt: ctx.now, capacityNote: shortfall > 0 ? note : null },
      'draft',
    );
    if (!updated) throw new DomainError('CONFLICT', '该年度计划已发布');
    await recordAudit(tx, ctx, {
      action: 'annual_plan.publish',
      targetType: 'annual_plan',
      targetId: id,
      orgId: org.id,
      summary: {
        org: org.name,
        year: plan.year,
        name: plan.name,
        revision: plan.revision,
        ...(capacity.report ? { capacity: capacity.report.capacity, demand: capacity.report.demand, shortfall } : {}),
        ...(shortfall > 0 ? { capacityNote: note } : {}),
      },
    });
  });
}

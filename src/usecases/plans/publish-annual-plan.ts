import { and, eq } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import { annualPlans } from '../../db/schema.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { readableAnnualPlan, requireValidSettings, settingsOf } from './annual-plan-access.ts';

/** Publishes a draft annual plan (it appears on the portal). A second, concurrent publish gets CONFLICT. */
export async function publishAnnualPlan(ctx: UseCaseContext, id: string): Promise<void> {
  requirePermission(ctx.actor, 'plans.manage');
  await ctx.db.transaction(async (tx) => {
    const { plan, org } = await readableAnnualPlan(ctx, id, tx, true);
    if (plan.status === 'published') throw new DomainError('CONFLICT', '该年度计划已发布');
    requireValidSettings(settingsOf(plan));
    const updated = await tx
      .update(annualPlans)
      .set({ status: 'published', publishedAt: ctx.now, publishedBy: ctx.actor.accountId, updatedAt: ctx.now })
      .where(and(eq(annualPlans.id, id), eq(annualPlans.status, 'draft')))
      .returning({ id: annualPlans.id });
    if (updated.length === 0) throw new DomainError('CONFLICT', '该年度计划已发布');
    await recordAudit(tx, ctx, {
      action: 'annual_plan.publish',
      targetType: 'annual_plan',
      targetId: id,
      orgId: org.id,
      summary: { org: org.name, year: plan.year, name: plan.name, revision: plan.revision },
    });
  });
}

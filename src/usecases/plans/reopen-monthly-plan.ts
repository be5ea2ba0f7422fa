import { DomainError } from '../../domain/errors.ts';
import { findLiveDrawOfMonthlyPlan } from '../../db/draw-queries.ts';
import { lockMonthlyPlan, updateMonthlyPlanRow } from '../../db/plan-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { readableMonthlyPlan } from './monthly-plan-access.ts';

/**
 * Takes a published monthly plan back to a draft, with a reason, when it can no longer be drawn as published
 * (the registry changed: fewer candidates than a quota) or was published by mistake. Only while no draw of it is
 * live (frozen or executed; a voided one does not count): what a draw has frozen is never taken back. The plan
 * leaves the portal until it is published again; the reason is in the audit log, where 纪检 sees it. The draft
 * can then be regenerated or adjusted as any other.
 */
export async function reopenMonthlyPlan(ctx: UseCaseContext, id: string, reason: string): Promise<void> {
  requirePermission(ctx.actor, 'plans.manage');
  await ctx.db.transaction(async (tx) => {
    const { plan, org } = await readableMonthlyPlan(ctx, id, tx);
    const locked = await lockMonthlyPlan(tx, plan.annualPlanId, plan.month);
    if (!locked || locked.status !== 'published') throw new DomainError('CONFLICT', '该月度计划尚未发布，可直接调整');
    const live = await findLiveDrawOfMonthlyPlan(tx, id);
    if (live) {
      throw new DomainError(
        'CONFLICT',
        `该月度计划已组织抽取（${live.code}），不能退回；如确需重来，须先作废该次抽取并说明理由`,
      );
    }
    await updateMonthlyPlanRow(tx, id, { status: 'draft', publishedAt: null, publishedBy: null, updatedAt: ctx.now }, 'published');
    await recordAudit(tx, ctx, {
      action: 'monthly_plan.reopen',
      targetType: 'monthly_plan',
      targetId: id,
      orgId: org.id,
      summary: {
        org: org.name,
        year: plan.year,
        month: plan.month,
        reason,
        publishedAt: locked.publishedAt?.toISOString() ?? null,
      },
    });
  });
}

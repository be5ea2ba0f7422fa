import { firstDayOfMonth, lastDayOfMonth } from '../../domain/calendar/year-month.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { eligibilityDate } from '../../domain/plans/eligibility.ts';
import { findAnnualPlan, lockMonthlyPlan, updateMonthlyPlanRow } from '../../db/plan-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { readableMonthlyPlan } from './monthly-plan-access.ts';
import { evaluateEligibility } from './plan-evaluation.ts';

/**
 * Publishes a draft monthly plan: it appears on the portal and can no longer change. Refused when the month
 * is over, when the annual plan was revised since generation, or when a stratum's candidates fell below its
 * quota since then (regenerate first). A concurrent second publish gets CONFLICT.
 */
export async function publishMonthlyPlan(ctx: UseCaseContext, id: string): Promise<void> {
  requirePermission(ctx.actor, 'plans.manage');
  await ctx.db.transaction(async (tx) => {
    const { plan, org } = await readableMonthlyPlan(ctx, id, tx);
    const locked = await lockMonthlyPlan(tx, plan.annualPlanId, plan.month);
    if (!locked || locked.status === 'published') throw new DomainError('CONFLICT', '该月度计划已发布');
    const monthEnd = lastDayOfMonth(plan);
    if (localDate(ctx.now) > monthEnd) throw new DomainError('CONFLICT', `${plan.year} 年 ${plan.month} 月已经结束，不能再发布该月计划`);
    const annual = await findAnnualPlan(tx, plan.annualPlanId);
    if (annual!.plan.revision !== locked.annualRevision) {
      throw new DomainError('CONFLICT', '年度计划在生成本月计划后已修订，请重新生成月度计划后再发布');
    }
    const settings = annual!.plan.settings;
    const { eligibility } = await evaluateEligibility(tx, { orgId: org.id, orgPath: org.path }, settings, eligibilityDate(firstDayOfMonth(plan), localDate(ctx.now)), 'routine');
    const candidatesOf = new Map(eligibility.strata.map((s) => [s.code, s.candidates]));
    for (const q of locked.quotas) {
      const now = candidatesOf.get(q.code) ?? 0;
      if (q.quota > now) {
        throw new DomainError('CONFLICT', `「${q.name}」的候选单位已从 ${q.candidates} 家变为 ${now} 家，少于本月任务数 ${q.quota}，请重新生成月度计划`);
      }
    }
    const updated = await updateMonthlyPlanRow(tx, id, { status: 'published', publishedAt: ctx.now, publishedBy: ctx.actor.accountId, updatedAt: ctx.now }, 'draft');
    if (!updated) throw new DomainError('CONFLICT', '该月度计划已发布');
    await recordAudit(tx, ctx, {
      action: 'monthly_plan.publish',
      targetType: 'monthly_plan',
      targetId: id,
      orgId: org.id,
      summary: { org: org.name, year: plan.year, month: plan.month, quotas: Object.fromEntries(locked.quotas.map((q) => [q.code, q.quota])), dueDate: locked.dueDate },
    });
  });
}

import { firstDayOfMonth } from '../../domain/calendar/year-month.ts';
import { DomainError } from '../../domain/errors.ts';
import { adjustQuota } from '../../domain/plans/quota-adjustment.ts';
import { findAnnualPlan, lockMonthlyPlan, updateMonthlyPlanRow } from '../../db/plan-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { readableMonthlyPlan } from './monthly-plan-access.ts';

/**
 * Adjusts a draft monthly plan: per-stratum quotas (a quota that differs from the computed one needs a
 * reason, which can also be reworded on its own; none may exceed the stratum's candidates), the due date and notes. Capacity demand and
 * alternates follow the new quotas.
 */
export async function adjustMonthlyPlan(
  ctx: UseCaseContext,
  id: string,
  input: { quotas: { code: string; quota: number; reason: string }[]; notes: string; dueDate: string },
): Promise<void> {
  requirePermission(ctx.actor, 'plans.manage');
  await ctx.db.transaction(async (tx) => {
    const { plan, org } = await readableMonthlyPlan(ctx, id, tx);
    const locked = await lockMonthlyPlan(tx, plan.annualPlanId, plan.month);
    if (!locked || locked.status === 'published') throw new DomainError('CONFLICT', '月度计划已发布，不能再调整');
    const annual = await findAnnualPlan(tx, plan.annualPlanId);
    const settings = annual!.plan.settings;
    if (input.dueDate < firstDayOfMonth(plan)) throw new DomainError('VALIDATION_FAILED', '任务完成期限：不能早于本月第一天', { field: 'dueDate' });
    const requested = new Map(input.quotas.map((q) => [q.code, q]));
    for (const code of requested.keys()) {
      if (!locked.quotas.some((q) => q.code === code)) throw new DomainError('VALIDATION_FAILED', `本月任务数：没有分层「${code}」`, { field: 'quotas' });
    }
    const changes: Record<string, [number, number, string]> = {};
    const quotas = locked.quotas.map((q) => {
      const r = requested.get(q.code);
      // Unchanged: the same quota with the same reason (a new reason alone for an adjusted quota is an edit).
      if (!r || (r.quota === q.quota && (r.quota === q.computed || r.reason.trim() === (q.adjustReason ?? '')))) return q;
      const adjusted = adjustQuota(q, r.quota, r.reason, settings.alternatesPercent);
      if (!adjusted.ok) throw new DomainError('VALIDATION_FAILED', adjusted.message, { field: `quotas.${q.code}` });
      changes[q.code] = [q.quota, r.quota, r.reason];
      return { ...adjusted.quota, name: q.name };
    });
    const capacity = locked.capacity;
    const demand = quotas.reduce((s, q) => s + q.quota, 0);
    await updateMonthlyPlanRow(
      tx,
      id,
      {
        quotas,
        capacity: { ...capacity, demand, shortfall: Math.max(0, demand - capacity.capacity) },
        dueDate: input.dueDate,
        notes: input.notes === '' ? null : input.notes,
        updatedAt: ctx.now,
      },
      'draft',
    );
    await recordAudit(tx, ctx, {
      action: 'monthly_plan.update',
      targetType: 'monthly_plan',
      targetId: id,
      orgId: org.id,
      summary: { org: org.name, year: plan.year, month: plan.month, quotas: changes, dueDate: [locked.dueDate, input.dueDate], notes: input.notes },
    });
  });
}

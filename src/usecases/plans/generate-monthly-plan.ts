import { lastDayOfMonth } from '../../domain/calendar/year-month.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import type { Tx } from '../../db/client.ts';
import { insertMonthlyPlan, lockMonthlyPlan, updateMonthlyPlanRow, type AnnualPlanWithOrg } from '../../db/plan-queries.ts';
import { recordAudit, recordSystemAudit } from '../lib/audit.ts';
import type { SystemContext, UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { readableAnnualPlan } from './annual-plan-access.ts';
import { evaluateMonthlyPlan } from './plan-evaluation.ts';

/** Who generates: an account, or the scheduler (generated_by stays null, the audit names 系统定时任务). */
export type Generator = { kind: 'account'; ctx: UseCaseContext } | { kind: 'system'; ctx: SystemContext };

/**
 * Generates (or regenerates) the draft monthly plan of `month` from a published annual plan, in one
 * transaction. Hand-set quotas of an existing draft are kept with their reasons; a published month is
 * never regenerated (CONFLICT). Returns the monthly plan id.
 */
export async function writeMonthlyPlan(tx: Tx, by: Generator, annual: AnnualPlanWithOrg, month: number): Promise<string> {
  const { plan, org } = annual;
  if (plan.status !== 'published') throw new DomainError('CONFLICT', '年度计划尚未发布，不能生成月度计划');
  // A month that has ended can be neither published nor drawn: a plan for it would only be a back-dated record.
  if (localDate(by.ctx.now) > lastDayOfMonth({ year: plan.year, month })) {
    throw new DomainError('CONFLICT', `${plan.year} 年 ${month} 月已经结束，不能再生成该月的月度计划（已结束月份的计划不能发布，也不能抽取）`, { field: 'month' });
  }
  const existing = await lockMonthlyPlan(tx, plan.id, month);
  if (existing?.status === 'published') throw new DomainError('CONFLICT', `${plan.year} 年 ${month} 月的月度计划已发布，不能重新生成`);
  const manual = new Map<string, { quota: number; reason: string }>();
  for (const q of existing?.quotas ?? []) {
    if (q.adjustReason) manual.set(q.code, { quota: q.quota, reason: q.adjustReason });
  }
  const settings = plan.settings;
  const evaluation = await evaluateMonthlyPlan(tx, { orgId: org.id, orgPath: org.path }, settings, plan.year, month, by.ctx.now, manual);
  const nameOf = new Map(settings.strata.map((s) => [s.code, s.name]));
  const values = {
    annualRevision: plan.revision,
    quotas: evaluation.quotas.map((q) => ({ ...q, name: nameOf.get(q.code) ?? q.name })),
    capacity: evaluation.capacity,
    eligibility: evaluation.stored,
    dueDate: existing?.dueDate ?? evaluation.dueDate,
    generatedAt: by.ctx.now,
    generatedBy: by.kind === 'account' ? by.ctx.actor.accountId : null,
    updatedAt: by.ctx.now,
  };
  let id: string;
  if (existing) {
    await updateMonthlyPlanRow(tx, existing.id, values);
    id = existing.id;
  } else {
    id = await insertMonthlyPlan(tx, { ...values, annualPlanId: plan.id, orgId: org.id, year: plan.year, month, createdAt: by.ctx.now });
  }
  const audit = {
    action: 'monthly_plan.generate' as const,
    targetType: 'monthly_plan',
    targetId: id,
    orgId: org.id,
    summary: {
      org: org.name,
      year: plan.year,
      month,
      regenerated: existing !== undefined,
      quotas: Object.fromEntries(evaluation.quotas.map((q) => [q.code, q.quota])),
      candidates: evaluation.stored.candidates,
      excluded: evaluation.stored.excluded,
    },
  };
  if (by.kind === 'account') await recordAudit(tx, by.ctx, audit);
  else await recordSystemAudit(tx, by.ctx, audit);
  return id;
}

/** A person generates or regenerates a month of an annual plan they manage. */
export async function generateMonthlyPlan(ctx: UseCaseContext, annualPlanId: string, month: number): Promise<string> {
  requirePermission(ctx.actor, 'plans.manage');
  return ctx.db.transaction(async (tx) => {
    const annual = await readableAnnualPlan(ctx, annualPlanId, tx, true);
    return writeMonthlyPlan(tx, { kind: 'account', ctx }, annual, month);
  });
}

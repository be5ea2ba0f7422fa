import { DomainError } from '../../domain/errors.ts';
import { defaultPlanSettings, type PlanSettings } from '../../domain/plans/plan-settings.ts';
import { findAnnualPlanOf, insertAnnualPlan } from '../../db/plan-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { requireValidSettings } from './annual-plan-access.ts';

/**
 * Creates the draft annual plan of a brigade (or of a detachment, for cross-region work) for a year,
 * starting from the default rules unless settings are given. One plan per org and year.
 */
export async function createAnnualPlan(
  ctx: UseCaseContext,
  input: { orgId: string; year: number; name: string; settings?: PlanSettings | undefined },
): Promise<string> {
  requirePermission(ctx.actor, 'plans.manage');
  const settings = input.settings ?? defaultPlanSettings();
  requireValidSettings(settings);
  return ctx.db.transaction(async (tx) => {
    const org = await requireOrgInScope(ctx, tx, input.orgId, { name: 'orgId', label: '制定单位' });
    if (org.kind === 'corps') throw new DomainError('VALIDATION_FAILED', '制定单位：年度计划由大队或支队制定', { field: 'orgId' });
    if (await findAnnualPlanOf(tx, org.id, input.year)) {
      throw new DomainError('CONFLICT', `${org.name} ${input.year} 年度的抽查计划已存在`, { field: 'year' });
    }
    const id = await insertAnnualPlan(tx, { orgId: org.id, year: input.year, name: input.name, settings, createdBy: ctx.actor.accountId, createdAt: ctx.now, updatedAt: ctx.now });
    if (!id) throw new DomainError('CONFLICT', `${org.name} ${input.year} 年度的抽查计划已存在`, { field: 'year' });
    await recordAudit(tx, ctx, {
      action: 'annual_plan.create',
      targetType: 'annual_plan',
      targetId: id,
      orgId: org.id,
      summary: { org: org.name, year: input.year, name: input.name },
    });
    return id;
  });
}

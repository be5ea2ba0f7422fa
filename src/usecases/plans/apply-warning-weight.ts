import type { ApplyWarningWeightRequest, ApplyWarningWeightResult } from '../../contracts/statistics.ts';
import { findAnnualPlan, findAnnualPlanOf } from '../../db/plan-queries.ts';
import { areaFactorOfSuggestion, monthAfter, withAreaWeight } from '../../domain/plans/area-weights.ts';
import { DomainError } from '../../domain/errors.ts';
import { formatRate } from '../../domain/statistics/figures.ts';
import { scopeOrgIdsOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { earlyWarning } from '../statistics/get-statistics.ts';
import { updateAnnualPlan } from './update-annual-plan.ts';

/**
 * 用作下月计划风险权重: puts an early warning's suggested weight into the annual plan of the actor's org as an area
 * weight for the month after the warning's month (a revision of a published plan, with the warning as its reason).
 * The warning is computed again here: a weight goes in only for a district or industry that is flagged now, at the
 * integer factor its figures give, never at a number the client sends.
 */
export async function applyWarningWeight(ctx: UseCaseContext, input: ApplyWarningWeightRequest): Promise<ApplyWarningWeightResult> {
  requirePermission(ctx.actor, 'plans.manage');
  const appliesTo = monthAfter(input.month);
  const plan = await findAnnualPlanOf(ctx.db, ctx.actor.orgId, Number(appliesTo.slice(0, 4)));
  if (!plan) throw new DomainError('NOT_FOUND', `本单位尚无 ${appliesTo.slice(0, 4)} 年度抽查计划，无法加入风险权重`);
  const warning = (await earlyWarning(ctx, await scopeOrgIdsOf(ctx.db, ctx.actor), input.month)).items.find(
    (w) => w.dimension === input.dimension && w.key === input.key,
  );
  if (!warning) throw new DomainError('CONFLICT', `预警分组：${input.month} 该${input.dimension === 'district' ? '行政区划' : '行业'}未出现预警`);
  const factor = areaFactorOfSuggestion(warning.riskWeight);
  const reason = `${input.month} 预警：${warning.label}不合格率 ${formatRate(warning.rate)}（前 12 个月 ${formatRate(warning.baselineRate)}，p=${warning.pValue.toPrecision(2)}）`;
  const settings = {
    ...plan.settings,
    weights: withAreaWeight(plan.settings.weights, { kind: input.dimension, code: input.key, factor, fromMonth: appliesTo, toMonth: appliesTo, reason }),
  };
  await updateAnnualPlan(ctx, plan.id, { name: plan.name, settings, reason: `加入区域风险权重：${reason}` });
  const after = await findAnnualPlan(ctx.db, plan.id);
  return { annualPlanId: plan.id, annualPlanName: plan.name, revision: after?.plan.revision ?? plan.revision, appliesTo, factor, reason };
}

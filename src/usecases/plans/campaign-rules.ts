import { DomainError } from '../../domain/errors.ts';
import type { EligibilityResult, PlanInspector, StratumQuota } from '../../domain/plans/eligibility-types.ts';
import { defaultPlanSettings, type CampaignSettings, type PlanSettings } from '../../domain/plans/plan-settings.ts';
import { eligibilityDate } from '../../domain/plans/eligibility.ts';
import { computeCampaignQuota } from '../../domain/plans/quotas.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findAnnualPlanOf, findCampaign, type CampaignRow } from '../../db/plan-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';
import { evaluateEligibility } from './plan-evaluation.ts';

export async function readableCampaign(ctx: UseCaseContext, id: string, db: DbOrTx = ctx.db, forUpdate = false) {
  requirePermission(ctx.actor, 'plans.read');
  const found = await findCampaign(db, id, forUpdate);
  if (!found) throw new DomainError('NOT_FOUND', '专项检查不存在');
  requireInScope(ctx.actor, found.org.path, '专项检查');
  return found;
}

/**
 * The rule set a campaign draws with: its own scope as the single stratum 'campaign', and the weights and
 * frequency rules of the org's annual plan for the campaign's year (the defaults when there is none).
 */
export async function campaignPlanSettings(db: DbOrTx, orgId: string, year: number, campaign: { name: string; settings: CampaignSettings }): Promise<PlanSettings> {
  const annual = await findAnnualPlanOf(db, orgId, year);
  const base = annual ? annual.settings : defaultPlanSettings();
  return {
    ...base,
    strata: [{ code: 'campaign', name: campaign.name, enabled: true, filter: campaign.settings.filter, annualRatioBp: null }],
    exclusions: { categories: [], categoriesReason: '', units: [] },
    alternatesPercent: campaign.settings.alternatesPercent,
  };
}

/** A campaign's candidates (as of its start date, or of `today` once it has started) and quota. */
export async function evaluateCampaign(
  db: DbOrTx,
  row: CampaignRow,
  org: { id: string; path: string },
  today: string,
): Promise<{ eligibility: EligibilityResult; quota: StratumQuota; inspectors: PlanInspector[]; settings: PlanSettings }> {
  const settings = row.settings;
  const planSettings = await campaignPlanSettings(db, org.id, Number(row.startsOn.slice(0, 4)), { name: row.name, settings });
  const { eligibility, inspectors } = await evaluateEligibility(db, { orgId: org.id, orgPath: org.path }, planSettings, eligibilityDate(row.startsOn, today), 'special', settings.frequencyOverrideReason.trim() !== '');
  const quota = computeCampaignQuota({
    code: 'campaign',
    name: row.name,
    quota: settings.quota,
    alternatesPercent: settings.alternatesPercent,
    candidates: eligibility.strata[0]?.candidates ?? 0,
  });
  return { eligibility, quota, inspectors, settings: planSettings };
}

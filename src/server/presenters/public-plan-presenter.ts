import type {
  PlanSettingsInput,
  PublicAnnualPlanView,
  PublicMonthlyPlanSummary,
  PublicMonthlyPlanView,
  PublicPlanListView,
  PublicPlanSettings,
} from '../../contracts/plans.ts';
import type { AnnualPlanWithOrg, CampaignRow, MonthlyPlanWithOrg } from '../../db/plan-queries.ts';
import {
  presentAnnualSummary,
  presentCampaignBase,
  presentEligibility,
  presentMonthlySummary,
  presentQuota,
} from './plan-presenter.ts';

/**
 * Plans as the portal publishes them: the organisation's rules and quotas, counts where the admin side has lists.
 * No unit id (the units left out one by one are a count) and no staff member's name (who generated a month).
 */
export function presentPublicMonthlySummary(found: MonthlyPlanWithOrg): PublicMonthlyPlanSummary {
  const { generatedByName: _staffName, ...summary } = presentMonthlySummary(found);
  return summary;
}

export function presentPublicSettings(settings: PlanSettingsInput): PublicPlanSettings {
  const { exclusions, ...rest } = settings;
  return {
    ...rest,
    exclusions: {
      categories: exclusions.categories,
      categoriesReason: exclusions.categoriesReason,
      unitCount: exclusions.units.length,
    },
  };
}

export function presentPublicAnnualPlan(found: AnnualPlanWithOrg & { monthly: MonthlyPlanWithOrg[] }): PublicAnnualPlanView {
  return {
    ...presentAnnualSummary(found),
    settings: presentPublicSettings(found.plan.settings),
    monthlyPlans: found.monthly.map(presentPublicMonthlySummary).sort((x, y) => x.month - y.month),
  };
}

export function presentPublicMonthlyPlan(found: MonthlyPlanWithOrg): PublicMonthlyPlanView {
  return {
    ...presentPublicMonthlySummary(found),
    annualPlanName: found.annualName,
    quotas: found.plan.quotas.map(presentQuota),
    eligibility: presentEligibility(found.plan.eligibility),
    notes: found.plan.notes,
  };
}

export function presentPublicPlanList(plans: {
  annual: AnnualPlanWithOrg[];
  monthly: MonthlyPlanWithOrg[];
  campaigns: { campaign: CampaignRow; org: { id: string; name: string; path: string } }[];
}): PublicPlanListView {
  return {
    annual: plans.annual.map((a) => ({
      ...presentAnnualSummary(a),
      monthlyPlans: plans.monthly
        .filter((m) => m.plan.annualPlanId === a.plan.id)
        .map(presentPublicMonthlySummary)
        .sort((x, y) => x.month - y.month),
    })),
    campaigns: plans.campaigns.map(presentCampaignBase),
  };
}

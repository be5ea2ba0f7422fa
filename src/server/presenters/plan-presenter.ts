import { canManageInScope, type Actor } from '../../domain/access.ts';
import {
  EXCLUSION_REASON_LABELS,
  EXCLUSION_REASONS,
  INSPECTION_KIND_LABELS,
  type EligibilityResult,
  type InspectionKind,
  type StratumQuota,
} from '../../domain/plans/eligibility-types.ts';
import { UNIT_CATEGORY_LABELS } from '../../domain/registry/unit-rules.ts';
import type {
  InspectionRef,
  AnnualPlanSummary,
  AnnualPlanView,
  CampaignView,
  EligibilitySummaryView,
  MonthlyPlanSummary,
  MonthlyPlanView,
  PlanUnitView,
  StratumQuotaView,
  TriggerEventView,
} from '../../contracts/plans.ts';
import type { AnnualPlanWithOrg, CampaignRow, MonthlyPlanWithOrg, TriggerEventRow } from '../../db/plan-queries.ts';
import type { AnnualCapacityEvaluation } from '../../usecases/plans/plan-evaluation.ts';
import type { PlanUnitRow } from '../../usecases/plans/list-monthly-plan-units.ts';
import { TRIGGER_KIND_LABELS } from '../../domain/plans/trigger-kinds.ts';
import type { StoredEligibility } from '../../domain/plans/eligibility-types.ts';

const STATUS_LABELS = { draft: '草稿', published: '已发布' } as const;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentAnnualSummary({ plan, org }: AnnualPlanWithOrg): AnnualPlanSummary {
  return {
    id: plan.id,
    orgId: org.id,
    orgName: org.name,
    year: plan.year,
    name: plan.name,
    status: plan.status,
    statusLabel: plan.status === 'published' && plan.revision > 1 ? `已发布（修订 ${plan.revision - 1}）` : STATUS_LABELS[plan.status],
    revision: plan.revision,
    publishedAt: iso(plan.publishedAt),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export function presentMonthlySummary({ plan, org, generatedByName }: MonthlyPlanWithOrg): MonthlyPlanSummary {
  return {
    id: plan.id,
    annualPlanId: plan.annualPlanId,
    orgId: org.id,
    orgName: org.name,
    year: plan.year,
    month: plan.month,
    status: plan.status,
    statusLabel: STATUS_LABELS[plan.status],
    totalQuota: plan.quotas.reduce((s, q) => s + q.quota, 0),
    dueDate: plan.dueDate,
    generatedAt: plan.generatedAt.toISOString(),
    generatedByName: plan.generatedBy === null ? '系统定时任务' : (generatedByName ?? '（账号已删除）'),
    publishedAt: iso(plan.publishedAt),
  };
}

export function presentAnnualPlan(
  found: AnnualPlanWithOrg & { monthly: MonthlyPlanWithOrg[]; capacity: AnnualCapacityEvaluation; firstOpenMonth: number },
  actor: Actor | null,
): AnnualPlanView {
  const { capacity } = found;
  return {
    ...presentAnnualSummary(found),
    settings: found.plan.settings,
    monthlyPlans: found.monthly.map(presentMonthlySummary).sort((a, b) => a.month - b.month),
    canEdit: actor !== null && canManageInScope(actor, 'plans.manage', found.org.path),
    capacity: capacity.report,
    capacityProblem: capacity.report === null ? capacity.problem : null,
    capacityShortfall: capacity.report === null ? null : capacity.shortfallText,
    capacityNote: found.plan.capacityNote,
    firstOpenMonth: found.firstOpenMonth,
  };
}

export function presentQuota(q: StratumQuota & { adjustReason?: string | null }): StratumQuotaView {
  return {
    code: q.code,
    name: q.name,
    target: q.target,
    covered: q.covered,
    remaining: q.remaining,
    monthsLeft: q.monthsLeft,
    computed: q.computed,
    candidates: q.candidates,
    quota: q.quota,
    alternates: q.alternates,
    shortBy: q.shortBy,
    adjustReason: q.adjustReason ?? null,
  };
}

export function presentEligibility(stored: StoredEligibility): EligibilitySummaryView {
  return {
    on: stored.on,
    computedAt: stored.computedAt,
    candidates: stored.candidates,
    excluded: stored.excluded,
    strata: stored.strata,
    excludedByReason: stored.excludedByReason,
  };
}

export function presentMonthlyPlan(found: MonthlyPlanWithOrg & { annualRevisionNow: number }, actor: Actor): MonthlyPlanView {
  const stored = found.plan.eligibility;
  const problems = [...stored.problems];
  if (found.plan.status === 'draft' && found.annualRevisionNow !== found.plan.annualRevision) {
    problems.unshift({ code: 'ANNUAL_PLAN_REVISED', message: '年度计划在生成本月计划后已修订，请重新生成', severity: 'error' });
  }
  return {
    ...presentMonthlySummary(found),
    annualPlanName: found.annualName,
    annualRevision: found.plan.annualRevision,
    quotas: found.plan.quotas.map(presentQuota),
    capacity: found.plan.capacity,
    eligibility: presentEligibility(stored),
    problems,
    notes: found.plan.notes,
    canEdit: found.plan.status === 'draft' && canManageInScope(actor, 'plans.manage', found.org.path),
  };
}

export function presentPlanUnit(row: PlanUnitRow): PlanUnitView {
  return {
    id: row.unit.id,
    name: row.unit.name,
    uscc: row.unit.uscc,
    address: row.unit.address,
    categoryLabel: UNIT_CATEGORY_LABELS[row.unit.category],
    stratum: row.stratum,
    weight: row.weight,
    reason: row.reason,
    reasonLabel: row.reason ? EXCLUSION_REASON_LABELS[row.reason] : null,
    lastCounted: inspectionRef(row.unit.lastCounted),
    lastAny: inspectionRef(row.unit.lastAny),
  };
}

/** "YYYY-MM-DD kind" (as the query gives it) as a date and a labelled kind. */
function inspectionRef(value: string | null): InspectionRef | null {
  if (value === null) return null;
  const [on, kind] = value.split(' ') as [string, InspectionKind];
  return { on, kind, kindLabel: INSPECTION_KIND_LABELS[kind] ?? kind };
}

export function excludedByReasonView(result: EligibilityResult) {
  return EXCLUSION_REASONS.map((reason) => ({ reason, label: EXCLUSION_REASON_LABELS[reason], count: result.excludedByReason[reason] }));
}

type CampaignFound = { campaign: CampaignRow; org: { id: string; name: string; path: string } };

export function presentCampaignBase({ campaign, org }: CampaignFound) {
  const s = campaign.settings;
  return {
    id: campaign.id,
    orgId: org.id,
    orgName: org.name,
    name: campaign.name,
    description: campaign.description,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    filter: s.filter,
    quota: s.quota,
    alternatesPercent: s.alternatesPercent,
    checkItemCodes: s.checkItemCodes,
    frequencyOverrideReason: s.frequencyOverrideReason,
    status: campaign.status,
    statusLabel: STATUS_LABELS[campaign.status],
    publishedAt: iso(campaign.publishedAt),
  };
}

export function presentCampaign(
  found: CampaignFound & { evaluation?: { eligibility: EligibilityResult; quota: StratumQuota } },
  actor: Actor,
): CampaignView {
  const e = found.evaluation;
  return {
    ...presentCampaignBase(found),
    eligibility: e ? { candidates: e.eligibility.candidates.length, excluded: e.eligibility.excluded.length, excludedByReason: excludedByReasonView(e.eligibility) } : null,
    quotaView: e ? presentQuota(e.quota) : null,
    canEdit: found.campaign.status === 'draft' && canManageInScope(actor, 'plans.manage', found.org.path),
  };
}

export function presentTriggerEvent(row: { event: TriggerEventRow; org: { name: string }; unitName: string }): TriggerEventView {
  const e = row.event;
  return {
    id: e.id,
    unitId: e.unitId,
    unitName: row.unitName,
    orgName: row.org.name,
    kind: e.kind,
    kindLabel: TRIGGER_KIND_LABELS[e.kind],
    receivedOn: e.receivedOn,
    summary: e.summary,
    reference: e.reference,
    open: e.closedAt === null,
    closedAt: iso(e.closedAt),
    closeReason: e.closeReason,
    createdAt: e.createdAt.toISOString(),
  };
}

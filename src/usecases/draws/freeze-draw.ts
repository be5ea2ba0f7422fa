import { firstDayOfMonth } from '../../domain/calendar/year-month.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { DRAW_ALGORITHM, PUBLIC_CONFLICT_CODE, type Manifest } from '../../domain/draw/draw-types.ts';
import { compareIds } from '../../domain/draw/id-order.ts';
import { manifestHash } from '../../domain/draw/jcs-hash.ts';
import { validateManifest } from '../../domain/draw/validate-manifest.ts';
import type { StratumQuota } from '../../domain/plans/eligibility-types.ts';
import { eligibilityDate } from '../../domain/plans/eligibility.ts';
import { buildManifestInputs, checkFeasibility } from '../../domain/plans/feasibility.ts';
import { quotasAtFreeze, type FreezeQuotaAdjustment } from '../../domain/plans/quotas.ts';
import { findUnstaffableUnits } from '../../domain/plans/unit-staffing.ts';
import { isInspectorDrawable } from '../../domain/registry/inspector-rules.ts';
import type { Tx } from '../../db/client.ts';
import {
  countDrawsOfOrg,
  externalRefsOfEarlierDraws,
  insertDraw,
  insertObservers,
  loadPreviousLeads,
  loadRecusalsInPeriod,
  lockOrgForNumbering,
  unitNames,
} from '../../db/draw-queries.ts';
import { findAnnualPlan, findMonthlyPlan, lockMonthlyPlan } from '../../db/plan-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';
import { evaluateCampaign, readableCampaign } from '../plans/campaign-rules.ts';
import { drawableInspectors, evaluateEligibility, type PlanInputs } from '../plans/plan-evaluation.ts';

export type FreezeDrawInput = {
  source: { kind: 'monthly_plan'; id: string } | { kind: 'campaign'; id: string };
  /** People at the draw table (廉政监督员, 企业代表 …): they commit to secrets before the external value exists. */
  observers: { name: string; capacity: string }[];
  /** Future public values named now, e.g. {source: '福彩3D', ref: '2026335'} (tonight's issue). */
  external: { source: string; ref: string }[];
};

type DrawSource = {
  org: { id: string; path: string; divisionCode: string; name: string };
  planId: string;
  monthlyPlanId: string | null;
  campaignId: string | null;
  periodStart: string;
  dueDate: string;
  quotas: StratumQuota[];
  inputs: PlanInputs;
  assignment: { lead: number; assistant: number; backups: number };
  /** Strata drawing fewer units than the plan says: some were inspected after the plan was computed. */
  adjustments: FreezeQuotaAdjustment[];
};

async function monthlySource(tx: Tx, ctx: UseCaseContext, id: string): Promise<DrawSource> {
  const found = await findMonthlyPlan(tx, id);
  if (!found) throw new DomainError('NOT_FOUND', '月度计划不存在');
  requireInScope(ctx.actor, found.org.path, '月度计划');
  // Locked for the freeze: a concurrent reopening of the plan waits for it, then sees the draw.
  const locked = await lockMonthlyPlan(tx, found.plan.annualPlanId, found.plan.month);
  if (locked?.status !== 'published') throw new DomainError('CONFLICT', '月度计划发布后才能组织抽取');
  const annual = await findAnnualPlan(tx, found.plan.annualPlanId);
  const settings = annual!.plan.settings;
  const periodStart = firstDayOfMonth(found.plan);
  // As of the freeze: an inspection recorded between the 1st and today counts (the six-month interval, the yearly cap).
  const on = eligibilityDate(periodStart, localDate(ctx.now));
  const inputs = await evaluateEligibility(tx, { orgId: found.org.id, orgPath: found.org.path }, settings, on, 'routine');
  const { quotas, adjustments, short } = quotasAtFreeze(found.plan.quotas, inputs.eligibility.strata);
  if (short.length > 0) {
    const [q] = short;
    throw new DomainError('CONFLICT', `「${q!.name}」现有候选单位 ${q!.candidates} 家，少于本月任务数 ${q!.quota}：请核实名录库，或退回月度计划重新制定后再发布`);
  }
  return {
    org: found.org,
    planId: found.plan.id,
    monthlyPlanId: found.plan.id,
    campaignId: null,
    periodStart,
    dueDate: found.plan.dueDate,
    quotas,
    inputs,
    assignment: settings.assignment,
    adjustments,
  };
}

async function campaignSource(tx: Tx, ctx: UseCaseContext, id: string): Promise<DrawSource> {
  const { campaign, org } = await readableCampaign(ctx, id, tx);
  if (campaign.status !== 'published') throw new DomainError('CONFLICT', '专项检查发布后才能组织抽取');
  const { eligibility, quota, inspectors, settings } = await evaluateCampaign(tx, campaign, org, localDate(ctx.now));
  if (quota.shortBy > 0) throw new DomainError('CONFLICT', `符合条件的候选单位 ${quota.candidates} 家，少于抽查数量 ${campaign.settings.quota}`);
  return {
    org,
    planId: campaign.id,
    monthlyPlanId: null,
    campaignId: campaign.id,
    periodStart: campaign.startsOn,
    dueDate: campaign.endsOn,
    quotas: [quota],
    inputs: { eligibility, inspectors },
    assignment: settings.assignment,
    adjustments: [],
  };
}

/**
 * 冻结 (draw-algorithm.md §1.1): builds the manifest from the published plan as of today — candidates with weights and
 * pools, every excluded unit with its reason, the inspectors drawable today whose certificate lasts the
 * period, 回避 and previous-主办 conflicts, the observers and the named external values — checks that every
 * candidate can be staffed, and stores it with its hash, which is published at once. Nothing about the
 * outcome exists yet.
 */
export async function freezeDraw(ctx: UseCaseContext, input: FreezeDrawInput): Promise<string> {
  requirePermission(ctx.actor, 'draws.manage');
  if (input.external.length === 0) {
    throw new DomainError('VALIDATION_FAILED', '外部随机源：至少指定一个尚未开奖的外部随机数（如福彩3D 当期开奖号码）', { field: 'external' });
  }
  const refs = new Set(input.external.map((e) => `${e.source}\u0000${e.ref}`));
  if (refs.size !== input.external.length) throw new DomainError('VALIDATION_FAILED', '外部随机源：同一来源和期号只能指定一次', { field: 'external' });
  return ctx.db.transaction(async (tx) => {
    const source = input.source.kind === 'monthly_plan' ? await monthlySource(tx, ctx, input.source.id) : await campaignSource(tx, ctx, input.source.id);
    const asOf = localDate(ctx.now);
    if (asOf > source.dueDate) throw new DomainError('CONFLICT', `任务期限 ${source.dueDate} 已过，不能再组织抽取`);
    // A draw of this plan that was voided named its lottery issues; their values may be known by now, so a new
    // draw naming one of them could be steered (draw-algorithm.md §1.5: new external references).
    const used = await externalRefsOfEarlierDraws(tx, { monthlyPlanId: source.monthlyPlanId, campaignId: source.campaignId });
    const reused = input.external.find((e) => used.has(`${e.source}\u0000${e.ref}`));
    if (reused) {
      throw new DomainError('VALIDATION_FAILED', `外部随机源：${reused.source} 第 ${reused.ref} 期已被本计划此前的抽取指定过，请指定一个新的、尚未开奖的期号`, { field: 'external' });
    }

    const manifestInspectors = drawableInspectors(
      source.inputs.inspectors.filter((i) => isInspectorDrawable(i.facts, asOf).drawable && (i.facts.certificateValidUntil ?? '') >= source.dueDate),
      () => 1,
    );
    const rows = buildManifestInputs({ quotas: source.quotas, eligibility: source.inputs.eligibility, inspectors: manifestInspectors, assignment: source.assignment });
    const candidateIds = new Set(rows.candidates.map((c) => c[0]));
    const inspectorIds = new Set(rows.inspectors.map((i) => i[0]));
    // Each bar with its real reason for the admin record; the manifest publishes them all under one neutral code.
    const conflicts = new Map<string, [string, string, 'RECUSAL' | 'PREVIOUS_LEAD']>();
    for (const r of await loadRecusalsInPeriod(tx, [...inspectorIds], asOf, source.dueDate)) {
      if (candidateIds.has(r.unitId)) conflicts.set(`${r.inspectorId}\u0000${r.unitId}`, [r.inspectorId, r.unitId, 'RECUSAL']);
    }
    for (const [unitId, leads] of await loadPreviousLeads(tx, [...candidateIds])) {
      for (const lead of leads) {
        const key = `${lead}\u0000${unitId}`;
        if (inspectorIds.has(lead) && !conflicts.has(key)) conflicts.set(key, [lead, unitId, 'PREVIOUS_LEAD']);
      }
    }
    const conflictReasons = [...conflicts.values()].sort((a, b) => compareIds(a[0], b[0]) || compareIds(a[1], b[1]));
    const conflictRows = conflictReasons.map(([inspectorId, unitId]) => [inspectorId, unitId, PUBLIC_CONFLICT_CODE] as const);

    const feasibility = checkFeasibility({ quotas: source.quotas, candidates: source.inputs.eligibility.candidates, inspectors: manifestInspectors, assignment: source.assignment });
    const errors = feasibility.problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) throw new DomainError('CONFLICT', `不具备抽取条件：${errors.map((e) => e.message).join('；')}`);
    const unstaffable = findUnstaffableUnits({ candidates: rows.candidates, inspectors: rows.inspectors, conflicts: conflictRows, assignment: source.assignment });
    if (unstaffable.length > 0) {
      const names = await unitNames(tx, unstaffable.slice(0, 5).map((u) => u.unitId));
      const named = unstaffable.slice(0, 5).map((u) => names.get(u.unitId) ?? u.unitId).join('、');
      throw new DomainError(
        'CONFLICT',
        `有 ${unstaffable.length} 家候选单位无法配齐主办和协办（回避或人员不足）：${named}${unstaffable.length > 5 ? ' 等' : ''}。请先调整人员或回避登记`,
        { units: unstaffable.slice(0, 20) },
      );
    }

    await lockOrgForNumbering(tx, source.org.id);
    const code = `D-${source.periodStart.slice(0, 7)}-${source.org.divisionCode}-${String((await countDrawsOfOrg(tx, source.org.id)) + 1).padStart(3, '0')}`;
    const manifest: Manifest = {
      algorithm: DRAW_ALGORITHM,
      drawId: code,
      planId: source.planId,
      asOf,
      strata: rows.strata,
      candidates: rows.candidates,
      excluded: rows.excluded,
      inspectors: rows.inspectors,
      conflicts: conflictRows,
      assignment: rows.assignment,
      observers: input.observers.map((_, i) => `OBS-${i + 1}`),
      external: input.external.map((e) => ({ source: e.source, ref: e.ref })),
    };
    const problems = validateManifest(manifest);
    if (problems.length > 0) throw new DomainError('CONFLICT', `抽取清单不合规：${problems.map((p) => p.message).join('；')}`);
    const hash = manifestHash(manifest);
    const id = await insertDraw(tx, {
      code,
      orgId: source.org.id,
      monthlyPlanId: source.monthlyPlanId,
      campaignId: source.campaignId,
      status: 'frozen',
      manifest,
      manifestHash: hash,
      conflictReasons,
      periodStart: source.periodStart,
      dueDate: source.dueDate,
      frozenAt: ctx.now,
      frozenBy: ctx.actor.accountId,
    });
    if (!id) throw new DomainError('CONFLICT', '该计划已有一次未作废的抽取：不存在「重新抽取」，如需重来须先作废并说明理由');
    await insertObservers(tx, input.observers.map((o, i) => ({ drawId: id, observerId: `OBS-${i + 1}`, name: o.name, capacity: o.capacity })));
    await recordAudit(tx, ctx, {
      action: 'draw.freeze',
      targetType: 'draw',
      targetId: id,
      orgId: source.org.id,
      summary: {
        drawId: code,
        manifestHash: hash,
        candidates: rows.candidates.length,
        excluded: rows.excluded.length,
        inspectors: rows.inspectors.length,
        conflicts: conflictRows.length,
        strata: Object.fromEntries(rows.strata.map((s) => [s.code, s.quota])),
        external: input.external.map((e) => `${e.source} ${e.ref}`),
        observers: input.observers.length,
        ...(source.adjustments.length > 0
          ? { quotaLowered: Object.fromEntries(source.adjustments.map((a) => [a.name, `${a.planned} → ${a.drawn}（计划生成后已检查 ${a.coveredSince} 家）`])) }
          : {}),
      },
    });
    return id;
  });
}

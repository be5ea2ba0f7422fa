import {
  inspectorNames,
  listExternalEntries,
  listObservers,
  listTaskChanges,
  listTasksOfDraw,
  unitNames,
  type DrawWithOrg,
} from '../../db/draw-queries.ts';
import { findCampaign, findMonthlyPlan } from '../../db/plan-queries.ts';
import { readTogether, type DbOrTx } from '../../db/client.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { readableDraw } from './draw-access.ts';
import { drawSourceLabel } from './draw-source-label.ts';
import { loadTaskFieldFacts, type TaskFieldFacts } from '../field/task-field-facts.ts';

export type DrawDetail = DrawWithOrg & {
  sourceLabel: string;
  /** Stratum code → the name its plan published (see drawSource). */
  stratumNames: Record<string, string>;
  observers: Awaited<ReturnType<typeof listObservers>>;
  entries: Awaited<ReturnType<typeof listExternalEntries>>;
  tasks: Awaited<ReturnType<typeof listTasksOfDraw>>;
  changes: Awaited<ReturnType<typeof listTaskChanges>>;
  names: Map<string, string>;
  /** Each task's latest record and pre-notice (admin views; the portal shows neither). */
  field: TaskFieldFacts;
  /**
   * A draw voided before execution with complete inputs: the tasks its result would have created (never
   * created), each with its unit's name, in the order of the result. Empty otherwise.
   */
  wouldBe: { unitId: string; unitName: string; stratum: string; rank: number; leadIds: string[]; assistantIds: string[] }[];
};

/**
 * Where a draw comes from: its label, and the names of its strata as its plan published them (a monthly plan's
 * quota rows; a campaign's single pool takes the campaign's name).
 */
export async function drawSource(
  db: DbOrTx,
  draw: { monthlyPlanId: string | null; campaignId: string | null },
  strataCodes: readonly string[],
): Promise<{ label: string; stratumNames: Record<string, string> }> {
  if (draw.monthlyPlanId) {
    const m = await findMonthlyPlan(db, draw.monthlyPlanId);
    const quotas = m?.plan.quotas ?? [];
    return {
      label: drawSourceLabel({ campaignName: null, planYear: m?.plan.year ?? null, planMonth: m?.plan.month ?? null }),
      stratumNames: Object.fromEntries(quotas.map((q) => [q.code, q.name])),
    };
  }
  const c = draw.campaignId ? await findCampaign(db, draw.campaignId) : undefined;
  return {
    label: drawSourceLabel({ campaignName: c?.campaign.name ?? '', planYear: null, planMonth: null }),
    stratumNames: c ? Object.fromEntries(strataCodes.map((code) => [code, c.campaign.name])) : {},
  };
}

/** Everything about one draw, for its page (admin) or, through a whitelisting presenter, the portal. */
export async function loadDrawDetail(db: DbOrTx, found: DrawWithOrg): Promise<DrawDetail> {
  const drawId = found.draw.id;
  const strataCodes = found.draw.manifest.strata.map((s) => s.code);
  const [observers, entries, tasks, changes, source] = await readTogether(db, [
    () => listObservers(db, drawId),
    () => listExternalEntries(db, drawId),
    () => listTasksOfDraw(db, drawId),
    () => listTaskChanges(db, drawId),
    () => drawSource(db, found.draw, strataCodes),
  ]);
  const ids = [
    ...tasks.flatMap((t) => [
      ...t.task.leadIds,
      ...t.task.assistantIds,
      ...t.task.backups.lead,
      ...t.task.backups.assistant,
    ]),
    ...changes.flatMap((c) => (c.kind === 'inspector_replaced' ? [c.fromId ?? '', c.toId ?? ''] : [])),
  ].filter((id) => id !== '');
  const result = found.draw.result;
  const wouldBeTasks = found.draw.status === 'voided' && tasks.length === 0 && result ? result.tasks : [];
  for (const t of wouldBeTasks) ids.push(...t.lead, ...t.assistant);
  const names = await inspectorNames(db, ids);
  const unitName = await unitNames(db, wouldBeTasks.map((t) => t.unitId));
  const placeOf = new Map(result?.strata.flatMap((s) => s.selected.map((id, rank) => [id, { stratum: s.code, rank }] as const)) ?? []);
  const wouldBe = wouldBeTasks.map((t) => ({
    unitId: t.unitId,
    unitName: unitName.get(t.unitId) ?? t.unitId,
    stratum: placeOf.get(t.unitId)?.stratum ?? '',
    rank: placeOf.get(t.unitId)?.rank ?? 0,
    leadIds: [...t.lead],
    assistantIds: [...t.assistant],
  }));
  const field = await loadTaskFieldFacts(db, tasks.map((t) => t.task.id));
  return { ...found, sourceLabel: source.label, stratumNames: source.stratumNames, observers, entries, tasks, changes, names, wouldBe, field };
}

export async function getDraw(ctx: UseCaseContext, id: string): Promise<DrawDetail> {
  return loadDrawDetail(ctx.db, await readableDraw(ctx, id));
}

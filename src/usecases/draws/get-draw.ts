import { inspectorNames, listExternalEntries, listObservers, listTaskChanges, listTasksOfDraw, type DrawWithOrg } from '../../db/draw-queries.ts';
import { findCampaign, findMonthlyPlan } from '../../db/plan-queries.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { readableDraw } from './draw-access.ts';

export type DrawDetail = DrawWithOrg & {
  sourceLabel: string;
  observers: Awaited<ReturnType<typeof listObservers>>;
  entries: Awaited<ReturnType<typeof listExternalEntries>>;
  tasks: Awaited<ReturnType<typeof listTasksOfDraw>>;
  changes: Awaited<ReturnType<typeof listTaskChanges>>;
  names: Map<string, string>;
};

/** "2026 年 12 月月度计划" or the campaign's name. */
export async function drawSourceLabel(db: DbOrTx, draw: { monthlyPlanId: string | null; campaignId: string | null }): Promise<string> {
  if (draw.monthlyPlanId) {
    const m = await findMonthlyPlan(db, draw.monthlyPlanId);
    return m ? `${m.plan.year} 年 ${m.plan.month} 月月度抽查计划` : '月度抽查计划';
  }
  const c = draw.campaignId ? await findCampaign(db, draw.campaignId) : undefined;
  return c ? `专项检查：${c.campaign.name}` : '专项检查';
}

/** Everything about one draw, for its page (admin) or, through a whitelisting presenter, the portal. */
export async function loadDrawDetail(db: DbOrTx, found: DrawWithOrg): Promise<DrawDetail> {
  const drawId = found.draw.id;
  const [observers, entries, tasks, changes, sourceLabel] = await Promise.all([
    listObservers(db, drawId),
    listExternalEntries(db, drawId),
    listTasksOfDraw(db, drawId),
    listTaskChanges(db, drawId),
    drawSourceLabel(db, found.draw),
  ]);
  const ids = [
    ...tasks.flatMap((t) => [...t.task.leadIds, ...t.task.assistantIds, ...Object.values(t.task.backups as Record<string, string[]>).flat()]),
    ...changes.flatMap((c) => (c.kind === 'inspector_replaced' ? [c.fromId ?? '', c.toId ?? ''] : [])),
  ].filter((id) => id !== '');
  const names = await inspectorNames(db, ids);
  return { ...found, sourceLabel, observers, entries, tasks, changes, names };
}

export async function getDraw(ctx: UseCaseContext, id: string): Promise<DrawDetail> {
  return loadDrawDetail(ctx.db, await readableDraw(ctx, id));
}

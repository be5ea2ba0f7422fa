import type { SelfCheckListItem, SelfCheckListView } from '../../contracts/self-checks.ts';
import { hasPermission } from '../../domain/access.ts';
import { FINDING_KINDS } from '../../domain/oversight/self-check.ts';
import { listReportsInScope } from '../../db/self-check-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

const CAP = 500;

export const REPORT_KIND_LABELS = { brigade: '大队检查', detachment: '支队汇总' } as const;

/** The total of a report's counts (all finding kinds). */
export function totalOf(counts: Record<string, number>): number {
  return FINDING_KINDS.reduce((n, k) => n + (counts[k] ?? 0), 0);
}

export function listItemOf(r: { id: string; orgId: string; orgName: string; checkDate: string; kind: 'brigade' | 'detachment'; manual: boolean; summary: string; counts: Record<string, number> }): SelfCheckListItem {
  return { id: r.id, orgId: r.orgId, orgName: r.orgName, checkDate: r.checkDate, kind: r.kind, kindLabel: REPORT_KIND_LABELS[r.kind], manual: r.manual, summary: r.summary, total: totalOf(r.counts) };
}

/** 十日、二十日检查 list: the reports of the orgs in the reader's scope, newest first (everyone who reads plans). */
export async function listSelfChecks(ctx: UseCaseContext): Promise<SelfCheckListView> {
  requirePermission(ctx.actor, 'plans.read');
  const rows = await listReportsInScope(ctx.db, scopePathOf(ctx.actor), CAP);
  return { items: rows.map(listItemOf), canRunNow: ctx.actor.orgKind === 'brigade' && hasPermission(ctx.actor, 'plans.manage') };
}

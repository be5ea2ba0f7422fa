import type { StatisticsListQuery, StatisticsListView } from '../../contracts/statistics.ts';
import { findGroupNames, listFigureRows } from '../../db/statistics-queries.ts';
import { fieldError } from '../../domain/errors.ts';
import { COUNT_FIGURE_DEFINITIONS, isFigureGroupable, periodDays } from '../../domain/statistics/figures.ts';
import { detailLabel, groupLabel, rowLink } from '../../domain/statistics/group-labels.ts';
import { scopeOrgIdsOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/** The export writes at most this many rows of a drill-down (the count is always exact). */
export const STATISTICS_LIST_LIMIT = 2000;
/** The screen shows a drill-down this many rows a page. */
export const STATISTICS_PAGE_SIZE = 50;

/**
 * 明细: the rows behind one figure of one group, in the actor's scope, from the same source the counts come from — a page
 * of the screen, or (`forExport`) the first STATISTICS_LIST_LIMIT rows.
 */
export async function listStatisticsRows(ctx: UseCaseContext, query: StatisticsListQuery, forExport = false): Promise<StatisticsListView> {
  requirePermission(ctx.actor, 'plans.read');
  if (!isFigureGroupable(query.figure, query.group)) throw fieldError('group', '分组', '计划抽查数只能按月份或大队分组');
  const orgIds = await scopeOrgIdsOf(ctx.db, ctx.actor);
  const key = query.key ?? null;
  const page = forExport ? 1 : (query.page ?? 1);
  const limit = forExport ? STATISTICS_LIST_LIMIT : STATISTICS_PAGE_SIZE;
  const { total, rows } = await listFigureRows(ctx.db, { orgIds, ...periodDays(query) }, query.figure, query.group, key, limit, (page - 1) * limit);
  const names = key === null ? new Map<string, string>() : await findGroupNames(ctx.db, query.group, [key]);
  return {
    figure: query.figure,
    figureName: COUNT_FIGURE_DEFINITIONS[query.figure].name,
    groupLabel: key === null ? '合计' : groupLabel(query.group, key, names),
    total,
    page,
    pageSize: limit,
    exportLimit: STATISTICS_LIST_LIMIT,
    truncated: total > STATISTICS_LIST_LIMIT,
    rows: rows.map((r) => ({
      id: r.id,
      orgName: r.orgName,
      unitId: r.unitId,
      unitName: r.unitName,
      day: r.day,
      amount: r.amount,
      detail: detailLabel(query.figure, r.detail),
      link: rowLink(query.figure, r),
    })),
  };
}

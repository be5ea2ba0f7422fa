import type { StatisticsQuery, StatisticsView } from '../../contracts/statistics.ts';
import { countFigureByDetail, countFiguresByGroup, countHazardsByLine, findGroupNames, type StatisticsFilter } from '../../db/statistics-queries.ts';
import { failureRateWarnings, type FailureCounts } from '../../domain/oversight/early-warning.ts';
import { COUNT_FIGURES, isFigureGroupable, periodDays, topShares, previousTwelveMonths, ratesOf, sumCounts, zeroCounts, type Counts, type CountFigure, type GroupKey } from '../../domain/statistics/figures.ts';
import { detailLabel, groupLabel } from '../../domain/statistics/group-labels.ts';
import { scopeOrgIdsOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

export const WARNING_TEST_TEXT = '单侧精确二项检验：以前 12 个月的不合格率为基准，本月不合格家数不低于实际值的概率；显著性水平 0.01 按同月比较的分组数均分（邦费罗尼校正），且本月至少 3 家不合格';

/**
 * 统计分析: the figures of the actor's scope (their brigade, 支队 or 总队) over a period, by the chosen grouping, with
 * totals summed from the groups (a rate is re-computed from the sums), and the early warning of districts and industries
 * whose failure rate in the period's last month rose beyond chance against the twelve months before.
 */
export async function getStatistics(ctx: UseCaseContext, query: StatisticsQuery): Promise<StatisticsView> {
  requirePermission(ctx.actor, 'plans.read');
  const orgIds = await scopeOrgIdsOf(ctx.db, ctx.actor);
  const filter = { orgIds, ...periodDays(query) };
  const figures = COUNT_FIGURES.filter((f) => isFigureGroupable(f, query.group));
  const rows = await countFiguresByGroup(ctx.db, filter, query.group, figures);
  const byKey = new Map<string, Counts>();
  for (const r of rows) {
    const counts = byKey.get(r.key) ?? zeroCounts();
    counts[r.figure] = r.value;
    byKey.set(r.key, counts);
  }
  const keys = [...byKey.keys()].sort(compareKeys(query.group));
  const names = await findGroupNames(ctx.db, query.group, keys);
  const blank = (f: CountFigure) => !isFigureGroupable(f, query.group);
  const groups = keys.map((key) => {
    const counts = byKey.get(key)!;
    return {
      key,
      label: groupLabel(query.group, key, names),
      counts: Object.fromEntries(COUNT_FIGURES.map((f) => [f, blank(f) ? null : counts[f]])) as Record<CountFigure, number | null>,
      rates: ratesOf(counts),
    };
  });
  const total = sumCounts([...byKey.values()]);
  if (blank('planned')) {
    // The plans' quotas have no district or industry: their total still comes from the plans.
    const planned = await countFiguresByGroup(ctx.db, filter, 'month', ['planned']);
    total.planned = planned.reduce((n, r) => n + r.value, 0);
  }
  const scopeName = ctx.actor.role === 'system_admin' ? '全部单位' : ((await findGroupNames(ctx.db, 'brigade', [ctx.actor.orgId])).get(ctx.actor.orgId) ?? '');
  return {
    from: query.from,
    to: query.to,
    group: query.group,
    scopeName,
    groups,
    total: { counts: total, rates: ratesOf(total) },
    warning: await earlyWarning(ctx, orgIds, query.to),
    composition: await composition(ctx, filter),
  };
}

/** Hazards by checklist line (top ten, then 其他) and 无法检查 by reason. */
async function composition(ctx: UseCaseContext, filter: StatisticsFilter): Promise<StatisticsView['composition']> {
  const lines = (await countHazardsByLine(ctx.db, filter)).map((l) => ({
    key: l.code,
    label: l.text === '' ? l.code : l.itemName === '' ? l.text : `${l.itemName}：${l.text}`,
    count: l.count,
  }));
  const reasons = (await countFigureByDetail(ctx.db, filter, 'unable')).map((r) => ({ key: r.key, label: r.key === '' ? '未说明' : detailLabel('unable', r.key), count: r.count }));
  return { hazardsByLine: topShares(lines, 10, '其他'), unableByReason: reasons };
}

function compareKeys(group: GroupKey) {
  // Blank keys (「未填写」) last; months in order; the rest by code.
  return (a: string, b: string) => (a === '' ? 1 : b === '' ? -1 : group === 'month' ? a.localeCompare(b) : a.localeCompare(b, 'zh-CN'));
}

/** The early warning of districts and industries for `month` (YYYY-MM) over the org ids (null: everything). */
export async function earlyWarning(ctx: UseCaseContext, orgIds: string[] | null, month: string): Promise<StatisticsView['warning']> {
  const baseline = previousTwelveMonths(month);
  const items: StatisticsView['warning']['items'] = [];
  for (const dimension of ['district', 'industry'] as const) {
    const current = await countFiguresByGroup(ctx.db, { orgIds, ...periodDays({ from: month, to: month }) }, dimension, ['inspected', 'failed']);
    const before = await countFiguresByGroup(ctx.db, { orgIds, ...periodDays(baseline) }, dimension, ['inspected', 'failed']);
    const keys = [...new Set(current.map((r) => r.key))].filter((k) => k !== '');
    const names = await findGroupNames(ctx.db, dimension, keys);
    const value = (rows: typeof current, key: string, figure: CountFigure) => rows.find((r) => r.key === key && r.figure === figure)?.value ?? 0;
    const groups: FailureCounts[] = keys.map((key) => ({
      key,
      label: groupLabel(dimension, key, names),
      failures: value(current, key, 'failed'),
      inspections: value(current, key, 'inspected'),
      baselineFailures: value(before, key, 'failed'),
      baselineInspections: value(before, key, 'inspected'),
    }));
    for (const w of failureRateWarnings(groups)) items.push({ dimension, ...w });
  }
  return { month, baseline, test: WARNING_TEST_TEXT, items };
}

import type { ApplyWarningWeightRequest, ApplyWarningWeightResult, CountFigure, GroupKey, StatisticsListView, StatisticsView } from '@contracts/statistics.ts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

export type StatisticsParams = { from: string; to: string; group: GroupKey };
export type StatisticsListParams = StatisticsParams & { figure: CountFigure; key?: string | undefined; page?: number | undefined };

/** The figures of the actor's scope by group, with totals and the early warning. */
export const statisticsQuery = (p: StatisticsParams) =>
  queryOptions({ queryKey: ['statistics', p.from, p.to, p.group], queryFn: () => api.get<StatisticsView>(withQuery('/api/statistics', p)) });

/** The rows behind one figure of one group. */
export const statisticsListQuery = (p: StatisticsListParams) =>
  queryOptions({
    queryKey: ['statistics', 'list', p.from, p.to, p.group, p.figure, p.key ?? null, p.page ?? 1],
    queryFn: () => api.get<StatisticsListView>(withQuery('/api/statistics/list', p)),
    // Turning a page keeps the table (and its pager) on screen until the next page has arrived.
    placeholderData: keepPreviousData,
  });

/** The .xlsx of the table (or, with a figure, of a drill-down list); a plain link, so the browser downloads it. */
export const statisticsExportUrl = (p: StatisticsParams | StatisticsListParams) => withQuery('/api/statistics/export.xlsx', p);

/** A warning's suggested weight into the annual plan for the month after (a revision of the plan). */
export const applyWarningWeight = (body: ApplyWarningWeightRequest) => api.post<ApplyWarningWeightResult>('/api/statistics/warning-weight', body);

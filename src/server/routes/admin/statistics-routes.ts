import type { FastifyInstance } from 'fastify';
import {
  ApplyWarningWeightRequest,
  StatisticsListQuery,
  StatisticsQuery,
  type ApplyWarningWeightResult,
  type StatisticsListView,
  type StatisticsView,
} from '../../../contracts/statistics.ts';
import { applyWarningWeight } from '../../../usecases/plans/apply-warning-weight.ts';
import { exportStatistics, exportStatisticsList } from '../../../usecases/statistics/export-statistics.ts';
import { getStatistics } from '../../../usecases/statistics/get-statistics.ts';
import { listStatisticsRows } from '../../../usecases/statistics/list-statistics-rows.ts';
import { contextOf, readContextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { sendDownload } from '../../uploads.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 统计分析 (see src/contracts/statistics.ts). Its reads go to the replica when there is one (READ_DATABASE_URL): figures
 * a few seconds behind are as good as current; applying a warning weight writes, on the primary. The use cases build the views from counts, labels and links only (no
 * contact details), so no presenter trims them further.
 */
export function registerStatisticsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/statistics', async (request): Promise<StatisticsView> => getStatistics(readContextOf(request, deps), parse(StatisticsQuery, request.query)));
  app.get('/api/statistics/list', async (request): Promise<StatisticsListView> => listStatisticsRows(readContextOf(request, deps), parse(StatisticsListQuery, request.query)));
  app.get('/api/statistics/export.xlsx', async (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const ctx = readContextOf(request, deps);
    const file = query?.figure !== undefined ? await exportStatisticsList(ctx, parse(StatisticsListQuery, query)) : await exportStatistics(ctx, parse(StatisticsQuery, query));
    return sendDownload(reply, XLSX_TYPE, file.fileName, file.bytes, 'statistics.xlsx');
  });
  app.post('/api/statistics/warning-weight', async (request): Promise<ApplyWarningWeightResult> =>
    applyWarningWeight(contextOf(request, deps), parse(ApplyWarningWeightRequest, request.body)),
  );
}

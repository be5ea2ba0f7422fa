import type { FastifyInstance } from 'fastify';
import type { MonthProgressView } from '../../../contracts/dashboard.ts';
import { getMonthProgress } from '../../../usecases/dashboard/get-month-progress.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { presentMonthProgress } from '../../presenters/dashboard-presenter.ts';

/** The 工作台's figures. */
export function registerDashboardRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/dashboard/month', async (request): Promise<MonthProgressView> => presentMonthProgress(await getMonthProgress(contextOf(request, deps))));
}

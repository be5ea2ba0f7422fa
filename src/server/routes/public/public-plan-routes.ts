import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import type { PublicAnnualPlanView, PublicMonthlyPlanView, PublicPlanListView } from '../../../contracts/plans.ts';
import { getPublicAnnualPlan } from '../../../usecases/public/get-public-annual-plan.ts';
import { getPublicMonthlyPlan } from '../../../usecases/public/get-public-monthly-plan.ts';
import { getPublicPlans } from '../../../usecases/public/get-public-plans.ts';
import type { RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentPublicAnnualPlan, presentPublicMonthlyPlan, presentPublicPlanList } from '../../presenters/public-plan-presenter.ts';
import { createPublicAnswer } from './public-cache.ts';

/** The published plans on the portal, without login: rules and quotas, never drafts, unit lists or staff names. */
export function registerPublicPlanRoutes(app: FastifyInstance, deps: RouteDeps): void {
  // Shared for a few seconds per instance (decision 0032).
  const answer = createPublicAnswer(deps.publicCacheTtlMs);

  app.get('/api/public/plans', (request, reply) =>
    answer(request, reply, 'plans', async (): Promise<PublicPlanListView> => presentPublicPlanList(await getPublicPlans(deps.read))),
  );

  app.get('/api/public/plans/annual/:id', (request, reply) => {
    const { id } = parse(IdParams, request.params);
    return answer(request, reply, `annual/${id}`, async (): Promise<PublicAnnualPlanView> =>
      presentPublicAnnualPlan(await getPublicAnnualPlan(deps.read, id)),
    );
  });

  app.get('/api/public/plans/monthly/:id', (request, reply) => {
    const { id } = parse(IdParams, request.params);
    return answer(request, reply, `monthly/${id}`, async (): Promise<PublicMonthlyPlanView> =>
      presentPublicMonthlyPlan(await getPublicMonthlyPlan(deps.read, id)),
    );
  });
}

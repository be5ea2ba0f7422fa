import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../../contracts/common.ts';
import type { PublicAnnualPlanView, PublicMonthlyPlanView, PublicPlanListView } from '../../../contracts/plans.ts';
import { getPublicAnnualPlan } from '../../../usecases/public/get-public-annual-plan.ts';
import { getPublicMonthlyPlan } from '../../../usecases/public/get-public-monthly-plan.ts';
import { getPublicPlans } from '../../../usecases/public/get-public-plans.ts';
import type { RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import {
  presentAnnualSummary,
  presentCampaignBase,
  presentMonthlySummary,
  presentPublicMonthlyPlan,
} from '../../presenters/plan-presenter.ts';

/** The published plans on the portal, without login: rules and quotas, never drafts or unit lists. */
export function registerPublicPlanRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/public/plans', async (): Promise<PublicPlanListView> => {
    const { annual, monthly, campaigns } = await getPublicPlans(deps.db);
    return {
      annual: annual.map((a) => ({
        ...presentAnnualSummary(a),
        monthlyPlans: monthly.filter((m) => m.plan.annualPlanId === a.plan.id).map(presentMonthlySummary).sort((x, y) => x.month - y.month),
      })),
      campaigns: campaigns.map(presentCampaignBase),
    };
  });

  app.get('/api/public/plans/annual/:id', async (request): Promise<PublicAnnualPlanView> => {
    const { id } = parse(IdParams, request.params);
    const found = await getPublicAnnualPlan(deps.db, id);
    return {
      ...presentAnnualSummary(found),
      settings: found.plan.settings as PublicAnnualPlanView['settings'],
      monthlyPlans: found.monthly.map(presentMonthlySummary).sort((x, y) => x.month - y.month),
    };
  });

  app.get('/api/public/plans/monthly/:id', async (request): Promise<PublicMonthlyPlanView> => {
    const { id } = parse(IdParams, request.params);
    return presentPublicMonthlyPlan(await getPublicMonthlyPlan(deps.db, id));
  });
}

import type { FastifyInstance } from 'fastify';
import { IdParams, type Page } from '../../../contracts/common.ts';
import {
  AdjustMonthlyPlanRequest,
  AnnualPlanListQuery,
  CampaignRequest,
  CreateAnnualPlanRequest,
  MonthParams,
  MonthlyPlanListQuery,
  MonthlyPlanUnitsQuery,
  ReasonRequest,
  TriggerEventListQuery,
  TriggerEventRequest,
  PublishAnnualPlanRequest,
  UpdateAnnualPlanRequest,
  type AnnualPlanSummary,
  type AnnualPlanView,
  type CampaignView,
  type MonthlyPlanSummary,
  type MonthlyPlanView,
  type PlanSettingsInput,
  type PlanUnitView,
  type TriggerEventView,
} from '../../../contracts/plans.ts';
import { defaultPlanSettings } from '../../../domain/plans/plan-settings.ts';
import { adjustMonthlyPlan } from '../../../usecases/plans/adjust-monthly-plan.ts';
import { updateAnnualPlan } from '../../../usecases/plans/update-annual-plan.ts';
import { closeTriggerEvent } from '../../../usecases/plans/close-trigger-event.ts';
import { createAnnualPlan } from '../../../usecases/plans/create-annual-plan.ts';
import { generateMonthlyPlan } from '../../../usecases/plans/generate-monthly-plan.ts';
import { getAnnualPlan } from '../../../usecases/plans/get-annual-plan.ts';
import { getCampaign } from '../../../usecases/plans/get-campaign.ts';
import { getMonthlyPlan } from '../../../usecases/plans/get-monthly-plan.ts';
import { listAnnualPlans } from '../../../usecases/plans/list-annual-plans.ts';
import { listCampaigns } from '../../../usecases/plans/list-campaigns.ts';
import { listMonthlyPlanUnits } from '../../../usecases/plans/list-monthly-plan-units.ts';
import { listMonthlyPlans } from '../../../usecases/plans/list-monthly-plans.ts';
import { reopenMonthlyPlan } from '../../../usecases/plans/reopen-monthly-plan.ts';
import { listTriggerEvents } from '../../../usecases/plans/list-trigger-events.ts';
import { publishAnnualPlan } from '../../../usecases/plans/publish-annual-plan.ts';
import { publishCampaign } from '../../../usecases/plans/publish-campaign.ts';
import { publishMonthlyPlan } from '../../../usecases/plans/publish-monthly-plan.ts';
import { recordTriggerEvent } from '../../../usecases/plans/record-trigger-event.ts';
import { saveCampaign } from '../../../usecases/plans/save-campaign.ts';
import type { UseCaseContext } from '../../../usecases/lib/context.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import {
  presentAnnualPlan,
  presentAnnualSummary,
  presentCampaign,
  presentMonthlyPlan,
  presentMonthlySummary,
  presentPlanUnit,
  presentTriggerEvent,
} from '../../presenters/plan-presenter.ts';

async function annualView(ctx: UseCaseContext, id: string): Promise<AnnualPlanView> {
  return presentAnnualPlan(await getAnnualPlan(ctx, id), ctx.actor);
}

async function monthlyView(ctx: UseCaseContext, id: string): Promise<MonthlyPlanView> {
  return presentMonthlyPlan(await getMonthlyPlan(ctx, id), ctx.actor);
}

async function campaignView(ctx: UseCaseContext, id: string): Promise<CampaignView> {
  return presentCampaign(await getCampaign(ctx, id), ctx.actor);
}

function campaignInput(body: CampaignRequest) {
  const { filter, quota, alternatesPercent, checkItemCodes, frequencyOverrideReason, ...rest } = body;
  return { ...rest, filter, quota, alternatesPercent, checkItemCodes, frequencyOverrideReason };
}

/** 年度 / 月度抽查计划, 专项检查 and 触发式线索 (admin side). */
export function registerPlanRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/annual-plans', async (request): Promise<AnnualPlanSummary[]> => {
    const { year } = parse(AnnualPlanListQuery, request.query);
    return (await listAnnualPlans(contextOf(request, deps), year)).map(presentAnnualSummary);
  });

  app.get('/api/annual-plans/defaults', async (request): Promise<PlanSettingsInput> => {
    contextOf(request, deps);
    return defaultPlanSettings();
  });

  app.post('/api/annual-plans', async (request, reply): Promise<AnnualPlanView> => {
    const body = parse(CreateAnnualPlanRequest, request.body);
    const ctx = contextOf(request, deps);
    const id = await createAnnualPlan(ctx, body);
    reply.code(201);
    return annualView(ctx, id);
  });

  app.get('/api/annual-plans/:id', async (request): Promise<AnnualPlanView> => {
    const { id } = parse(IdParams, request.params);
    return annualView(contextOf(request, deps), id);
  });

  app.put('/api/annual-plans/:id', async (request): Promise<AnnualPlanView> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(UpdateAnnualPlanRequest, request.body);
    const ctx = contextOf(request, deps);
    await updateAnnualPlan(ctx, id, body);
    return annualView(ctx, id);
  });

  app.post('/api/annual-plans/:id/publish', async (request): Promise<AnnualPlanView> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(PublishAnnualPlanRequest, request.body);
    const ctx = contextOf(request, deps);
    await publishAnnualPlan(ctx, id, body);
    return annualView(ctx, id);
  });

  app.post('/api/annual-plans/:id/months/:month/generate', async (request): Promise<MonthlyPlanView> => {
    const { id, month } = parse(MonthParams, request.params);
    const ctx = contextOf(request, deps);
    const monthlyId = await generateMonthlyPlan(ctx, id, month);
    return monthlyView(ctx, monthlyId);
  });

  app.get('/api/monthly-plans', async (request): Promise<MonthlyPlanSummary[]> => {
    const filter = parse(MonthlyPlanListQuery, request.query);
    return (await listMonthlyPlans(contextOf(request, deps), filter)).map(presentMonthlySummary);
  });

  app.get('/api/monthly-plans/:id', async (request): Promise<MonthlyPlanView> => {
    const { id } = parse(IdParams, request.params);
    return monthlyView(contextOf(request, deps), id);
  });

  app.put('/api/monthly-plans/:id', async (request): Promise<MonthlyPlanView> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(AdjustMonthlyPlanRequest, request.body);
    const ctx = contextOf(request, deps);
    await adjustMonthlyPlan(ctx, id, body);
    return monthlyView(ctx, id);
  });

  app.post('/api/monthly-plans/:id/publish', async (request): Promise<MonthlyPlanView> => {
    const { id } = parse(IdParams, request.params);
    const ctx = contextOf(request, deps);
    await publishMonthlyPlan(ctx, id);
    return monthlyView(ctx, id);
  });

  app.post('/api/monthly-plans/:id/reopen', async (request): Promise<MonthlyPlanView> => {
    const { id } = parse(IdParams, request.params);
    const { reason } = parse(ReasonRequest, request.body);
    const ctx = contextOf(request, deps);
    await reopenMonthlyPlan(ctx, id, reason);
    return monthlyView(ctx, id);
  });

  app.get('/api/monthly-plans/:id/units', async (request): Promise<Page<PlanUnitView>> => {
    const { id } = parse(IdParams, request.params);
    const query = parse(MonthlyPlanUnitsQuery, request.query);
    const result = await listMonthlyPlanUnits(contextOf(request, deps), id, query);
    return { items: result.items.map(presentPlanUnit), total: result.total, page: query.page, pageSize: query.pageSize };
  });

  app.get('/api/campaigns', async (request): Promise<CampaignView[]> => {
    const ctx = contextOf(request, deps);
    return (await listCampaigns(ctx)).map((row) => presentCampaign(row, ctx.actor));
  });

  app.post('/api/campaigns', async (request, reply): Promise<CampaignView> => {
    const body = parse(CampaignRequest, request.body);
    const ctx = contextOf(request, deps);
    const id = await saveCampaign(ctx, null, campaignInput(body));
    reply.code(201);
    return campaignView(ctx, id);
  });

  app.get('/api/campaigns/:id', async (request): Promise<CampaignView> => {
    const { id } = parse(IdParams, request.params);
    return campaignView(contextOf(request, deps), id);
  });

  app.put('/api/campaigns/:id', async (request): Promise<CampaignView> => {
    const { id } = parse(IdParams, request.params);
    const body = parse(CampaignRequest, request.body);
    const ctx = contextOf(request, deps);
    await saveCampaign(ctx, id, campaignInput(body));
    return campaignView(ctx, id);
  });

  app.post('/api/campaigns/:id/publish', async (request): Promise<CampaignView> => {
    const { id } = parse(IdParams, request.params);
    const ctx = contextOf(request, deps);
    await publishCampaign(ctx, id);
    return campaignView(ctx, id);
  });

  app.get('/api/trigger-events', async (request): Promise<TriggerEventView[]> => {
    const { open } = parse(TriggerEventListQuery, request.query);
    const rows = await listTriggerEvents(contextOf(request, deps), open === undefined ? undefined : open === 'true');
    return rows.map(presentTriggerEvent);
  });

  app.post('/api/trigger-events', async (request, reply): Promise<{ id: string }> => {
    const body = parse(TriggerEventRequest, request.body);
    const id = await recordTriggerEvent(contextOf(request, deps), body);
    reply.code(201);
    return { id };
  });

  app.post('/api/trigger-events/:id/close', async (request): Promise<{ id: string }> => {
    const { id } = parse(IdParams, request.params);
    const { reason } = parse(ReasonRequest, request.body);
    await closeTriggerEvent(contextOf(request, deps), id, reason);
    return { id };
  });
}

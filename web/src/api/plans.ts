import type { Page } from '@contracts/common.ts';
import type {
  PublishAnnualPlanRequest,
  AdjustMonthlyPlanRequest,
  AnnualPlanSummary,
  AnnualPlanView,
  CampaignRequest,
  CampaignView,
  CreateAnnualPlanRequest,
  MonthlyPlanSummary,
  MonthlyPlanView,
  PlanUnitView,
  PublicAnnualPlanView,
  PublicMonthlyPlanView,
  PublicPlanListView,
  ReasonRequest,
  TriggerEventRequest,
  TriggerEventView,
  UpdateAnnualPlanRequest,
} from '@contracts/plans.ts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

const at = (path: string, id: string) => `${path}/${encodeURIComponent(id)}`;

export const planKeys = {
  all: ['plans'] as const,
  annualList: (year: number | undefined) => ['plans', 'annual', 'list', year ?? null] as const,
  monthlyList: (year: number | undefined) => ['plans', 'monthly', 'list', year ?? null] as const,
  annual: (id: string) => ['plans', 'annual', id] as const,
  monthly: (id: string) => ['plans', 'monthly', id] as const,
  campaigns: ['plans', 'campaigns'] as const,
  triggerEvents: ['plans', 'trigger-events'] as const,
  public: ['public', 'plans'] as const,
};

// ---- annual plans ----

export const annualPlansQuery = (year: number | undefined) =>
  queryOptions({
    queryKey: planKeys.annualList(year),
    queryFn: () => api.get<AnnualPlanSummary[]>(withQuery('/api/annual-plans', { year })),
  });

/** Monthly plans of the actor's subtree, for a year or all years. */
export const monthlyPlansQuery = (year: number | undefined) =>
  queryOptions({
    queryKey: planKeys.monthlyList(year),
    queryFn: () => api.get<MonthlyPlanSummary[]>(withQuery('/api/monthly-plans', { year })),
  });

export const annualPlanQuery = (id: string) =>
  queryOptions({ queryKey: planKeys.annual(id), queryFn: () => api.get<AnnualPlanView>(at('/api/annual-plans', id)) });

export const createAnnualPlan = (body: CreateAnnualPlanRequest) => api.post<AnnualPlanView>('/api/annual-plans', body);

/** Saves a draft, or revises a published plan (then `reason` is required and published with it). */
export const updateAnnualPlan = (id: string, body: UpdateAnnualPlanRequest) =>
  api.put<AnnualPlanView>(at('/api/annual-plans', id), body);

export const publishAnnualPlan = (id: string, body: PublishAnnualPlanRequest = {}) =>
  api.post<AnnualPlanView>(`${at('/api/annual-plans', id)}/publish`, body);

/** Creates or regenerates the draft monthly plan of a month (409 once that month is published). */
export const generateMonthlyPlan = (annualPlanId: string, month: number) =>
  api.post<MonthlyPlanView>(`${at('/api/annual-plans', annualPlanId)}/months/${String(month)}/generate`);

// ---- monthly plans ----

export const monthlyPlanQuery = (id: string) =>
  queryOptions({ queryKey: planKeys.monthly(id), queryFn: () => api.get<MonthlyPlanView>(at('/api/monthly-plans', id)) });

export const adjustMonthlyPlan = (id: string, body: AdjustMonthlyPlanRequest) =>
  api.put<MonthlyPlanView>(at('/api/monthly-plans', id), body);

export const publishMonthlyPlan = (id: string) => api.post<MonthlyPlanView>(`${at('/api/monthly-plans', id)}/publish`);

/** Takes a published monthly plan back to a draft, with a reason (refused while a draw of it is live). */
export const reopenMonthlyPlan = (id: string, body: ReasonRequest) =>
  api.post<MonthlyPlanView>(`${at('/api/monthly-plans', id)}/reopen`, body);

/** Which units a count is made of: `reason` is 'candidate' or an exclusion reason code. */
export type PlanUnitsFilter = { reason: string; stratum?: string | undefined };

export const planUnitsQuery = (id: string, filter: PlanUnitsFilter, paging: { page: number; pageSize: number }) =>
  queryOptions({
    queryKey: [...planKeys.monthly(id), 'units', filter, paging] as const,
    queryFn: () => api.get<Page<PlanUnitView>>(withQuery(`${at('/api/monthly-plans', id)}/units`, { ...filter, ...paging })),
    placeholderData: keepPreviousData,
  });

// ---- special campaigns ----

export const campaignsQuery = queryOptions({
  queryKey: planKeys.campaigns,
  queryFn: () => api.get<CampaignView[]>('/api/campaigns'),
});

export const campaignQuery = (id: string) =>
  queryOptions({
    queryKey: [...planKeys.campaigns, id] as const,
    queryFn: () => api.get<CampaignView>(at('/api/campaigns', id)),
  });

export const createCampaign = (body: CampaignRequest) => api.post<CampaignView>('/api/campaigns', body);

export const updateCampaign = (id: string, body: CampaignRequest) => api.put<CampaignView>(at('/api/campaigns', id), body);

export const publishCampaign = (id: string) => api.post<CampaignView>(`${at('/api/campaigns', id)}/publish`);

// ---- trigger events ----

export const triggerEventsQuery = (open: boolean) =>
  queryOptions({
    queryKey: [...planKeys.triggerEvents, open] as const,
    queryFn: () => api.get<TriggerEventView[]>(withQuery('/api/trigger-events', { open })),
  });

export const createTriggerEvent = (body: TriggerEventRequest) => api.post<{ id: string }>('/api/trigger-events', body);

export const closeTriggerEvent = (id: string, body: ReasonRequest) =>
  api.post<{ id: string }>(`${at('/api/trigger-events', id)}/close`, body);

// ---- public portal (no login) ----

export const publicPlansQuery = queryOptions({
  queryKey: planKeys.public,
  queryFn: () => api.get<PublicPlanListView>('/api/public/plans'),
});

export const publicAnnualPlanQuery = (id: string) =>
  queryOptions({
    queryKey: [...planKeys.public, 'annual', id] as const,
    queryFn: () => api.get<PublicAnnualPlanView>(at('/api/public/plans/annual', id)),
  });

export const publicMonthlyPlanQuery = (id: string) =>
  queryOptions({
    queryKey: [...planKeys.public, 'monthly', id] as const,
    queryFn: () => api.get<PublicMonthlyPlanView>(at('/api/public/plans/monthly', id)),
  });

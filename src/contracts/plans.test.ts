import { describe } from 'vitest';
import type { z } from 'zod';
import { defaultPlanSettings } from '../domain/plans/plan-settings.ts';
import {
  AdjustMonthlyPlanRequest,
  AnnualPlanListQuery,
  CampaignRequest,
  CreateAnnualPlanRequest,
  MonthlyPlanListQuery,
  MonthlyPlanUnitsQuery,
  MonthParams,
  TriggerEventListQuery,
  TriggerEventRequest,
  UpdateAnnualPlanRequest,
} from './plans.ts';
import { sweepContracts } from './contract-test-helpers.ts';

const ID = '0b7f3c9e-5d1a-4c2b-9e8f-123456789abc';
const settings = {
  ...defaultPlanSettings(),
  riskRatioAdjustmentsBp: { high: 2000 },
  exclusions: { categories: ['other'], categoriesReason: '另行检查', units: [{ unitId: ID, reason: '已停业' }] },
};
settings.strata[0]!.filter.tagsAny = ['学校'];
settings.strata[0]!.filter.districtCodes = ['330702'];
const filter = settings.strata[0]!.filter;

const VALID: [string, z.ZodType, unknown][] = [
  ['CreateAnnualPlanRequest', CreateAnnualPlanRequest, { orgId: ID, year: 2026, name: '年度计划', settings }],
  ['UpdateAnnualPlanRequest', UpdateAnnualPlanRequest, { name: '年度计划', settings, reason: '修订' }],
  [
    'AdjustMonthlyPlanRequest',
    AdjustMonthlyPlanRequest,
    { quotas: [{ code: 'general', quota: 3, reason: '' }], notes: '', dueDate: '2026-12-31' },
  ],
  [
    'CampaignRequest',
    CampaignRequest,
    {
      orgId: ID,
      name: '专项',
      description: '',
      startsOn: '2026-06-01',
      endsOn: '2026-06-30',
      filter,
      quota: 5,
      alternatesPercent: 20,
      checkItemCodes: ['XF-01'],
      frequencyOverrideReason: '',
    },
  ],
  [
    'TriggerEventRequest',
    TriggerEventRequest,
    { unitId: ID, kind: 'complaint', receivedOn: '2026-06-01', summary: '投诉', reference: '' },
  ],
  ['AnnualPlanListQuery', AnnualPlanListQuery, { year: '2026' }],
  ['MonthlyPlanListQuery', MonthlyPlanListQuery, { year: '2026', month: '12' }],
  ['MonthParams', MonthParams, { id: ID, month: '12' }],
  ['MonthlyPlanUnitsQuery', MonthlyPlanUnitsQuery, { page: '1', pageSize: '20', reason: 'candidate', stratum: 'general' }],
  ['TriggerEventListQuery', TriggerEventListQuery, { open: 'true' }],
];

describe('plan contracts', () => {
  sweepContracts(VALID);
});

import { describe, expect, it } from 'vitest';
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

const BAD_VALUES: unknown[] = [
  undefined,
  null,
  true,
  -1,
  1.5,
  100_000_000,
  'abc',
  '',
  ' ',
  '2026-02-30',
  'x'.repeat(6000),
  {},
  [],
  [12345],
  { '': 1 },
  { ['k'.repeat(41)]: 1 },
];

/** Every path of a JSON value, the root included. */
function pathsOf(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  const out = [path];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...path, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...path, k]));
  return out;
}

function replaced(value: unknown, path: PropertyKey[], by: unknown): unknown {
  if (path.length === 0) return by;
  const copy = structuredClone(value) as Record<PropertyKey, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<PropertyKey, unknown>;
  node[path.at(-1)!] = by;
  return copy;
}

/** A Chinese message that starts with the field's label: 「年度：必须是整数」. */
const NAMES_THE_FIELD = /^[^\s：]*[\u4e00-\u9fff][^：]*：\S/;

describe('plan contracts', () => {
  it.each(VALID)('%s accepts the sample the sweep starts from', (_, schema, sample) => {
    expect(schema.safeParse(sample).success).toBe(true);
  });

  it.each(VALID)('%s answers every bad value in Chinese, naming the field', (_, schema, sample) => {
    const english: string[] = [];
    // The root is always an object here: the server answers a body that is not one itself (server/errors.ts).
    for (const path of pathsOf(sample).filter((p) => p.length > 0)) {
      const current = path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], sample);
      const oversized = Array.isArray(current) ? [Array.from({ length: 6000 }, () => current[0] ?? 'x')] : [];
      for (const bad of [...BAD_VALUES, ...oversized]) {
        const result = schema.safeParse(replaced(sample, path, bad));
        for (const issue of result.error?.issues ?? []) {
          if (!NAMES_THE_FIELD.test(issue.message))
            english.push(`${path.join('.')} = ${JSON.stringify(bad)?.slice(0, 40)}: ${issue.message}`);
        }
      }
    }
    expect(english).toEqual([]);
  });
});

import { TRIGGER_KIND_LABELS, type PlanSettingsInput, type StratumFilterInput, type TriggerEventRequest } from '@contracts/plans.ts';
import type { z } from 'zod';
import { UNIT_CATEGORY_LABELS, labelOf } from '../../lib/registry-labels.ts';

/** Chinese labels and small formatters of the plans module (the web may not import src/domain). */

export type StratumFilter = z.infer<typeof StratumFilterInput>;
export type PlanStatus = 'draft' | 'published';
export type TriggerKind = TriggerEventRequest['kind'];

export const PLAN_STATUS_COLORS: Record<PlanStatus, string> = { draft: 'default', published: 'green' };

export { TRIGGER_KIND_LABELS };
export const TRIGGER_KIND_OPTIONS = (Object.keys(TRIGGER_KIND_LABELS) as TriggerKind[]).map((value) => ({
  value,
  label: TRIGGER_KIND_LABELS[value],
}));

export const INSPECTOR_POOL_LABELS: Record<PlanSettingsInput['inspectorPool'], string> = {
  brigade: '本大队执法检查人员',
  zone: '协作区执法检查人员（跨区域抽取）',
};

/**
 * The seeded 风险等级 / 信用等级 labels, for the portal, which cannot read the (login-only) dictionaries;
 * a code a brigade added itself is shown as it is.
 */
export const DEFAULT_LEVEL_LABELS: Record<'risk' | 'credit', Record<string, string>> = {
  risk: { high: '高', medium: '中', low: '低' },
  credit: { A: 'A 级（守信）', B: 'B 级（基本守信）', C: 'C 级（失信）', D: 'D 级（严重失信）' },
};

/** How many times a published plan was revised: `revision` counts versions, the first being 1. */
export const revisionsOf = (revision: number) => Math.max(0, revision - 1);

/** 8000 → "80%", 1250 → "12.5%". */
export function formatBp(bp: number): string {
  return `${Number((bp / 100).toFixed(2))}%`;
}

/** A stratum's annual target: "80%" or 不设目标. */
export function formatRatio(bp: number | null): string {
  return bp === null ? '不设年度目标（按月手工确定）' : formatBp(bp);
}

export const MONTH_LABELS = Array.from({ length: 12 }, (_, i) => `${i + 1} 月`);

/** "2026 年 6 月". */
export const formatYearMonth = (year: number, month: number) => `${year} 年 ${month} 月`;

/** The yes / no / either conditions of a filter. */
export const TRI_STATE_FIELDS: { key: 'crowded' | 'flammable' | 'highRise'; label: string }[] = [
  { key: 'crowded', label: '人员密集场所' },
  { key: 'flammable', label: '易燃易爆场所' },
  { key: 'highRise', label: '高层建筑' },
];

/**
 * One line saying which units a filter takes: "重点单位；人员密集场所；带有标签：高层建筑". `tagLabel` and
 * `districtLabel` turn codes into names where the caller knows them.
 */
export function describeFilter(
  filter: StratumFilter,
  tagLabel: (code: string) => string = (code) => code,
  districtLabel: (code: string) => string = (code) => code,
): string {
  const parts: string[] = [];
  parts.push(filter.categories.length ? filter.categories.map((c) => labelOf(UNIT_CATEGORY_LABELS, c)).join('、') : '全部类别');
  for (const { key, label } of TRI_STATE_FIELDS) {
    if (filter[key] === true) parts.push(label);
    if (filter[key] === false) parts.push(`非${label}`);
  }
  if (filter.tagsAny.length) parts.push(`带有标签：${filter.tagsAny.map(tagLabel).join('、')}`);
  if (filter.districtCodes.length) parts.push(`行政区划：${filter.districtCodes.map(districtLabel).join('、')}`);
  return parts.join('；');
}

/** A filter that takes every unit. */
export const EMPTY_FILTER: StratumFilter = {
  categories: [],
  crowded: null,
  flammable: null,
  highRise: null,
  tagsAny: [],
  districtCodes: [],
};

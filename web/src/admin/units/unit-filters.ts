import {
  UNIT_CATEGORY_VALUES,
  UNIT_FLAG_VALUES,
  UNIT_QUALITY_VALUES,
  UNIT_SORT_VALUES,
  UNIT_STATUS_VALUES,
} from '@contracts/units.ts';
import type { UnitFilters } from '../../api/units.ts';

/**
 * The units list keeps its filters, sorting and page in the address bar (`?category=key,general&page=2`),
 * so a filtered list survives a reload and other pages can link to one (`/admin/units?quality=stale`).
 */
export type UnitListState = { filters: UnitFilters; page: number; pageSize: number };

const DEFAULT_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];

const splitList = (value: string | null) =>
  value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : [];

function pickList<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T[] | undefined {
  const values = splitList(params.get(key)).filter((value): value is T => (allowed as readonly string[]).includes(value));
  return values.length ? values : undefined;
}

function textList(params: URLSearchParams, key: string): string[] | undefined {
  const values = splitList(params.get(key)).slice(0, 50);
  return values.length ? values : undefined;
}

function pickOne<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T | undefined {
  const value = params.get(key);
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

const positiveInt = (value: string | null, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseUnitListState(params: URLSearchParams): UnitListState {
  const q = params.get('q')?.trim().slice(0, 100);
  const districtCode = params.get('districtCode') ?? '';
  const brigadeId = params.get('brigadeId') ?? '';
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE);
  return {
    filters: {
      q: q || undefined,
      category: pickList(params, 'category', UNIT_CATEGORY_VALUES),
      status: pickList(params, 'status', UNIT_STATUS_VALUES),
      flags: pickList(params, 'flags', UNIT_FLAG_VALUES),
      riskLevel: textList(params, 'riskLevel'),
      creditLevel: textList(params, 'creditLevel'),
      tags: textList(params, 'tags'),
      industry: textList(params, 'industry'),
      districtCode: /^[0-9]{6}$/.test(districtCode) ? districtCode : undefined,
      brigadeId: UUID.test(brigadeId) ? brigadeId : undefined,
      quality: pickOne(params, 'quality', UNIT_QUALITY_VALUES),
      sort: pickOne(params, 'sort', UNIT_SORT_VALUES),
      order: pickOne(params, 'order', ['asc', 'desc'] as const),
    },
    page: positiveInt(params.get('page'), 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export function unitListSearch({ filters, page, pageSize }: UnitListState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [string, unknown][]) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  if (page !== 1) params.set('page', String(page));
  if (pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(pageSize));
  return params;
}

/** The list address for some filters (e.g. the data-quality cards). */
export function unitListPath(filters: UnitFilters): string {
  const search = unitListSearch({ filters, page: 1, pageSize: DEFAULT_PAGE_SIZE }).toString();
  return search ? `/admin/units?${search}` : '/admin/units';
}

/** Filters only (no sorting), to tell whether any filter is active. */
export function hasFilters(filters: UnitFilters): boolean {
  return Object.entries(filters).some(
    ([key, value]) => key !== 'sort' && key !== 'order' && value !== undefined && !(Array.isArray(value) && !value.length),
  );
}

import type { z } from 'zod';

/**
 * The list-page kit's pure core (decision 0017): a server-paged list keeps its page, page size, sort and filters in
 * the address bar, in the very shape of the list's query schema from `src/contracts` (`UnitListQuery`,
 * `AuditListQuery`, …), so a reload, the browser's back button or a link someone sent restores the list.
 */

/** What every list query has: the paging of `PageQuery`, and the sort of lists the server sorts. */
export type ListQuery = { page: number; pageSize: number; sort?: string | undefined; order?: 'asc' | 'desc' | undefined };

/** A list's query schema from the contracts: a zod object whose fields are all optional or defaulted. */
export type ListQuerySchema<Q extends ListQuery = ListQuery> = z.ZodObject & z.ZodType<Q>;

/** The keys that say how the list is shown rather than which rows it holds. */
export const VIEW_KEYS: readonly string[] = ['page', 'pageSize', 'sort', 'order'];

const defaultsCache = new WeakMap<object, Record<string, unknown>>();

/** The query when the address bar says nothing: the schema's defaults (page 1, 20 a page, its default sort). */
export function defaultListQuery<Q extends ListQuery>(schema: ListQuerySchema<Q>): Q {
  let defaults = defaultsCache.get(schema);
  if (!defaults) {
    defaults = schema.parse({}) as Record<string, unknown>;
    defaultsCache.set(schema, defaults);
  }
  return { ...defaults } as Q;
}

/**
 * Reads a list's query from the address bar with its contract schema. A value the schema refuses (`page=abc`, a
 * made-up status, a date that does not exist) falls back to its default, field by field, so the rest of the address
 * still applies and a hand-edited link never breaks the page. Parameters the schema does not know are ignored.
 */
export function parseListSearch<Q extends ListQuery>(schema: ListQuerySchema<Q>, params: URLSearchParams): Q {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  while (Object.keys(raw).length) {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    const refused = result.error.issues.map((issue) => issue.path[0]).filter((key) => typeof key === 'string' && key in raw);
    // An issue that names no field of its own (none does today): give up on the address, not on the page.
    if (!refused.length) break;
    for (const key of refused) delete raw[key as string];
  }
  return defaultListQuery(schema);
}

/** A query value as the address bar (and the API, see `withQuery`) writes it; undefined when there is none. */
function searchText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) return value.length ? value.join(',') : undefined;
  return String(value);
}

/**
 * The address-bar parameters for a query: lists comma-separated, empty values and defaults left out (so an untouched
 * list has a clean address). Parameters of `current` that are not the schema's (a tab, say) are kept.
 */
export function listSearchOf<Q extends ListQuery>(
  schema: ListQuerySchema<Q>,
  query: Partial<Q>,
  current: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const keys = Object.keys(schema.shape);
  const defaults = defaultListQuery(schema) as Record<string, unknown>;
  const next = new URLSearchParams();
  for (const [key, value] of current) if (!keys.includes(key)) next.append(key, value);
  for (const key of keys) {
    const text = searchText((query as Record<string, unknown>)[key]);
    if (text !== undefined && text !== searchText(defaults[key])) next.set(key, text);
  }
  return next;
}

/** A link to a list with some filters set (the data-quality cards link to the units list this way). */
export function listHref<Q extends ListQuery>(path: string, schema: ListQuerySchema<Q>, filters: Partial<Q>): string {
  const search = listSearchOf(schema, filters).toString();
  return search ? `${path}?${search}` : path;
}

/** Filter values as a form hands them over: text trimmed; empty text, empty lists and cleared fields left out. */
export function cleanFilters<F extends object>(values: F): Partial<F> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const trimmed = typeof value === 'string' ? value.trim() : value;
    if (trimmed === undefined || trimmed === null || trimmed === '') continue;
    if (Array.isArray(trimmed) && !trimmed.length) continue;
    clean[key] = trimmed;
  }
  return clean as Partial<F>;
}

/** The filters of a query: everything but its view keys and the `keep` keys (a tab is not a filter). */
export function filtersOf<Q extends ListQuery>(query: Q, keep: readonly string[] = []): Partial<Q> {
  const filters: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (!VIEW_KEYS.includes(key) && !keep.includes(key)) filters[key] = value;
  }
  return filters as Partial<Q>;
}

/** Whether any filter is set (an empty list then says "nothing matches" rather than "nothing yet"). */
export function hasFilters<Q extends ListQuery>(query: Q, keep: readonly string[] = []): boolean {
  return Object.values(filtersOf(query, keep)).some((value) => searchText(value) !== undefined);
}

/**
 * The query after the user searched: the new filters from page 1; page size, sort and the `keep` keys stay.
 * Filters not in `filters` are cleared, so a search with an emptied field drops that filter.
 */
export function withFilters<Q extends ListQuery>(query: Q, filters: Partial<Q>, keep: readonly string[] = []): Partial<Q> {
  const next: Record<string, unknown> = { pageSize: query.pageSize, sort: query.sort, order: query.order };
  for (const key of keep) next[key] = (query as Record<string, unknown>)[key];
  return { ...next, ...cleanFilters(filters), page: 1 } as Partial<Q>;
}

/** The query on another page; a new page size starts again from page 1 (page 7 of 10 rows is not page 7 of 50). */
export function withPage<Q extends ListQuery>(query: Q, page: number, pageSize: number): Q {
  return { ...query, page: pageSize === query.pageSize ? page : 1, pageSize };
}

/** The query sorted otherwise, from page 1; no sort key means the schema's default order. */
export function withSort<Q extends ListQuery>(query: Q, sort: string | undefined, order: 'asc' | 'desc' | undefined): Q {
  return { ...query, sort: sort && order ? sort : undefined, order: sort && order ? order : undefined, page: 1 };
}

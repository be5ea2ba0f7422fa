import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ListQuery, ListQuerySchema } from './list-search.ts';
import { filtersOf, hasFilters, listSearchOf, parseListSearch, withFilters, withPage, withSort } from './list-search.ts';

/** A list's state and the ways to change it; `ListTable` and the page's filter form take it. */
export type ListControls<Q extends ListQuery> = {
  /** The whole query, parsed by the list's contract schema: hand it to the list's API query. */
  query: Q;
  /** The filters alone (no page, page size, sort or `keep` keys): the filter form starts from these. */
  filters: Partial<Q>;
  /** Whether any filter is set. */
  filtered: boolean;
  /** New filters (those left out are cleared), from page 1. */
  setFilters: (filters: Partial<Q>) => void;
  /** No filters, from page 1; page size, sort and `keep` keys stay. */
  resetFilters: () => void;
  setPage: (page: number, pageSize: number) => void;
  setSort: (sort: string | undefined, order: 'asc' | 'desc' | undefined) => void;
  /** Any other change, e.g. a tab that is part of the query (`{ kind, page: 1 }`). */
  update: (patch: Partial<Q>) => void;
};

type ListOptions = {
  /** Query keys that are not filters (a tab): the filter form's search and reset leave them as they are. */
  keep?: readonly string[];
};

function useListControls<Q extends ListQuery>(
  schema: ListQuerySchema<Q>,
  params: URLSearchParams,
  write: (next: URLSearchParams) => void,
  keep: readonly string[],
): ListControls<Q> {
  const query = useMemo(() => parseListSearch(schema, params), [schema, params]);
  const save = (next: Partial<Q>) => write(listSearchOf(schema, next, params));
  return {
    query,
    filters: filtersOf(query, keep),
    filtered: hasFilters(query, keep),
    setFilters: (filters) => save(withFilters(query, filters, keep)),
    resetFilters: () => save(withFilters(query, {}, keep)),
    setPage: (page, pageSize) => save(withPage(query, page, pageSize)),
    setSort: (sort, order) => save(withSort(query, sort, order)),
    update: (patch) => save({ ...query, ...patch }),
  };
}

/**
 * A server-paged list whose state lives in the address bar, parsed by the list's query schema from the contracts:
 * each search, page and sort is a history entry, so back and forward walk through them and a copied link opens the
 * same rows. The way for every list page.
 */
export function useListSearch<Q extends ListQuery>(schema: ListQuerySchema<Q>, options: ListOptions = {}): ListControls<Q> {
  const [params, setParams] = useSearchParams();
  return useListControls(schema, params, setParams, options.keep ?? []);
}

/**
 * The same list state kept by the component instead: for a list inside a drawer or dialog, whose opening is not in
 * the address bar either (it starts again at page 1 each time it opens).
 */
export function useListState<Q extends ListQuery>(schema: ListQuerySchema<Q>, options: ListOptions = {}): ListControls<Q> {
  const [params, setParams] = useState(() => new URLSearchParams());
  return useListControls(schema, params, setParams, options.keep ?? []);
}

import type {
  PublicDistrictOption,
  PublicResultsQuery,
  PublicResultsView,
  PublicResultView,
  PublicUnitView,
} from '@contracts/publication.ts';
import type { z } from 'zod';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

/** 一公开 on the portal (no login): the search of results and penalties, one entry, a unit's page. */
export const publicResultsQuery = (query: z.infer<typeof PublicResultsQuery>) =>
  queryOptions({
    queryKey: ['public', 'results', query] as const,
    queryFn: () => api.get<PublicResultsView>(withQuery('/api/public/results', query)),
    placeholderData: keepPreviousData,
  });

export const publicResultDistrictsQuery = queryOptions({
  queryKey: ['public', 'results', 'districts'] as const,
  queryFn: () => api.get<PublicDistrictOption[]>('/api/public/results/districts'),
  staleTime: 5 * 60_000,
});

export const publicResultQuery = (id: string) =>
  queryOptions({
    queryKey: ['public', 'result', id] as const,
    queryFn: () => api.get<PublicResultView>(`/api/public/results/${encodeURIComponent(id)}`),
    retry: false,
  });

export const publicUnitQuery = (id: string) =>
  queryOptions({
    queryKey: ['public', 'unit', id] as const,
    queryFn: () => api.get<PublicUnitView>(`/api/public/units/${encodeURIComponent(id)}`),
    retry: false,
  });

import type {
  CreateDictionaryEntryRequest,
  DICTIONARY_KIND_VALUES,
  DictionaryEntryView,
  DivisionView,
  UpdateDictionaryEntryRequest,
} from '@contracts/units.ts';
import { queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

export type DictionaryKind = (typeof DICTIONARY_KIND_VALUES)[number];

/** Every dictionary, active and inactive entries, by kind. */
export type Dictionaries = Partial<Record<DictionaryKind, DictionaryEntryView[]>>;

export const dictionaryKeys = { all: ['dictionaries'] as const };

export const dictionariesQuery = queryOptions({
  queryKey: dictionaryKeys.all,
  queryFn: () => api.get<Dictionaries>('/api/dictionaries'),
  staleTime: 5 * 60_000,
});

export const createDictionaryEntry = (body: CreateDictionaryEntryRequest) =>
  api.post<DictionaryEntryView>('/api/dictionaries', body);

export const updateDictionaryEntry = (id: string, body: UpdateDictionaryEntryRequest) =>
  api.patch<DictionaryEntryView>(`/api/dictionaries/${encodeURIComponent(id)}`, body);

/** The counties (GB/T 2260, retired codes included) under a province or prefecture code. */
export const divisionsQuery = (within: string | undefined) =>
  queryOptions({
    queryKey: ['divisions', within ?? null],
    queryFn: () => api.get<DivisionView[]>(withQuery('/api/divisions', { within })),
    enabled: Boolean(within),
    staleTime: Infinity,
  });

export const divisionQuery = (code: string | null | undefined) =>
  queryOptions({
    queryKey: ['divisions', 'one', code ?? null],
    queryFn: () => api.get<DivisionView>(`/api/divisions/${encodeURIComponent(code ?? '')}`),
    enabled: Boolean(code),
    staleTime: Infinity,
  });

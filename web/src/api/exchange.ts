import type {
  BlacklistView,
  CreateExchangeBatchRequest,
  CreditFeedQuery,
  CreditFeedView,
  ExchangeBatchListView,
  ExchangeSettingsRequest,
  ExchangeSettingsView,
} from '@contracts/exchange.ts';
import { queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

/** 数据交换 (decision 0027): export batches, the credit feed, the blacklist, the endpoint and credit policy. */
export const exchangeKeys = {
  all: ['exchange'] as const,
  batches: (page: number) => ['exchange', 'batches', page] as const,
  creditFeed: (q: CreditFeedQuery) => ['exchange', 'credit-feed', q] as const,
  blacklist: (orgId: string) => ['exchange', 'blacklist', orgId] as const,
  settings: (orgId: string) => ['exchange', 'settings', orgId] as const,
};

export const exchangeBatchesQuery = (page: number) =>
  queryOptions({ queryKey: exchangeKeys.batches(page), queryFn: () => api.get<ExchangeBatchListView>(withQuery('/api/exchange/batches', { page, pageSize: 20 })) });
export const creditFeedQuery = (q: CreditFeedQuery) =>
  queryOptions({ queryKey: exchangeKeys.creditFeed(q), queryFn: () => api.get<CreditFeedView>(withQuery('/api/exchange/credit-feed', q)) });
export const blacklistQuery = (orgId: string) =>
  queryOptions({ queryKey: exchangeKeys.blacklist(orgId), queryFn: () => api.get<BlacklistView>(withQuery('/api/exchange/blacklist', { orgId })) });
export const exchangeSettingsQuery = (orgId: string) =>
  queryOptions({ queryKey: exchangeKeys.settings(orgId), queryFn: () => api.get<ExchangeSettingsView>(withQuery('/api/exchange/settings', { orgId })) });

export const createExchangeBatch = (body: CreateExchangeBatchRequest) => api.post<{ ids: string[] }>('/api/exchange/batches', body);
export const resendExchangeBatch = (id: string) => api.post<void>(`/api/exchange/batches/${encodeURIComponent(id)}/resend`, {});
export const saveExchangeSettings = (body: ExchangeSettingsRequest) => api.put<ExchangeSettingsView>('/api/exchange/settings', body);
export const exchangeBatchDownloadUrl = (id: string, format: 'json' | 'xlsx') => withQuery(`/api/exchange/batches/${encodeURIComponent(id)}/download`, { format });
export const creditFeedDownloadUrl = (q: CreditFeedQuery, format: 'json' | 'xlsx') => withQuery('/api/exchange/credit-feed/download', { ...q, format });

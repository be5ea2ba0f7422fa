import type {
  CheckItemDetail,
  CheckItemListResponse,
  CreateCheckItemRequest,
  PublicCheckItemDetail,
  PublicCheckItemListResponse,
  PublishCheckItemRequest,
  SaveCheckItemDraftRequest,
} from '@contracts/check-items.ts';
import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';

export const checkItemKeys = {
  all: ['check-items'] as const,
  list: ['check-items', 'list'] as const,
  detail: (id: string) => ['check-items', 'detail', id] as const,
  public: ['public', 'check-items'] as const,
  publicDetail: (code: string) => ['public', 'check-items', code] as const,
};

/** The items the account can see, each with its current published version and open draft. */
export const checkItemsQuery = queryOptions({
  queryKey: checkItemKeys.list,
  queryFn: () => api.get<CheckItemListResponse>('/api/check-items'),
});

/** One item with every version, newest first. */
export const checkItemQuery = (id: string) =>
  queryOptions({
    queryKey: checkItemKeys.detail(id),
    queryFn: () => api.get<CheckItemDetail>(`/api/check-items/${encodeURIComponent(id)}`),
  });

export const createCheckItem = (body: CreateCheckItemRequest) => api.post<CheckItemDetail>('/api/check-items', body);

export const saveCheckItemDraft = (id: string, body: SaveCheckItemDraftRequest) =>
  api.put<CheckItemDetail>(`/api/check-items/${encodeURIComponent(id)}/draft`, body);

export const publishCheckItemDraft = (id: string, body: PublishCheckItemRequest) =>
  api.post<CheckItemDetail>(`/api/check-items/${encodeURIComponent(id)}/publish`, body);

export const withdrawCheckItem = (id: string, reason: string) =>
  api.post<CheckItemDetail>(`/api/check-items/${encodeURIComponent(id)}/withdraw`, { reason });

/** The portal's list: published items only, no login. */
export const publicCheckItemsQuery = queryOptions({
  queryKey: checkItemKeys.public,
  queryFn: () => api.get<PublicCheckItemListResponse>('/api/public/check-items'),
});

export const publicCheckItemQuery = (code: string) =>
  queryOptions({
    queryKey: checkItemKeys.publicDetail(code),
    queryFn: () => api.get<PublicCheckItemDetail>(`/api/public/check-items/${encodeURIComponent(code)}`),
  });

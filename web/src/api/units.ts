import type { Page } from '@contracts/common.ts';
import type {
  BulkUnitStatusRequest,
  ChangeUnitStatusRequest,
  CreateUnitRequest,
  FlagUnitRequest,
  TransferUnitRequest,
  TransferUnitResult,
  UnitDetail,
  UnitListItem,
  UnitListQuery,
  UnitQualityView,
  UpdateUnitRequest,
} from '@contracts/units.ts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

/** The list filters (UnitListQuery without paging), as the list page keeps them in the address bar. */
export type UnitFilters = Partial<Omit<UnitListQuery, 'page' | 'pageSize'>>;

export const unitKeys = {
  all: ['units'] as const,
  lists: ['units', 'list'] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
  quality: ['units', 'quality'] as const,
};

export const unitListQuery = (query: UnitFilters & { page: number; pageSize: number }) =>
  queryOptions({
    queryKey: [...unitKeys.lists, query],
    queryFn: () => api.get<Page<UnitListItem>>(withQuery('/api/units', query)),
    placeholderData: keepPreviousData,
  });

/** Remote search for unit pickers (name, address or credit code). */
export const searchUnits = (q: string) => api.get<Page<UnitListItem>>(withQuery('/api/units', { q, pageSize: 20, page: 1 }));

export const unitDetailQuery = (id: string) =>
  queryOptions({
    queryKey: unitKeys.detail(id),
    queryFn: () => api.get<UnitDetail>(`/api/units/${encodeURIComponent(id)}`),
  });

export const unitQualityQuery = (brigadeId: string | undefined) =>
  queryOptions({
    queryKey: [...unitKeys.quality, brigadeId ?? null],
    queryFn: () => api.get<UnitQualityView>(withQuery('/api/units/quality', { brigadeId })),
  });

/** The .xlsx export of the filtered list; a plain link, so the browser streams the download. */
export const unitExportUrl = (filters: UnitFilters) => withQuery('/api/units/export', filters);

export const createUnit = (body: CreateUnitRequest) => api.post<UnitDetail>('/api/units', body);

export const updateUnit = (id: string, body: UpdateUnitRequest) =>
  api.patch<UnitDetail>(`/api/units/${encodeURIComponent(id)}`, body);

export const changeUnitStatus = (id: string, body: ChangeUnitStatusRequest) =>
  api.post<UnitDetail>(`/api/units/${encodeURIComponent(id)}/status`, body);

export const bulkChangeUnitStatus = (body: BulkUnitStatusRequest) =>
  api.post<{ updated: number }>('/api/units/bulk-status', body);

export const transferUnit = (id: string, body: TransferUnitRequest) =>
  api.post<TransferUnitResult>(`/api/units/${encodeURIComponent(id)}/transfer`, body);

export const flagUnit = (id: string, body: FlagUnitRequest) =>
  api.post<UnitDetail>(`/api/units/${encodeURIComponent(id)}/flag`, body);

import type { Page } from '@contracts/common.ts';
import type {
  CreateAvailabilityRequest,
  CreateInspectorRequest,
  CreateRecusalRequest,
  ExternalPersonListQuery,
  ExternalPersonView,
  InspectorDetail,
  InspectorListItem,
  InspectorListQuery,
  LiftAvailabilityRequest,
  RecusalView,
  RevokeRecusalRequest,
  SaveExternalPersonRequest,
  UpdateInspectorRequest,
} from '@contracts/inspectors.ts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

export type InspectorFilters = Partial<Omit<InspectorListQuery, 'page' | 'pageSize'>>;

export const inspectorKeys = {
  all: ['inspectors'] as const,
  lists: ['inspectors', 'list'] as const,
  detail: (id: string) => ['inspectors', 'detail', id] as const,
  recusals: ['recusals'] as const,
  external: ['external-people'] as const,
};

const inspectorPath = (id: string) => `/api/inspectors/${encodeURIComponent(id)}`;

export const inspectorListQuery = (query: InspectorFilters & { page: number; pageSize: number }) =>
  queryOptions({
    queryKey: [...inspectorKeys.lists, query],
    queryFn: () => api.get<Page<InspectorListItem>>(withQuery('/api/inspectors', query)),
    placeholderData: keepPreviousData,
  });

export const inspectorDetailQuery = (id: string) =>
  queryOptions({
    queryKey: inspectorKeys.detail(id),
    queryFn: () => api.get<InspectorDetail>(inspectorPath(id)),
  });

export const inspectorExportUrl = (filters: InspectorFilters) => withQuery('/api/inspectors/export', filters);

export const createInspector = (body: CreateInspectorRequest) => api.post<InspectorDetail>('/api/inspectors', body);

export const updateInspector = (id: string, body: UpdateInspectorRequest) => api.patch<InspectorDetail>(inspectorPath(id), body);

export const addAvailability = (id: string, body: CreateAvailabilityRequest) =>
  api.post<InspectorDetail>(`${inspectorPath(id)}/availability`, body);

export const liftAvailability = (availabilityId: string, body: LiftAvailabilityRequest) =>
  api.post<InspectorDetail>(`/api/inspector-availability/${encodeURIComponent(availabilityId)}/lift`, body);

export const recusalsQuery = (filter: { inspectorId?: string; unitId?: string }) =>
  queryOptions({
    queryKey: [...inspectorKeys.recusals, filter],
    queryFn: () => api.get<RecusalView[]>(withQuery('/api/recusals', filter)),
  });

export const createRecusal = (body: CreateRecusalRequest) => api.post<RecusalView>('/api/recusals', body);

export const revokeRecusal = (id: string, body: RevokeRecusalRequest) =>
  api.post<RecusalView>(`/api/recusals/${encodeURIComponent(id)}/revoke`, body);

export const externalPeopleQuery = (query: ExternalPersonListQuery) =>
  queryOptions({
    queryKey: [...inspectorKeys.external, query],
    queryFn: () => api.get<Page<ExternalPersonView>>(withQuery('/api/external-people', query)),
    placeholderData: keepPreviousData,
  });

export const createExternalPerson = (body: SaveExternalPersonRequest) =>
  api.post<ExternalPersonView>('/api/external-people', body);

export const updateExternalPerson = (id: string, body: SaveExternalPersonRequest) =>
  api.put<ExternalPersonView>(`/api/external-people/${encodeURIComponent(id)}`, body);

import type {
  CollaborationZoneView,
  CreateOrgRequest,
  OrgTreeNode,
  OrgView,
  SaveCollaborationZoneRequest,
  UpdateOrgRequest,
} from '@contracts/orgs.ts';
import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';

export const orgKeys = {
  all: ['orgs'] as const,
  tree: ['orgs', 'tree'] as const,
  zones: ['orgs', 'collaboration-zones'] as const,
};

export const orgTreeQuery = queryOptions({
  queryKey: orgKeys.tree,
  queryFn: async () => (await api.get<{ tree: OrgTreeNode[] }>('/api/orgs')).tree,
});

export const collaborationZonesQuery = queryOptions({
  queryKey: orgKeys.zones,
  queryFn: () => api.get<CollaborationZoneView[]>('/api/collaboration-zones'),
});

export const createOrg = (body: CreateOrgRequest) => api.post<OrgView>('/api/orgs', body);

export const updateOrg = (id: string, body: UpdateOrgRequest) =>
  api.patch<OrgView>(`/api/orgs/${encodeURIComponent(id)}`, body);

export const createCollaborationZone = (body: SaveCollaborationZoneRequest) =>
  api.post<CollaborationZoneView>('/api/collaboration-zones', body);

export const updateCollaborationZone = (id: string, body: SaveCollaborationZoneRequest) =>
  api.put<CollaborationZoneView>(`/api/collaboration-zones/${encodeURIComponent(id)}`, body);

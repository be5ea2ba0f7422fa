import type {
  PublicationActRequest,
  PublicationPolicyRequest,
  PublicationPolicyView,
  PublicationQueueQuery,
  PublicationQueueView,
  RevokePenaltyRequest,
} from '@contracts/publication.ts';
import type { CaseView } from '@contracts/cases.ts';
import { queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

/** 公示管理 (decision 0024): the brigade's queue and record, the policy, revoking a penalty. */
export const publicationKeys = {
  all: ['publications'] as const,
  queue: (query: PublicationQueueQuery) => ['publications', 'queue', query] as const,
  policy: (orgId: string) => ['publications', 'policy', orgId] as const,
};

export const publicationQueueQuery = (query: PublicationQueueQuery) =>
  queryOptions({ queryKey: publicationKeys.queue(query), queryFn: () => api.get<PublicationQueueView>(withQuery('/api/publications', query)) });

export const publicationPolicyQuery = (orgId: string) =>
  queryOptions({ queryKey: publicationKeys.policy(orgId), queryFn: () => api.get<PublicationPolicyView>(withQuery('/api/publication-policy', { orgId })) });

export const actOnPublications = (body: PublicationActRequest) => api.post<{ done: number }>('/api/publications/act', body);
export const savePublicationPolicy = (body: PublicationPolicyRequest) => api.put<PublicationPolicyView>('/api/publication-policy', body);
export const revokePenalty = (caseId: string, body: RevokePenaltyRequest) => api.post<CaseView>(`/api/cases/${encodeURIComponent(caseId)}/revoke`, body);

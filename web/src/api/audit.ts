import type { AuditActionOption, AuditEntryView, AuditFilterOptions, AuditListQuery, AuditVerifyView } from '@contracts/audit.ts';
import type { Page } from '@contracts/common.ts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

export const auditListQuery = (query: AuditListQuery) =>
  queryOptions({
    queryKey: ['audit', 'list', query],
    queryFn: () => api.get<Page<AuditEntryView>>(withQuery('/api/audit', query)),
    placeholderData: keepPreviousData,
  });

export const verifyAuditChain = () => api.get<AuditVerifyView>('/api/audit/verify');

export const auditActionsQuery = () =>
  queryOptions({
    queryKey: ['audit', 'actions'],
    queryFn: () => api.get<AuditActionOption[]>('/api/audit/actions'),
    staleTime: Infinity,
  });

/** The audit log's filter choices: actions and the kinds of object, in Chinese. */
export const auditFiltersQuery = () =>
  queryOptions({
    queryKey: ['audit', 'filters'],
    queryFn: () => api.get<AuditFilterOptions>('/api/audit/filters'),
    staleTime: Infinity,
  });

import type { InboxView, SelfCheckDetailView, SelfCheckListView } from '@contracts/self-checks.ts';
import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';

/** 十日、二十日检查 and 待阅消息 (issue 16). */
export const selfCheckKeys = {
  all: ['self-checks'] as const,
  list: () => ['self-checks', 'list'] as const,
  detail: (id: string) => ['self-checks', 'detail', id] as const,
  inbox: ['inbox'] as const,
};

export const selfChecksQuery = () => queryOptions({ queryKey: selfCheckKeys.list(), queryFn: () => api.get<SelfCheckListView>('/api/self-checks') });

export const selfCheckQuery = (id: string) =>
  queryOptions({ queryKey: selfCheckKeys.detail(id), queryFn: () => api.get<SelfCheckDetailView>(`/api/self-checks/${encodeURIComponent(id)}`) });

export const inboxQuery = () => queryOptions({ queryKey: selfCheckKeys.inbox, queryFn: () => api.get<InboxView>('/api/inbox') });

export const runSelfCheckNow = () => api.post<{ id: string }>('/api/self-checks/run');

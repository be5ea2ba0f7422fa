import type { Page } from '@contracts/common.ts';
import type { TaskDetailView } from '@contracts/draws.ts';
import type { OutboxListQuery, OutboxMessageView, RecordListQuery, RecordSummary, RecordView } from '@contracts/field.ts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, withQuery } from './client.ts';

const at = (path: string, id: string) => `${path}/${encodeURIComponent(id)}`;

/** 检查记录 (read-only: a record never changes, a correction is a new version), a task's page and 消息发件箱. */
export const recordKeys = {
  all: ['records'] as const,
  list: (query: RecordListQuery) => ['records', 'list', query] as const,
  record: (id: string) => ['records', 'record', id] as const,
  outbox: (query: OutboxListQuery) => ['outbox', query] as const,
};

export const recordListQuery = (query: RecordListQuery) =>
  queryOptions({
    queryKey: recordKeys.list(query),
    queryFn: () => api.get<Page<RecordSummary>>(withQuery('/api/records', query)),
    placeholderData: keepPreviousData,
  });

/** Every version of one task's records, newest first (a task has one record and its corrections). */
export const taskRecordsQuery = (taskId: string) => recordListQuery({ taskId, page: 1, pageSize: 50 });

export const recordQuery = (id: string) =>
  queryOptions({ queryKey: recordKeys.record(id), queryFn: () => api.get<RecordView>(at('/api/records', id)) });

/** One task (GET /api/tasks/:id); under the draws' keys, so a 递补 refreshes it. */
export const taskQuery = (id: string) =>
  queryOptions({ queryKey: ['draws', 'task', id] as const, queryFn: () => api.get<TaskDetailView>(at('/api/tasks', id)) });

export const outboxQuery = (query: OutboxListQuery) =>
  queryOptions({
    queryKey: recordKeys.outbox(query),
    queryFn: () => api.get<Page<OutboxMessageView>>(withQuery('/api/outbox', query)),
    placeholderData: keepPreviousData,
  });

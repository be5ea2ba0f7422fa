import type { MonthProgressView } from '@contracts/dashboard.ts';
import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';

/** This month's plans, draws and tasks in the actor's subtree (the 工作台 of administrators and 纪检). */
export const monthProgressQuery = queryOptions({
  queryKey: ['dashboard', 'month'],
  queryFn: () => api.get<MonthProgressView>('/api/dashboard/month'),
});

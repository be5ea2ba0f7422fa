import type { PortalHomeView } from '@contracts/public.ts';
import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';

export const portalHomeQuery = queryOptions({
  queryKey: ['public', 'home'],
  queryFn: () => api.get<PortalHomeView>('/api/public/home'),
});

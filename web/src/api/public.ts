import type { PublicNoticeView } from '@contracts/field.ts';
import type { PortalHomeView } from '@contracts/public.ts';
import { queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';

export const portalHomeQuery = queryOptions({
  queryKey: ['public', 'home'],
  queryFn: () => api.get<PortalHomeView>('/api/public/home'),
});

/** A pre-notice's text by the short code its message carries (/portal/notice/:code). */
export const publicNoticeQuery = (code: string) =>
  queryOptions({
    queryKey: ['public', 'notice', code],
    queryFn: () => api.get<PublicNoticeView>(`/api/public/notices/${encodeURIComponent(code)}`),
    retry: false,
  });

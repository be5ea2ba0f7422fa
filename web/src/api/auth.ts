import type { ChangePasswordRequest, LoginRequest, SessionInfo } from '@contracts/auth.ts';
import { queryOptions } from '@tanstack/react-query';
import { api, setCsrfToken } from './client.ts';

function remember(session: SessionInfo): SessionInfo {
  setCsrfToken(session.csrfToken);
  return session;
}

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async () => remember(await api.get<SessionInfo>('/api/auth/me')),
  staleTime: Infinity,
});

export async function login(body: LoginRequest): Promise<SessionInfo> {
  return remember(await api.post<SessionInfo>('/api/auth/login', body));
}

export async function logout(): Promise<void> {
  try {
    await api.post<unknown>('/api/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(body: ChangePasswordRequest): Promise<unknown> {
  return api.post<unknown>('/api/auth/password', body);
}

import type { FeedbackView, UnitAccessRequest, UnitAccessView, UnitComplaintRequest, UnitEvidenceView, UnitOwnView, UnitRatingRequest, UnitReinspectionRequest } from '@contracts/publication.ts';
import { queryOptions } from '@tanstack/react-query';
import { api, ApiError, readBody, toApiError, withQuery } from './client.ts';

/*
 * The inspected unit's own page (decision 0024). It has no account: POST /api/public/unit-access gives a bearer token,
 * kept in sessionStorage (gone when the tab closes), sent as `Authorization: Bearer` — never a cookie, so no CSRF token
 * either, and a 401 here means 「查看已过期」, not the staff login page.
 */

const TOKEN_KEY = 'unit-page-token';

export type UnitPageSession = { token: string; expiresAt: string; unitName: string };

export function loadUnitSession(): UnitPageSession | null {
  try {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as UnitPageSession;
    return new Date(s.expiresAt).getTime() > Date.now() ? s : null;
  } catch {
    return null;
  }
}

export function saveUnitSession(session: UnitPageSession | null): void {
  try {
    if (session) sessionStorage.setItem(TOKEN_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // A browser that refuses storage keeps the page only until it reloads.
  }
}

async function unitRequest<T>(method: 'GET' | 'POST', path: string, options: { json?: unknown; file?: Blob } = {}): Promise<T> {
  const session = loadUnitSession();
  if (!session) throw new ApiError(401, 'UNAUTHENTICATED', '查看已过期，请重新输入核验码');
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${session.token}` };
  if (options.file) headers['content-type'] = 'application/octet-stream';
  else if (options.json !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'omit',
      body: options.file ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  const data = await readBody(response);
  if (!response.ok) {
    const error = toApiError(response.status, data);
    if (response.status === 401) {
      saveUnitSession(null);
      throw new ApiError(401, error.code, '查看已过期，请重新输入核验码');
    }
    throw error;
  }
  return data as T;
}

export const unitPageKeys = { me: ['unit-page', 'me'] as const, feedback: ['feedback'] as const };

/** Opens the page: the public route needs no session (the staff client's CSRF header is harmless here). */
export async function openUnitPage(input: UnitAccessRequest): Promise<UnitAccessView> {
  const view = await api.post<UnitAccessView>('/api/public/unit-access', input);
  saveUnitSession(view);
  return view;
}

export const unitOwnQuery = queryOptions({
  queryKey: unitPageKeys.me,
  queryFn: () => unitRequest<UnitOwnView>('GET', '/api/unit/me'),
  retry: false,
});

export const uploadUnitEvidence = (documentId: string, file: File) =>
  unitRequest<UnitEvidenceView>('POST', withQuery('/api/unit/evidence', { documentId, fileName: file.name || '整改材料' }), { file });
export const requestUnitReinspection = (body: UnitReinspectionRequest) => unitRequest<{ dueDate: string }>('POST', '/api/unit/reinspection-requests', { json: body });
export const rateUnitVisit = (body: UnitRatingRequest) => unitRequest<{ id: string }>('POST', '/api/unit/ratings', { json: body });
export const complainAboutVisit = (body: UnitComplaintRequest) => unitRequest<{ id: string }>('POST', '/api/unit/complaints', { json: body });

/** 纪检's list (staff session). */
export const feedbackQuery = queryOptions({ queryKey: unitPageKeys.feedback, queryFn: () => api.get<FeedbackView>('/api/feedback') });

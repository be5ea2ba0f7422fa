import type { LoginRequest, SessionInfo } from '@contracts/auth.ts';
import type { FieldTaskBundle, MissingFilesResponse, RecordView, Signature, SubmitRecordRequest } from '@contracts/field.ts';
import { api, setCsrfToken, withQuery } from '../../api/client.ts';

/** The calls the field app makes (decision 0020). The session and CSRF header are the admin web's own (client.ts). */

export async function fetchSession(): Promise<SessionInfo> {
  const session = await api.get<SessionInfo>('/api/auth/me');
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logIn(body: LoginRequest): Promise<SessionInfo> {
  const session = await api.post<SessionInfo>('/api/auth/login', body);
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logOut(): Promise<void> {
  try {
    await api.post<unknown>('/api/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

/** The tasks of the next `days` days with everything needed offline. */
export const fetchTaskBundle = (days = 7) => api.get<FieldTaskBundle>(withQuery('/api/field/tasks', { days }));

export const scheduleVisit = (taskId: string, visitDate: string, lateReason: string) =>
  api.post<unknown>(`/api/field/tasks/${taskId}/visit`, { visitDate, lateReason });

export const startTask = (taskId: string) => api.post<unknown>(`/api/field/tasks/${taskId}/start`, {});

export const findMissingFiles = async (sha256: string[]) =>
  sha256.length === 0 ? [] : (await api.post<MissingFilesResponse>('/api/field/files/missing', { sha256 })).missing;

/** Uploads bytes named by their hash; the answer is the hash the server computed. */
export async function uploadFile(sha256: string, bytes: ArrayBuffer, mime: string): Promise<string> {
  const extension = mime === 'image/png' ? 'png' : 'jpg';
  const stored = await api.upload<{ sha256: string }>(
    withQuery('/api/files', { fileName: `${sha256.slice(0, 16)}.${extension}` }),
    new Blob([bytes], { type: 'application/octet-stream' }),
  );
  return stored.sha256;
}

export const submitRecord = (request: SubmitRecordRequest) => api.post<unknown>('/api/field/records', request);

/** A submitted record with its lines' texts (the 协办 reads what they confirm; the lead corrects from it). */
export const fetchRecord = (recordId: string) => api.get<RecordView>(`/api/records/${recordId}`);

/** The 协办 confirms a record on their own device: their signature over its body hash. */
export const confirmRecord = (recordId: string, request: { bodyHash: string; signature: Signature }) =>
  api.post<unknown>(`/api/field/records/${recordId}/confirm`, request);

/** Where a stored photo or signature is served (by its hash) for a thumbnail. */
export const fileUrl = (sha256: string) => `/api/files/${sha256}`;

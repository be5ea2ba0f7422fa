import type { ErrorResponse } from '@contracts/common.ts';

/**
 * A failed API call. `message` is Chinese and safe to show; `field` names the offending request field, `path` the
 * exact value inside it when it is deeper ("checklist.2.code").
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly path: string | undefined;

  constructor(status: number, code: string, message: string, field?: string, path?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.path = path;
  }
}

/** True when the call failed because there is no valid session (the client then sends the user to login). */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code !== 'INVALID_CREDENTIALS';
}

type QueryValue = string | number | boolean | readonly string[] | null | undefined;

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => undefined;
let onPasswordChangeRequired: () => void = () => undefined;

/** Remembers the CSRF token of the current session (from GET /api/auth/me or the login response). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Wires the client to the app: what to do when a request answers 401 (go to the login page), and when the server
 * says the account must first change its password (reset by an administrator meanwhile: reload the session).
 */
export function configureApiClient(options: { onUnauthenticated: () => void; onPasswordChangeRequired: () => void }): void {
  onUnauthenticated = options.onUnauthenticated;
  onPasswordChangeRequired = options.onPasswordChangeRequired;
}

/** Builds `path?a=1&b=x&c=y,z`, leaving out empty values; lists are comma-separated. */
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
      continue;
    }
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

/** The ApiError of a failed answer (its Chinese {error} body, or a Chinese fallback by status). */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorResponse(body)) {
    const { code, message, field, path } = body.error;
    return new ApiError(status, code, message, field, path);
  }
  if (status === 401) return new ApiError(status, 'UNAUTHENTICATED', '登录已失效，请重新登录');
  if (status >= 500) return new ApiError(status, 'SERVER_ERROR', '服务器暂时无法处理请求，请稍后重试');
  return new ApiError(status, 'HTTP_ERROR', `请求失败（${status}）`);
}

/** An answer's JSON body, or undefined when it has none. */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `fetch`, its network failure said in Chinese. */
async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init);
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
}

/**
 * A public GET whose answer is kept as a Blob: a large download read later as bytes (a draw's bundle, hashed as
 * received). Chromium keeps a Blob's bytes outside the page and hands them over in one piece, where
 * `response.arrayBuffer()` assembles the body chunk by chunk on the page's thread — about a second of that thread for
 * a province's bundle of ~100 MB (bench/draw-browser.bench.ts) — and a worker can read the same Blob too.
 */
async function requestBlob(path: string): Promise<Blob> {
  const response = await send(path, { credentials: 'same-origin' });
  if (!response.ok) throw toApiError(response.status, await readBody(response));
  return response.blob();
}

async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  path: string,
  body?: unknown,
  file?: Blob,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (file) headers['content-type'] = 'application/octet-stream';
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  const response = await send(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
  });

  const data = await readBody(response);
  if (!response.ok) {
    const error = toApiError(response.status, data);
    if (isUnauthenticated(error)) {
      csrfToken = null;
      onUnauthenticated();
    }
    if (error.code === 'PASSWORD_CHANGE_REQUIRED') onPasswordChangeRequired();
    throw error;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  /** POSTs a file's raw bytes (`content-type: application/octet-stream`), e.g. an import upload. */
  upload: <T>(path: string, file: Blob) => request<T>('POST', path, undefined, file),
  blob: (path: string) => requestBlob(path),
};

/** POSTs JSON and returns the answer's bytes (a generated PDF), or throws the server's error like every other call. */
export async function postForBlob(path: string, body: unknown): Promise<Blob> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) throw toApiError(response.status, await readBody(response));
  return response.blob();
}

import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import type { Database } from '../../src/db/client.ts';

export const TEST_SECRET = 'test-session-secret-with-at-least-32-chars';

export async function buildTestApp(
  database: Database,
  options: { now?: () => Date; webDistDir?: string; onRoute?: (route: RouteOptions) => void; publicCacheTtlMs?: number } = {},
) {
  return buildApp({
    database,
    sessionSecret: TEST_SECRET,
    cookieSecure: false,
    // Tests read what they just wrote: the public answers are shared only where a test asks for it (decision 0032).
    publicCacheTtlMs: options.publicCacheTtlMs ?? 0,
    ...(options.now ? { now: options.now } : {}),
    ...(options.onRoute ? { onRoute: options.onRoute } : {}),
    webDistDir: options.webDistDir,
  });
}

export type Session = { cookie: string; csrf: string };

/** Logs in through the real endpoint and returns the cookie and CSRF token to send back. */
export async function logInAs(app: FastifyInstance, username: string, password: string, ip = '10.0.0.1'): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0]! : setCookie!).split(';')[0]!;
  return { cookie, csrf: res.json<{ csrfToken: string }>().csrfToken };
}

/** A request as a logged-in browser would send it: with the session cookie and, unless told not to, the CSRF header. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  method: InjectOptions['method'],
  url: string,
  payload?: unknown,
  options: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (options.csrf !== false) headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}

import type { FastifyRequest } from 'fastify';
import type { Db, DatabaseKind } from '../db/client.ts';
import { DomainError } from '../domain/errors.ts';
import type { AuthenticatedSession } from '../usecases/auth/authenticate-session.ts';
import type { UseCaseContext } from '../usecases/lib/context.ts';

/** What the routes need from the outside world. `now` is injectable so tests can move the clock. */
export type RouteDeps = {
  db: Db;
  /** The read-only replica (READ_DATABASE_URL) for the portal and the statistics, else `db` (decision 0029). */
  read: Db;
  databaseKind: DatabaseKind;
  sessionSecret: string;
  cookieSecure: boolean;
  now: () => Date;
  /** How long a public GET's answer is kept and shared (PUBLIC_CACHE_TTL_MS; 0 in tests: every request reads). */
  publicCacheTtlMs: number;
  /** The channel new messages go through ('sms' when a gateway is configured) and the prefix of their links. */
  outbox: { channel: 'log' | 'sms'; publicBaseUrl: string };
};

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthenticatedSession | null;
  }
}

export function requireAuth(request: FastifyRequest): AuthenticatedSession {
  if (!request.auth) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return request.auth;
}

/**
 * The use-case context of a logged-in request that only reads and may read a few seconds behind (statistics): on the
 * replica when there is one.
 */
export function readContextOf(request: FastifyRequest, deps: RouteDeps): UseCaseContext {
  return { ...contextOf(request, deps), db: deps.read };
}

/** The use-case context for a logged-in request. */
export function contextOf(request: FastifyRequest, deps: RouteDeps): UseCaseContext {
  const auth = requireAuth(request);
  return { db: deps.db, actor: auth.actor, ip: request.ip, now: deps.now() };
}

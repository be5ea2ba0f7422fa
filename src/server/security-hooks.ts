import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isReadOnly, mayChangeWhileReadOnly } from '../domain/access.ts';
import { DomainError } from '../domain/errors.ts';
import { authenticateSession } from '../usecases/auth/authenticate-session.ts';
import { SESSION_COOKIE } from '../usecases/auth/session-policy.ts';
import { safeEqual } from '../usecases/lib/tokens.ts';
import type { RouteDeps } from './deps.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** State-changing routes that need no session (and so no CSRF token yet). */
const NO_SESSION_ROUTES = new Set(['/api/auth/login', '/api/public/unit-access']);
/**
 * The inspected unit's own page (decision 0024): authorised by `Authorization: Bearer`, never by the staff cookie, so
 * neither the staff session nor its CSRF token applies (a cross-site page cannot send that header).
 */
const isUnitApi = (path: string) => path.startsWith('/api/unit/');
/** The only changes a read-only (纪检) account may make: its own password and its own session. */
const READ_ONLY_ALLOWED = new Set(['/api/auth/password', '/api/auth/logout']);
/** All an account on its initial or reset password may do until it sets its own: who am I, change it, log out. */
const BEFORE_PASSWORD_CHANGE_ALLOWED = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);
/** Answers without personal data, the same for everyone: the portal and the health check. */
const isPublicApi = (url: string) => url.startsWith('/api/public/') || url === '/api/health' || url.startsWith('/api/health?');

function routePath(request: FastifyRequest): string {
  return request.routeOptions.url ?? request.url.split('?')[0]!;
}

/** Refuses a cross-site browser request: its Origin, when sent, must be this host. */
function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new DomainError('CSRF_REJECTED', '安全校验失败：请求来源无效');
  }
  if (host !== request.headers.host) throw new DomainError('CSRF_REJECTED', '安全校验失败：不接受来自其他网站的请求');
}

export function registerSecurityHooks(app: FastifyInstance, deps: RouteDeps): void {
  app.addHook('onRequest', async (request, reply) => {
    void reply.headers({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'content-security-policy':
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    });
  });

  // Answers that may carry personal data (sessions, units, inspectors, accounts, exports) are never stored by a
  // browser or a proxy; the portal's are the same for everyone.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !isPublicApi(request.url) && !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
  });

  app.addHook('preHandler', async (request) => {
    request.auth = null;
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    // The portal answers everyone alike (and shares its answers, decision 0032): a staff cookie costs it no session read.
    if (token && !isPublicApi(request.url))
      request.auth = await authenticateSession({ db: deps.db, sessionSecret: deps.sessionSecret, now: deps.now() }, token);
    if (request.auth?.account.account.mustChangePassword && !isPublicApi(request.url) && !isUnitApi(routePath(request)) && !BEFORE_PASSWORD_CHANGE_ALLOWED.has(routePath(request))) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', '请先修改初始密码：修改密码之前只能查看本人账号、修改密码或退出登录');
    }

    if (SAFE_METHODS.has(request.method)) return;
    checkOrigin(request);
    const path = routePath(request);
    if (NO_SESSION_ROUTES.has(path) || isUnitApi(path)) return;
    if (!request.auth) throw new DomainError('UNAUTHENTICATED', '请先登录');
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, request.auth.session.csrfToken)) {
      throw new DomainError('CSRF_REJECTED', '安全校验失败（缺少或错误的 CSRF 令牌），请刷新页面后重试');
    }
    if (isReadOnly(request.auth.actor) && !READ_ONLY_ALLOWED.has(path) && !mayChangeWhileReadOnly(request.auth.actor, path)) {
      throw new DomainError('FORBIDDEN', '纪检账号为只读账号，不能进行修改操作');
    }
  });
}

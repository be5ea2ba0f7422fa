import type { FastifyInstance } from 'fastify';
import { ChangePasswordRequest, LoginRequest } from '../../../contracts/auth.ts';
import { changeOwnPassword } from '../../../usecases/auth/change-own-password.ts';
import { logIn } from '../../../usecases/auth/log-in.ts';
import { logOut } from '../../../usecases/auth/log-out.ts';
import { SESSION_ABSOLUTE_MS, SESSION_COOKIE } from '../../../usecases/auth/session-policy.ts';
import { contextOf, requireAuth, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentSession } from '../../presenters/account-presenter.ts';

export function registerAuthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.cookieSecure,
  };

  app.post('/api/auth/login', async (request, reply) => {
    const input = parse(LoginRequest, request.body);
    const result = await logIn(
      { db: deps.db, sessionSecret: deps.sessionSecret, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, now: deps.now() },
      input,
    );
    void reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions, maxAge: SESSION_ABSOLUTE_MS / 1000 });
    return presentSession(result.account, result.csrfToken);
  });

  app.post('/api/auth/logout', async (request, reply) => {
    const auth = requireAuth(request);
    await logOut(contextOf(request, deps), auth.session.id);
    void reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return { ok: true };
  });

  app.get('/api/auth/me', async (request) => {
    const auth = requireAuth(request);
    return presentSession(auth.account, auth.session.csrfToken);
  });

  app.post('/api/auth/password', async (request) => {
    const auth = requireAuth(request);
    const input = parse(ChangePasswordRequest, request.body);
    await changeOwnPassword(contextOf(request, deps), input, auth.session.id);
    return { ok: true };
  });
}

import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { Database } from '../db/client.ts';
import type { RouteDeps } from './deps.ts';
import { answerClientError, handleError, handleFrameworkError, sendError } from './errors.ts';
import { registerInputGuard } from './input-guard.ts';
import { registerAccountRoutes } from './routes/admin/account-routes.ts';
import { registerAuditRoutes } from './routes/admin/audit-routes.ts';
import { registerAuthRoutes } from './routes/admin/auth-routes.ts';
import { registerOrgRoutes } from './routes/admin/org-routes.ts';
import { registerPublicRoutes } from './routes/public/public-routes.ts';
import { PUBLIC_CACHE_TTL_MS } from './routes/public/public-cache.ts';
import { registerSecurityHooks } from './security-hooks.ts';
import { registerUnitRoutes } from './routes/admin/unit-routes.ts';
import { registerInspectorRoutes } from './routes/admin/inspector-routes.ts';
import { registerImportRoutes } from './routes/admin/import-routes.ts';
import { registerCalendarRoutes } from './routes/admin/calendar-routes.ts';
import { registerPlanRoutes } from './routes/admin/plan-routes.ts';
import { registerPublicPlanRoutes } from './routes/public/public-plan-routes.ts';
import { registerDrawRoutes } from './routes/admin/draw-routes.ts';
import { registerPublicDrawRoutes } from './routes/public/public-draw-routes.ts';
import { registerCheckItemRoutes } from './routes/admin/check-item-routes.ts';
import { registerFileRoutes } from './routes/admin/file-routes.ts';
import { registerAnnualReportRoutes } from './routes/admin/annual-report-routes.ts';
import { registerDashboardRoutes } from './routes/admin/dashboard-routes.ts';
import { registerStatisticsRoutes } from './routes/admin/statistics-routes.ts';
import { registerExchangeRoutes } from './routes/admin/exchange-routes.ts';
import { registerPublicCheckItemRoutes } from './routes/public/public-check-item-routes.ts';
import { registerFieldRoutes } from './routes/field/field-routes.ts';
import { registerRecordRoutes } from './routes/admin/record-routes.ts';
import { registerCaseRoutes } from './routes/admin/case-routes.ts';
import { registerReinspectionRoutes } from './routes/admin/reinspection-routes.ts';
import { registerPublicNoticeRoutes } from './routes/public/public-notice-routes.ts';
import { registerDocumentRoutes } from './routes/admin/document-routes.ts';
import { registerPublicDocumentRoutes } from './routes/public/public-document-routes.ts';
import { registerPublicationRoutes } from './routes/admin/publication-routes.ts';
import { registerSelfCheckRoutes } from './routes/admin/self-check-routes.ts';
import { registerCallbackRoutes } from './routes/admin/callback-routes.ts';
import { registerUnitAccessRoutes } from './routes/public/unit-access-routes.ts';
import { registerUnitPageRoutes } from './routes/unit/unit-routes.ts';
import { registerFeedbackRoutes } from './routes/admin/feedback-routes.ts';
import { registerPublicResultRoutes } from './routes/public/public-result-routes.ts';
import { registerOpsRoutes } from './routes/system/ops-routes.ts';
import { RequestMetrics } from './metrics.ts';

export type AppOptions = {
  database: Database;
  sessionSecret: string;
  cookieSecure: boolean;
  trustProxy?: boolean;
  /** Serve the built web app from here when it exists. */
  webDistDir?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  /** How long each public answer is shared (default PUBLIC_CACHE_TTL_MS, decision 0032; 0 turns the cache off). */
  publicCacheTtlMs?: number;
  /** Pre-notices go out by SMS when a gateway is configured, else to the log channel. */
  outbox?: { channel: 'log' | 'sms'; publicBaseUrl: string };
  /** Bearer token for /api/metrics from outside this host (null: loopback only). */
  metricsToken?: string | null;
  /** Called for every route as it is registered (the hostile-input sweep enumerates them this way). */
  onRoute?: (route: RouteOptions) => void;
};

/** Builds the HTTP application without listening, so tests can inject requests or listen on a free port. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors Fastify answers before any hook runs (a bad %-escape, an over-long parameter; a request Node cannot
    // parse at all) get the same Chinese {error} body as every other answer.
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: answerClientError,
  });
  // Only JSON bodies are accepted: a cross-site HTML form cannot send one.
  app.removeContentTypeParser('text/plain');
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  await app.register(cookie);
  app.decorateRequest('auth', null);
  app.setErrorHandler(handleError);

  const metrics = new RequestMetrics();
  metrics.register(app);
  const deps: RouteDeps = {
    db: options.database.db,
    read: options.database.read,
    databaseKind: options.database.kind,
    sessionSecret: options.sessionSecret,
    cookieSecure: options.cookieSecure,
    now: options.now ?? (() => new Date()),
    publicCacheTtlMs: options.publicCacheTtlMs ?? PUBLIC_CACHE_TTL_MS,
    outbox: options.outbox ?? { channel: 'log', publicBaseUrl: '' },
  };
  registerInputGuard(app);
  registerSecurityHooks(app, deps);
  registerOpsRoutes(app, deps, metrics, options.metricsToken ?? null);
  registerPublicRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerOrgRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerUnitRoutes(app, deps);
  registerInspectorRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerPublicPlanRoutes(app, deps);
  registerDrawRoutes(app, deps);
  registerPublicDrawRoutes(app, deps);
  registerCheckItemRoutes(app, deps);
  registerPublicCheckItemRoutes(app, deps);
  registerFileRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerAnnualReportRoutes(app, deps);
  registerStatisticsRoutes(app, deps);
  registerExchangeRoutes(app, deps);
  registerFieldRoutes(app, deps);
  registerRecordRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerReinspectionRoutes(app, deps);
  registerPublicNoticeRoutes(app, deps);
  registerDocumentRoutes(app, deps);
  registerPublicDocumentRoutes(app, deps);
  registerPublicationRoutes(app, deps);
  registerSelfCheckRoutes(app, deps);
  registerCallbackRoutes(app, deps);
  registerUnitAccessRoutes(app, deps);
  registerUnitPageRoutes(app, deps);
  registerFeedbackRoutes(app, deps);
  registerPublicResultRoutes(app, deps);

  const webDist = options.webDistDir;
  const indexHtml = webDist ? path.join(webDist, 'index.html') : null;
  const hasWeb = indexHtml !== null && fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDist!,
      prefix: '/',
      wildcard: false,
      index: false,
      // The build writes .br and .gz copies of every text file (web/vite.config.ts): sent to browsers that accept them.
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        void reply.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return sendError(reply, 404, { error: { code: 'NOT_FOUND', message: '请求的地址不存在' } });
    }
    // The inspectors' field app (/field/…) is its own page (web/field.html, decision 0022); every other client-side
    // route (/, /login, /admin/…) loads the admin and portal app. Its service worker (/field-sw.js) is a plain file
    // above, served no-cache like every file outside assets/, so a new version is found at the next check.
    const fieldApp = request.url === '/field' || request.url.startsWith('/field/') || request.url.startsWith('/field?');
    return reply.header('cache-control', 'no-cache').sendFile(fieldApp ? 'field.html' : 'index.html');
  });

  return app;
}

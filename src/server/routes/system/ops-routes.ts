import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HealthView } from '../../../contracts/public.ts';
import { rowsOf } from '../../../db/sql-helpers.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { RouteDeps } from '../../deps.ts';
import type { RequestMetrics } from '../../metrics.ts';
import { JOB_QUEUE_SCHEMA } from '../../jobs/queue-runner.ts';

const VERSION = '0.1.0';
const HEALTH_TIMEOUT_MS = 3000;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The metrics are for the operators' monitoring: from this host, or with the token (Authorization: Bearer …). A
 * request a proxy forwarded (it says so in a forwarding header) is not from this host, even when the proxy runs here.
 */
function allowMetrics(request: FastifyRequest, token: string | null): boolean {
  const forwarded = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined || request.headers['x-real-ip'] !== undefined;
  if (!forwarded && LOOPBACK.has(request.socket.remoteAddress ?? '')) return true;
  return token !== null && request.headers.authorization === `Bearer ${token}`;
}

async function timed<T>(work: Promise<T>, timeoutMs: number): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    const value = await Promise.race([work, timeout]);
    return { value, ms: Math.round((performance.now() - started) * 10) / 10 };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * What a proxy and a monitoring system ask an instance (decision 0029): `/api/health` — does it answer and reach its
 * database (503 when not, so a proxy takes it out of rotation) — and `/api/metrics` in the Prometheus text format:
 * this instance's requests and memory, and the shared work waiting in the database (messages, statistics cells, queued
 * jobs).
 */
export function registerOpsRoutes(app: FastifyInstance, deps: RouteDeps, metrics: RequestMetrics, metricsToken: string | null): void {
  app.get('/api/health', async (_request, reply): Promise<HealthView> => {
    const base = { database: deps.databaseKind, version: VERSION };
    try {
      const { ms } = await timed(deps.db.execute(sql`select 1`), HEALTH_TIMEOUT_MS);
      return { status: 'ok', ...base, databaseMs: ms, problem: null };
    } catch {
      void reply.status(503);
      return { status: 'unavailable', ...base, databaseMs: null, problem: '数据库无法连接或响应超时' };
    }
  });

  app.get('/api/metrics', async (request, reply) => {
    if (!allowMetrics(request, metricsToken)) throw new DomainError('FORBIDDEN', '运行指标只对本机或持有监控令牌（METRICS_TOKEN）的请求开放');
    const lines = metrics.render();
    try {
      const { value, ms } = await timed(waitingWork(deps), HEALTH_TIMEOUT_MS);
      lines.push('# HELP xf_database_up Whether this instance reaches its database.', '# TYPE xf_database_up gauge', 'xf_database_up 1');
      lines.push('# HELP xf_database_query_seconds Time the waiting-work query took.', '# TYPE xf_database_query_seconds gauge', `xf_database_query_seconds ${(ms / 1000).toFixed(4)}`);
      lines.push('# HELP xf_outbox_pending Messages and exchange deliveries waiting to be sent.', '# TYPE xf_outbox_pending gauge');
      lines.push(`xf_outbox_pending{kind="message"} ${value.messages}`, `xf_outbox_pending{kind="exchange"} ${value.deliveries}`);
      lines.push('# HELP xf_statistics_dirty_cells Statistics cells not yet folded into the rollup.', '# TYPE xf_statistics_dirty_cells gauge', `xf_statistics_dirty_cells ${value.dirtyCells}`);
      if (value.jobs.length > 0) {
        lines.push('# HELP xf_jobs Jobs in the queue by state (PostgreSQL).', '# TYPE xf_jobs gauge');
        for (const j of value.jobs) lines.push(`xf_jobs{queue="${j.name}",state="${j.state}"} ${j.n}`);
      }
    } catch {
      lines.push('# HELP xf_database_up Whether this instance reaches its database.', '# TYPE xf_database_up gauge', 'xf_database_up 0');
    }
    return reply.type('text/plain; version=0.0.4; charset=utf-8').send(`${lines.join('\n')}\n`);
  });
}

type WaitingWork = { messages: number; deliveries: number; dirtyCells: number; jobs: { name: string; state: string; n: number }[] };

async function waitingWork(deps: RouteDeps): Promise<WaitingWork> {
  const counts = rowsOf<{ messages: number; deliveries: number; dirty_cells: number; queue: string | null }>(
    await deps.db.execute(sql`
    select
      (select count(*)::int from outbox_messages where state = 'pending') as messages,
      (select count(*)::int from exchange_deliveries where state = 'pending') as deliveries,
      (select count(*)::int from statistics_dirty) as dirty_cells,
      to_regclass(${`${JOB_QUEUE_SCHEMA}.job`})::text as queue`),
  );
  const row = counts[0]!;
  let jobs: WaitingWork['jobs'] = [];
  if (row.queue) {
    jobs = rowsOf<{ name: string; state: string; n: number }>(
      await deps.db.execute(
        sql.raw(`select name, state::text as state, count(*)::int as n from ${JOB_QUEUE_SCHEMA}.job where name not like '\\_\\_%' group by name, state order by name, state`),
      ),
    );
  }
  return { messages: Number(row.messages), deliveries: Number(row.deliveries), dirtyCells: Number(row.dirty_cells), jobs };
}

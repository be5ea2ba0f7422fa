import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { buildApp } from '../../app.ts';
import { TEST_SECRET } from '../../../../test/harness/http.ts';

let database: TestDatabase;
let app: FastifyInstance;
const TOKEN = 'monitoring-token-0123456789';

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, sessionSecret: TEST_SECRET, cookieSecure: false, metricsToken: TOKEN });
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('health and metrics', () => {
  it('answers the health check with the database reached and how long it took', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: database.kind, problem: null });
    expect(res.json().databaseMs).toBeGreaterThanOrEqual(0);
  });

  it('gives the metrics in the Prometheus text format to this host, counting the requests answered', async () => {
    await app.inject({ method: 'GET', url: '/api/public/home' });
    await app.inject({ method: 'GET', url: '/api/units' });
    const res = await app.inject({ method: 'GET', url: '/api/metrics', remoteAddress: '127.0.0.1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toMatch(/^xf_http_requests_total\{group="public",status="2xx"\} \d+$/m);
    expect(res.body).toMatch(/^xf_http_requests_total\{group="admin",status="4xx"\} \d+$/m);
    expect(res.body).toMatch(/^xf_http_request_duration_seconds_bucket\{group="public",le="\+Inf"\} \d+$/m);
    expect(res.body).toMatch(/^xf_database_up 1$/m);
    expect(res.body).toMatch(/^xf_outbox_pending\{kind="message"\} 0$/m);
    expect(res.body).toMatch(/^process_resident_memory_bytes \d+$/m);
  });

  it('refuses the metrics to another host without the token, in Chinese, and gives them with it', async () => {
    const refused = await app.inject({ method: 'GET', url: '/api/metrics', remoteAddress: '10.1.2.3' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/METRICS_TOKEN/);
    const wrong = await app.inject({ method: 'GET', url: '/api/metrics', remoteAddress: '10.1.2.3', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(403);
    const allowed = await app.inject({ method: 'GET', url: '/api/metrics', remoteAddress: '10.1.2.3', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(allowed.statusCode).toBe(200);
    // A proxy on this host forwards a stranger's request from 127.0.0.1: still a stranger.
    const proxied = await app.inject({ method: 'GET', url: '/api/metrics', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.statusCode).toBe(403);
  });

  it('says 503 when the database cannot be reached, so a proxy takes the instance out', async () => {
    const lost = await openTestDatabase();
    const lonely = await buildApp({ database: lost, sessionSecret: TEST_SECRET, cookieSecure: false });
    await lost.close();
    const res = await lonely.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable', problem: '数据库无法连接或响应超时' });
    await lonely.close();
    await lost.dispose();
  });
});

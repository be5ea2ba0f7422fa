import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../../db/client.ts';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrgTree } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs } from '../../../../test/harness/http.ts';

/*
 * READ_DATABASE_URL (decision 0029), PostgreSQL only: the read pool is read-only by construction, and the portal and
 * the statistics answer through it while logins and writes go to the primary. Here the "replica" is the same database
 * reached through the read pool, which is enough to prove no route that reads there writes there.
 */
const onPostgres = inject('testDb').kind === 'postgres';
let base: TestDatabase;
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  if (!onPostgres) return;
  base = await openTestDatabase();
  database = await openDatabase({ kind: 'postgres', url: base.env.DATABASE_URL!, readUrl: base.env.DATABASE_URL! });
  app = await buildTestApp(database);
});
afterAll(async () => {
  if (!onPostgres) return;
  await app.close();
  await database.close();
  await base.dispose();
});

describe.skipIf(!onPostgres)('a read-only replica for the portal and the statistics', () => {
  it('refuses a write through the read pool', async () => {
    const error = await database.read.execute(sql`create table not_here (id int)`).then(
      () => null,
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );
    expect(error).toMatch(/read-only transaction/);
  });

  it('answers the portal and the statistics through it, and writes on the primary', async () => {
    const tree = await createOrgTree(database.db);
    const admin = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
    const session = await logInAs(app, admin.username, admin.password);
    for (const url of ['/api/public/home', '/api/public/plans', '/api/public/draws', '/api/public/results?q=', '/api/public/check-items']) {
      const res = await call(app, null, 'GET', url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    }
    const statistics = await call(app, session, 'GET', '/api/statistics?level=brigade&year=2026');
    expect(statistics.statusCode, statistics.body).toBeLessThan(500);
    const created = await call(app, session, 'POST', '/api/annual-plans', { orgId: tree.brigadeA.id, year: 2026, name: '2026 年度计划' });
    expect(created.statusCode, created.body).toBe(201);
  });
});

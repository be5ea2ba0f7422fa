import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import {
  createAccountFixture,
  createInspectorFixture,
  createOrgTree,
  createUnitFixture,
} from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { auditLog } from '../../../db/schema.ts';

/** A brigade of two inspectors and 800 units, on Monday 16 March 2026. */
let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let planId: string;
const NOW = new Date('2026-03-16T02:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => NOW });
  const tree = await createOrgTree(database.db);
  const brigadeId = tree.brigadeA.id;
  const account = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  for (let i = 0; i < 300; i++) await createUnitFixture(database.db, { brigadeId, category: 'key', isCrowded: true });
  for (let i = 0; i < 500; i++) await createUnitFixture(database.db, { brigadeId, category: 'general' });
  for (let i = 0; i < 2; i++) await createInspectorFixture(database.db, { orgId: brigadeId });
  admin = await logInAs(app, account.username, account.password);
  const created = await call(app, admin, 'POST', '/api/annual-plans', { orgId: brigadeId, year: 2026, name: '2026 年度计划' });
  expect(created.statusCode, created.body).toBe(201);
  planId = created.json().id;
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('the annual plan against the year’s inspector-days', () => {
  it('shows, before publishing, that the plan asks for more than two inspectors can do, and what would fit', async () => {
    const plan = (await call(app, admin, 'GET', `/api/annual-plans/${planId}`)).json();
    // 16 March – 31 December 2026: 201 working days (248 in the year, 47 before the 16th); two inspectors; one task a day; two people a task.
    expect(plan.capacity).toMatchObject({
      from: '2026-03-16',
      workingDays: 201,
      inspectors: 2,
      inspectorDays: 402,
      capacity: 201,
    });
    expect(
      plan.capacity.strata.map((s: { code: string; remaining: number; fits: number }) => [s.code, s.remaining, s.fits]),
    ).toEqual([
      ['crowded_key', 300, 201],
      ['other_key', 0, 0],
      ['general', 100, 0],
    ]);
    expect(plan.capacity).toMatchObject({ demand: 400, shortfall: 199, inspectorsNeeded: 4 });
    expect(plan.capacityShortfall).toContain('缺口 199 项');
    expect(plan.capacityShortfall).toContain('人员密集场所重点单位不高于 67%');
  });

  it('refuses to publish it without a note, naming the shortfall, and publishes it with one', async () => {
    const refused = await call(app, admin, 'POST', `/api/annual-plans/${planId}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ field: 'capacityNote' });
    expect(refused.json().error.message).toMatch(/缺口 199 项.*请填写超出检查能力的说明/);
    const published = await call(app, admin, 'POST', `/api/annual-plans/${planId}/publish`, {
      capacityNote: '已报支队协调抽调 3 名监督员',
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', capacityNote: '已报支队协调抽调 3 名监督员' });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'annual_plan.publish'), eq(auditLog.targetId, planId)));
    expect(entry!.summary).toMatchObject({ shortfall: 199, capacityNote: '已报支队协调抽调 3 名监督员' });
  });

  it('refuses a monthly plan for a month that has ended, and counts only the working days left of this one', async () => {
    for (const month of [1, 2]) {
      const res = await call(app, admin, 'POST', `/api/annual-plans/${planId}/months/${month}/generate`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toBe(
        `2026 年 ${month} 月已经结束，不能再生成该月的月度计划（已结束月份的计划不能发布，也不能抽取）`,
      );
    }
    const march = await call(app, admin, 'POST', `/api/annual-plans/${planId}/months/3/generate`);
    expect(march.statusCode, march.body).toBe(200);
    // 16–31 March: 12 working days for each of the two inspectors.
    expect(march.json().capacity).toMatchObject({ inspectorDays: 24, capacity: 12 });
  });
});

import type { FastifyInstance } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrgTree } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';

let database: TestDatabase;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let brigadeAdmin: Session;
let detachmentAdmin: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => new Date('2026-12-20T02:00:00Z') });
  tree = await createOrgTree(database.db);
  const b = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  const d = await createAccountFixture(database.db, { role: 'org_admin', org: tree.detachment });
  brigadeAdmin = await logInAs(app, b.username, b.password);
  detachmentAdmin = await logInAs(app, d.username, d.password);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('annual report API', () => {
  it('gives a brigade user its own brigade’s year beside last year without naming it', async () => {
    const res = await call(app, brigadeAdmin, 'GET', '/api/annual-report?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.orgId).toBe(tree.brigadeA.id);
    expect(body.addressee).toBe(tree.detachment.name);
    expect(body.current.source).toBe('none');
    expect(body.comparison).toHaveLength(12);
  });

  it('lets a 支队 user choose among its brigades, and hides a brigade out of scope as missing', async () => {
    const res = await call(app, detachmentAdmin, 'GET', `/api/annual-report?year=2026&orgId=${tree.brigadeB.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().brigades.map((b: { id: string }) => b.id).sort()).toEqual([tree.brigadeA.id, tree.brigadeB.id].sort());
    const out = await call(app, brigadeAdmin, 'GET', `/api/annual-report?year=2026&orgId=${tree.brigadeB.id}`);
    expect(out.statusCode).toBe(400);
    expect(out.json().error.message).toBe('大队：不存在');
  });

  it('refuses a bad year and a report for a 支队 in Chinese, naming the field', async () => {
    const bad = await call(app, brigadeAdmin, 'GET', '/api/annual-report?year=20x6');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^年份：/);
    const notBrigade = await call(app, detachmentAdmin, 'GET', `/api/annual-report?year=2026&orgId=${tree.detachment.id}`);
    expect(notBrigade.statusCode).toBe(400);
    expect(notBrigade.json().error.message).toMatch(/^大队：/);
  });

  it('returns the .docx with the brigade’s own words in it', async () => {
    const res = await call(app, brigadeAdmin, 'POST', '/api/annual-report/docx', {
      orgId: tree.brigadeA.id,
      year: 2026,
      ownWords: { problems: '（一）单位地址登记不准，查找耗时。' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']!);
    expect(xml).toContain('（一）单位地址登记不准，查找耗时。');
    expect(xml).toContain('关于2026年度消防监督“双随机、一公开”抽查情况的报告');
    const tooLong = await call(app, brigadeAdmin, 'POST', '/api/annual-report/docx', { orgId: tree.brigadeA.id, year: 2026, ownWords: { work: '字'.repeat(5001) } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toBe('工作开展情况：最多 5000 个字符');
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createInspectorFixture, createOrgTree, createUnitFixture } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { collaborationZoneMembers, collaborationZones, inspectorZoneMemberships } from '../../../db/schema.ts';
import { fromHex } from '../../../domain/crypto/sha256.ts';
import { commitmentOf } from '../../../domain/draw/seed.ts';

let database: TestDatabase;
let app: FastifyInstance;
let detachmentAdmin: Session;
let brigadeAdmin: Session;
let secondDetachmentAdmin: Session;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let zoneId: string;
const zoneInspectors: string[] = [];
const NOW = new Date('2026-11-30T02:00:00Z');
const SECRET = '0123456789abcdef0123456789abcdef';

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => NOW });
  tree = await createOrgTree(database.db);
  const d = await createAccountFixture(database.db, { role: 'org_admin', org: tree.detachment });
  const d2 = await createAccountFixture(database.db, { role: 'org_admin', org: tree.detachment });
  const b = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  [detachmentAdmin, secondDetachmentAdmin, brigadeAdmin] = await Promise.all([
    logInAs(app, d.username, d.password),
    logInAs(app, d2.username, d2.password),
    logInAs(app, b.username, b.password),
  ]);
  const [zone] = await database.db.insert(collaborationZones).values({ detachmentId: tree.detachment.id, name: '测试协作区' }).returning();
  zoneId = zone!.id;
  await database.db.insert(collaborationZoneMembers).values([
    { zoneId, brigadeId: tree.brigadeA.id },
    { zoneId, brigadeId: tree.brigadeB.id },
  ]);
  // Brigade B has key units but no inspectors of its own (the 2–3 person brigades of the 来宾 feature):
  // brigade A's inspectors serve the whole zone.
  for (let i = 0; i < 4; i++) await createUnitFixture(database.db, { brigadeId: tree.brigadeA.id, category: 'key', isCrowded: true });
  for (let i = 0; i < 4; i++) await createUnitFixture(database.db, { brigadeId: tree.brigadeB.id, category: 'key', isCrowded: true });
  for (let i = 0; i < 3; i++) {
    const id = await createInspectorFixture(database.db, { orgId: tree.brigadeA.id });
    zoneInspectors.push(id);
    await database.db.insert(inspectorZoneMemberships).values({ inspectorId: id, zoneId });
  }
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('a cross-region draw over a collaboration zone', () => {
  it('pools the zone: units of both brigades drawn, inspectors crossing brigade lines', async () => {
    const defaults = (await call(app, detachmentAdmin, 'GET', '/api/annual-plans/defaults')).json();
    const created = await call(app, detachmentAdmin, 'POST', '/api/annual-plans', {
      orgId: tree.detachment.id,
      year: 2026,
      name: '协作区 2026 年度跨区域抽查计划',
      settings: { ...defaults, inspectorPool: 'zone' },
    });
    expect(created.statusCode, created.body).toBe(201);
    await call(app, detachmentAdmin, 'POST', `/api/annual-plans/${created.json().id}/publish`);
    const monthly = await call(app, detachmentAdmin, 'POST', `/api/annual-plans/${created.json().id}/months/12/generate`);
    expect(monthly.json().quotas.find((q: { code: string }) => q.code === 'crowded_key')).toMatchObject({ candidates: 8, quota: 8 });
    expect((await call(app, detachmentAdmin, 'POST', `/api/monthly-plans/${monthly.json().id}/publish`)).statusCode).toBe(200);

    const frozen = await call(app, detachmentAdmin, 'POST', '/api/draws', {
      source: { kind: 'monthly_plan', id: monthly.json().id },
      observers: [{ name: '企业代表甲', capacity: '企业代表' }],
      external: [{ source: '福彩3D', ref: '2026336' }],
    });
    expect(frozen.statusCode, frozen.body).toBe(201);
    const drawId = frozen.json().id;
    const committed = await call(app, detachmentAdmin, 'POST', `/api/draws/${drawId}/observers/OBS-1/commitment`, {
      commitment: commitmentOf(frozen.json().manifestHash, 'OBS-1', fromHex(SECRET)),
    });
    expect(committed.statusCode).toBe(200);
    await call(app, detachmentAdmin, 'POST', `/api/draws/${drawId}/observers/OBS-1/reveal`, { reveal: SECRET });
    await call(app, detachmentAdmin, 'POST', `/api/draws/${drawId}/external`, { source: '福彩3D', ref: '2026336', value: '1 2 3' });
    // A brigade admin cannot touch the detachment's draw; a second detachment account enters the value.
    expect((await call(app, brigadeAdmin, 'POST', `/api/draws/${drawId}/external`, { source: '福彩3D', ref: '2026336', value: '1 2 3' })).statusCode).toBe(404);
    await call(app, secondDetachmentAdmin, 'POST', `/api/draws/${drawId}/external`, { source: '福彩3D', ref: '2026336', value: '1 2 3' });
    const executed = await call(app, detachmentAdmin, 'POST', `/api/draws/${drawId}/execute`);
    expect(executed.statusCode, executed.body).toBe(200);

    const bundle = (await call(app, null, 'GET', `/api/public/draws/${frozen.json().code}/bundle`)).json();
    expect(new Set(bundle.manifest.candidates.map((c: unknown[]) => c[3]))).toEqual(new Set([zoneId]));
    expect(bundle.manifest.inspectors.map((i: unknown[]) => i[1])).toEqual(zoneInspectors.map(() => [zoneId]));
    const tasks = executed.json().tasks;
    expect(tasks).toHaveLength(8);
    expect(new Set(tasks.map((t: { orgName: string }) => t.orgName))).toEqual(new Set([tree.brigadeA.name, tree.brigadeB.name]));
    for (const t of tasks) expect(zoneInspectors).toContain(t.leads[0].id);

    // The brigade B tasks belong to brigade B: its admin sees them in the task list, brigade A's sees its own.
    const listA = (await call(app, brigadeAdmin, 'GET', '/api/tasks')).json();
    expect(listA).toHaveLength(4);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createInspectorFixture, createOrgTree, createUnitFixture } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { fromHex } from '../../../domain/crypto/sha256.ts';
import { assignInspectors } from '../../../domain/draw/assign-inspectors.ts';
import type { DrawBundle } from '../../../domain/draw/draw-types.ts';

let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let secondAdmin: Session;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
const inspectorsOf = new Map<string, string[]>();
const NOW = new Date('2026-11-30T02:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => NOW });
  tree = await createOrgTree(database.db);
  const a = await createAccountFixture(database.db, { role: 'org_admin', org: tree.detachment });
  const b = await createAccountFixture(database.db, { role: 'org_admin', org: tree.detachment });
  [admin, secondAdmin] = [await logInAs(app, a.username, a.password), await logInAs(app, b.username, b.password)];
  // Each brigade is its own inspector pool (no collaboration zone): a detachment campaign draws over both.
  for (const brigade of [tree.brigadeA, tree.brigadeB]) {
    for (let i = 0; i < 4; i++) await createUnitFixture(database.db, { brigadeId: brigade.id, category: 'key', isCrowded: true });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await createInspectorFixture(database.db, { orgId: brigade.id }));
    inspectorsOf.set(brigade.id, ids);
  }
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('递补 of a unit by an alternate of another inspector pool', () => {
  it('gives the alternate its own brigade and the team draw-algorithm.md §6 draws for it, which anyone can recompute', async () => {
    const campaign = await call(app, admin, 'POST', '/api/campaigns', {
      orgId: tree.detachment.id,
      name: '支队人员密集场所专项检查',
      description: '',
      startsOn: '2026-12-01',
      endsOn: '2026-12-31',
      filter: { categories: ['key'], crowded: true, flammable: null, highRise: null, tagsAny: [], districtCodes: [] },
      quota: 4,
      alternatesPercent: 100,
      checkItemCodes: ['XF-01'],
      frequencyOverrideReason: '',
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    expect((await call(app, admin, 'POST', `/api/campaigns/${campaign.json().id}/publish`)).statusCode).toBe(200);
    const frozen = await call(app, admin, 'POST', '/api/draws', {
      source: { kind: 'campaign', id: campaign.json().id },
      observers: [],
      external: [{ source: '福彩3D', ref: '2026340' }],
    });
    expect(frozen.statusCode, frozen.body).toBe(201);
    const drawId = frozen.json().id;
    for (const who of [admin, secondAdmin]) {
      await call(app, who, 'POST', `/api/draws/${drawId}/external`, { source: '福彩3D', ref: '2026340', value: '4 4 1' });
    }
    const executed = await call(app, admin, 'POST', `/api/draws/${drawId}/execute`);
    expect(executed.statusCode, executed.body).toBe(200);
    const bundle = (await call(app, null, 'GET', `/api/public/draws/${frozen.json().code}/bundle`)).json() as DrawBundle;
    const { manifest, result } = bundle;
    const poolOf = (id: string) => manifest.candidates.find((c) => c[0] === id)![3];
    const alternate = result.strata[0]!.alternates[0]!;
    // Four of eight units selected, the other four alternates: some selected unit is in the other pool.
    const tasks = executed.json().tasks as { id: string; unitId: string; orgName: string }[];
    const replaced = tasks.find((t) => poolOf(t.unitId) !== poolOf(alternate))!;
    expect(replaced).toBeDefined();

    // The old unit's brigade may not create a task in the other brigade: the detachment does this 递补.
    const oldBrigade = [tree.brigadeA, tree.brigadeB].find((b) => b.id === poolOf(replaced.unitId))!;
    const local = await createAccountFixture(database.db, { role: 'brigade_admin', org: oldBrigade });
    const brigadeAdmin = await logInAs(app, local.username, local.password);
    const refused = await call(app, brigadeAdmin, 'POST', `/api/tasks/${replaced.id}/replace-unit`, { reason: '现场核实已停业', evidence: '现场照片' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/属于其他大队/);

    const res = await call(app, admin, 'POST', `/api/tasks/${replaced.id}/replace-unit`, { reason: '现场核实已停业', evidence: '现场照片' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().unitId).toBe(alternate);
    const after = (await call(app, admin, 'GET', `/api/draws/${drawId}`)).json();
    const created = after.tasks.find((t: { id: string }) => t.id === res.json().taskId);
    const brigade = [tree.brigadeA, tree.brigadeB].find((b) => b.id === poolOf(alternate))!;
    expect(created.orgName).toBe(brigade.name);
    const team = [...created.leads, ...created.assistants].map((p: { id: string }) => p.id);
    for (const id of team) expect(inspectorsOf.get(brigade.id)).toContain(id);
    const expected = assignInspectors(manifest, fromHex(result.seed), [manifest.candidates.findIndex((c) => c[0] === alternate)])[0]!;
    expect(created.leads.map((p: { id: string }) => p.id)).toEqual(expected.lead);
    expect(created.assistants.map((p: { id: string }) => p.id)).toEqual(expected.assistant);
    expect(created.backups.lead.map((p: { id: string }) => p.id)).toEqual(expected.backups.lead);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrgTree } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';

let database: TestDatabase;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let orgAdmin: Session;
let brigadeAdmin: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database);
  tree = await createOrgTree(database.db);
  const o = await createAccountFixture(database.db, { role: 'org_admin', org: tree.detachment });
  const b = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  orgAdmin = await logInAs(app, o.username, o.password);
  brigadeAdmin = await logInAs(app, b.username, b.password);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('organisations', () => {
  it('shows each admin their own subtree as a tree', async () => {
    const mine = (await call(app, orgAdmin, 'GET', '/api/orgs')).json().tree;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: tree.detachment.id, kindLabel: '支队' });
    expect(mine[0].children.map((c: { id: string }) => c.id).sort()).toEqual([tree.brigadeA.id, tree.brigadeB.id].sort());
    const brigade = (await call(app, brigadeAdmin, 'GET', '/api/orgs')).json().tree;
    expect(brigade.map((o: { id: string }) => o.id)).toEqual([tree.brigadeA.id]);
  });

  it('creates a brigade under the detachment with its division code', async () => {
    const res = await call(app, orgAdmin, 'POST', '/api/orgs', {
      parentId: tree.detachment.id,
      kind: 'brigade',
      name: '兰溪市消防救援大队',
      shortName: '兰溪大队',
      divisionCode: '330781',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'brigade', parentId: tree.detachment.id, divisionCode: '330781' });
  });

  it('refuses a malformed division code, a wrong parent kind and a duplicate name', async () => {
    const bad = await call(app, orgAdmin, 'POST', '/api/orgs', { parentId: tree.detachment.id, kind: 'brigade', name: '甲', shortName: '甲', divisionCode: '33A781' });
    expect(bad.json().error).toMatchObject({ field: 'divisionCode', message: '行政区划代码：应为 6 位数字（GB/T 2260）' });
    const wrongParent = await call(app, orgAdmin, 'POST', '/api/orgs', { parentId: tree.brigadeA.id, kind: 'brigade', name: '乙', shortName: '乙', divisionCode: '330781' });
    expect(wrongParent.json().error).toMatchObject({ field: 'parentId', message: '上级机构：大队的上级应为支队' });
    const dup = await call(app, orgAdmin, 'POST', '/api/orgs', { parentId: tree.detachment.id, kind: 'brigade', name: '兰溪市消防救援大队', shortName: '兰溪', divisionCode: '330781' });
    expect(dup.statusCode).toBe(409);
  });

  it('does not let a brigade admin create organisations', async () => {
    const res = await call(app, brigadeAdmin, 'POST', '/api/orgs', { parentId: tree.detachment.id, kind: 'brigade', name: '丙', shortName: '丙', divisionCode: '330781' });
    expect(res.statusCode).toBe(403);
  });

  it('groups brigades of one detachment into a collaboration zone and edits it', async () => {
    const created = await call(app, orgAdmin, 'POST', '/api/collaboration-zones', {
      detachmentId: tree.detachment.id,
      name: '市区协作区',
      brigadeIds: [tree.brigadeA.id, tree.brigadeB.id],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().brigades).toHaveLength(2);
    const tooFew = await call(app, orgAdmin, 'PUT', `/api/collaboration-zones/${created.json().id}`, {
      detachmentId: tree.detachment.id,
      name: '市区协作区',
      brigadeIds: [tree.brigadeA.id],
    });
    expect(tooFew.json().error).toMatchObject({ field: 'brigadeIds', message: '成员大队：协作区至少包含 2 个大队' });
    const renamed = await call(app, orgAdmin, 'PUT', `/api/collaboration-zones/${created.json().id}`, {
      detachmentId: tree.detachment.id,
      name: '城区协作区',
      brigadeIds: [tree.brigadeA.id, tree.brigadeB.id],
    });
    expect(renamed.json().name).toBe('城区协作区');
    const seenByBrigade = (await call(app, brigadeAdmin, 'GET', '/api/collaboration-zones')).json();
    expect(seenByBrigade.map((z: { name: string }) => z.name)).toEqual(['城区协作区']);
  });

  it('refuses a zone member from another detachment', async () => {
    const other = await createOrgTree(database.db);
    const res = await call(app, orgAdmin, 'POST', '/api/collaboration-zones', {
      detachmentId: tree.detachment.id,
      name: '跨支队',
      brigadeIds: [tree.brigadeA.id, other.brigadeA.id],
    });
    expect(res.json().error).toMatchObject({ field: 'brigadeIds' });
  });
});

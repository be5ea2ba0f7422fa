import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createDrawFixture } from '../../../../test/harness/documents.ts';
import { createAccountFixture, createInspectorFixture, createOrgTree, createUnitFixture } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import type { InboxView, SelfCheckDetailView, SelfCheckListView } from '../../../contracts/self-checks.ts';
import { tasks } from '../../../db/schema.ts';

/*
 * 十日、二十日检查 through the API: a brigade administrator's 「立即检查」 lists the brigade's lagging task; the report
 * sits in their 待阅消息 until opened; another brigade sees neither the report nor the message; an inspector cannot run it.
 */

let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let other: Session;
let inspector: Session;
let taskId = '';
const now = new Date('2026-11-11T02:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => now });
  const tree = await createOrgTree(database.db);
  const a = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  const b = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeB });
  const i = await createAccountFixture(database.db, { role: 'inspector', org: tree.brigadeA });
  admin = await logInAs(app, a.username, a.password);
  other = await logInAs(app, b.username, b.password);
  inspector = await logInAs(app, i.username, i.password);
  const inspectorId = await createInspectorFixture(database.db, { orgId: tree.brigadeA.id });
  const drawId = await createDrawFixture(database.db, tree.brigadeA.id, a.id);
  const unitId = await createUnitFixture(database.db, { brigadeId: tree.brigadeA.id, name: '滞后单位', contactPhone: '0579-1', districtCode: '330702' });
  const [row] = await database.db
    .insert(tasks)
    .values({ drawId, orgId: tree.brigadeA.id, unitId, stratum: 'general', rank: 0, leadIds: [inspectorId], assistantIds: [], backups: { lead: [], assistant: [] }, dueDate: '2026-11-09' })
    .returning({ id: tasks.id });
  taskId = row!.id;
});

afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('十日、二十日检查 through the API', () => {
  it('runs now for a brigade administrator and lists the lagging task', async () => {
    const list0 = (await call(app, admin, 'GET', '/api/self-checks')).json<SelfCheckListView>();
    expect(list0).toEqual({ items: [], canRunNow: true });
    const run = await call(app, admin, 'POST', '/api/self-checks/run');
    expect(run.statusCode).toBe(201);
    const { id } = run.json<{ id: string }>();
    const list = (await call(app, admin, 'GET', '/api/self-checks')).json<SelfCheckListView>();
    expect(list.items).toMatchObject([{ id, checkDate: '2026-11-11', kind: 'brigade', kindLabel: '大队检查', manual: true, total: 1 }]);
    const inbox = (await call(app, admin, 'GET', '/api/inbox')).json<InboxView>();
    expect(inbox.items.map((x) => x.link)).toEqual([`/admin/self-checks/${id}`]);
    const detail = (await call(app, admin, 'GET', `/api/self-checks/${id}`)).json<SelfCheckDetailView>();
    expect(detail.findings.find((f) => f.kind === 'lagging')!.items).toMatchObject([{ id: taskId, target: 'task' }]);
    expect((await call(app, admin, 'GET', '/api/inbox')).json<InboxView>().items).toEqual([]);
  });

  it('shows another brigade nothing and refuses an inspector', async () => {
    const list = (await call(app, other, 'GET', '/api/self-checks')).json<SelfCheckListView>();
    expect(list.items).toEqual([]);
    const mine = (await call(app, admin, 'GET', '/api/self-checks')).json<SelfCheckListView>();
    const res = await call(app, other, 'GET', `/api/self-checks/${mine.items[0]!.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { message: string } }>().error.message).toBe('检查报告不存在');
    expect((await call(app, other, 'GET', '/api/inbox')).json<InboxView>().items).toEqual([]);
    expect((await call(app, inspector, 'GET', '/api/self-checks')).json<SelfCheckListView>().canRunNow).toBe(false);
    expect((await call(app, inspector, 'POST', '/api/self-checks/run')).statusCode).toBe(403);
    expect((await call(app, admin, 'GET', '/api/self-checks/abc')).statusCode).toBe(400);
  });
});

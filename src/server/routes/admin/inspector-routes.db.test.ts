import type { FastifyInstance } from 'fastify';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrg, createOrgTree } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { auditLog } from '../../../db/schema.ts';

let database: TestDatabase;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let adminA: Session;
let adminB: Session;
let auditor: Session;
let orgAdmin: Session;
const clock = new Date('2026-11-22T02:00:00Z');
let badge = 0;

const body = (overrides: Record<string, unknown> = {}) => ({
  name: '李监督',
  badgeNo: `ZJ-${++badge}`,
  certificateNo: `浙执法${1000 + badge}`,
  certificateValidFrom: '2024-01-01',
  certificateValidUntil: '2028-12-31',
  orgId: tree.brigadeA.id,
  post: 'full_time',
  roles: ['lead', 'assistant'],
  specialties: ['建筑防火'],
  phone: '13900001111',
  ...overrides,
});

/** A 协作区 of brigades A and B (only a detachment admin may create one); returns its id. */
const createZone = async (name: string): Promise<string> => {
  const zone = { detachmentId: tree.detachment.id, name, brigadeIds: [tree.brigadeA.id, tree.brigadeB.id] };
  const res = await call(app, orgAdmin, 'POST', '/api/collaboration-zones', zone);
  expect(res.statusCode).toBe(201);
  return res.json().id;
};

const lastAudit = async () => (await database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0]!;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => clock });
  tree = await createOrgTree(database.db);
  adminA = await logInAs(app, (await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA })).username, 'Test1234pass');
  adminB = await logInAs(app, (await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeB })).username, 'Test1234pass');
  auditor = await logInAs(app, (await createAccountFixture(database.db, { role: 'auditor', org: tree.detachment })).username, 'Test1234pass');
  const detachmentAdmin = await createAccountFixture(database.db, { role: 'org_admin', org: tree.detachment });
  orgAdmin = await logInAs(app, detachmentAdmin.username, detachmentAdmin.password);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('inspector registry API', () => {
  it('creates an inspector with the post default weight, drawable, with a masked phone in lists', async () => {
    const res = await call(app, adminA, 'POST', '/api/inspectors', body());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ drawWeight: 2, postLabel: '专职监督员', roleLabels: ['主办', '协办'], drawable: true, phone: '13900001111' });
    const part = await call(app, adminA, 'POST', '/api/inspectors', body({ post: 'part_time', roles: ['assistant'] }));
    expect(part.json().drawWeight).toBe(1);
    const list = (await call(app, adminA, 'GET', '/api/inspectors')).json();
    expect(list.items[0].phoneMasked).toBe('139****1111');
  });

  it('makes an inspector with an expired certificate not drawable', async () => {
    const res = await call(app, adminA, 'POST', '/api/inspectors', body({ certificateValidUntil: '2026-11-21' }));
    expect(res.json()).toMatchObject({ drawable: false, undrawableReason: 'CERTIFICATE_EXPIRED' });
    const notDrawable = (await call(app, adminA, 'GET', '/api/inspectors?drawable=false')).json();
    expect(notDrawable.items.map((i: { id: string }) => i.id)).toContain(res.json().id);
  });

  it('refuses a duplicate badge number and an unknown specialty, naming the field', async () => {
    const first = (await call(app, adminA, 'POST', '/api/inspectors', body())).json();
    const dup = await call(app, adminA, 'POST', '/api/inspectors', body({ badgeNo: first.badgeNo }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('badgeNo');
    expect((await call(app, adminA, 'POST', '/api/inspectors', body({ specialties: ['算命'] }))).json().error.field).toBe('specialties');
    expect((await call(app, adminA, 'POST', '/api/inspectors', body({ roles: [] }))).json().error).toMatchObject({ field: 'roles', message: '可任角色：至少选择一项' });
  });

  it('keeps the fields a PATCH leaves out: a new phone or name keeps the specialties and zones', async () => {
    const zoneId = await createZone('婺城金东协作区');
    const specialties = ['建筑防火', '电气防火'];
    const created = await call(app, adminA, 'POST', '/api/inspectors', body({ specialties, zoneIds: [zoneId] }));
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const kept = { specialties, zones: [{ id: zoneId, name: '婺城金东协作区' }] };
    expect(created.json()).toMatchObject(kept);

    expect((await call(app, adminA, 'PATCH', `/api/inspectors/${id}`, { phone: '13900002222' })).statusCode).toBe(200);
    expect((await call(app, adminA, 'GET', `/api/inspectors/${id}`)).json()).toMatchObject({ ...kept, phone: '13900002222' });
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: 'inspector.update', summary: { changes: { phone: ['13900001111', '13900002222'] } } });
    expect(Object.keys((audit.summary as { changes: Record<string, unknown> }).changes)).toEqual(['phone']);

    expect((await call(app, adminA, 'PATCH', `/api/inspectors/${id}`, { name: '李监督员' })).statusCode).toBe(200);
    expect((await call(app, adminA, 'GET', `/api/inspectors/${id}`)).json()).toMatchObject({
      ...kept,
      name: '李监督员',
      phone: '13900002222',
    });
  });

  it('keeps the zones on a move within them, and refuses a move out of them unless the zones change too', async () => {
    const zoneId = await createZone('金华市区协作区');
    const brigadeC = await createOrg(database.db, tree.detachment, 'brigade');
    const { id } = (await call(app, adminA, 'POST', '/api/inspectors', body({ zoneIds: [zoneId] }))).json();
    const toB = await call(app, orgAdmin, 'PATCH', `/api/inspectors/${id}`, { orgId: tree.brigadeB.id });
    expect(toB.statusCode).toBe(200);
    expect(toB.json()).toMatchObject({ orgId: tree.brigadeB.id, zones: [{ id: zoneId }], specialties: ['建筑防火'] });
    const toC = await call(app, orgAdmin, 'PATCH', `/api/inspectors/${id}`, { orgId: brigadeC.id });
    expect(toC.statusCode).toBe(400);
    expect(toC.json().error).toMatchObject({ field: 'zoneIds', message: '协作区：只能选择包含该人员所在大队的协作区' });
    const toCWithoutZones = await call(app, orgAdmin, 'PATCH', `/api/inspectors/${id}`, { orgId: brigadeC.id, zoneIds: [] });
    expect(toCWithoutZones.json()).toMatchObject({ orgId: brigadeC.id, zones: [], specialties: ['建筑防火'] });
  });

  it('refuses a PATCH that changes nothing', async () => {
    const insp = (await call(app, adminA, 'POST', '/api/inspectors', body())).json();
    const res = await call(app, adminA, 'PATCH', `/api/inspectors/${insp.id}`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请求：请至少修改一项');
  });

  it('freezes an inspector for a period, audited, and unfreezing restores them from that day', async () => {
    const insp = (await call(app, adminA, 'POST', '/api/inspectors', body())).json();
    const frozen = await call(app, adminA, 'POST', `/api/inspectors/${insp.id}/availability`, { kind: 'frozen', from: '2026-11-20', to: null, reason: '涉嫌违纪，停止执法' });
    expect(frozen.json()).toMatchObject({ drawable: false, undrawableReason: 'FROZEN' });
    expect(await lastAudit()).toMatchObject({ action: 'inspector.availability', summary: expect.objectContaining({ kind: 'frozen', reason: '涉嫌违纪，停止执法' }) });
    const periodId = frozen.json().availability[0].id;
    const lifted = await call(app, adminA, 'POST', `/api/inspector-availability/${periodId}/lift`, { reason: '调查结束，未发现问题' });
    expect(lifted.json()).toMatchObject({ drawable: true });
    expect(lifted.json().availability[0]).toMatchObject({ liftReason: '调查结束，未发现问题', current: false });
    expect((await lastAudit()).action).toBe('inspector.availability_lift');
    const onFrozenDay = (await call(app, adminA, 'GET', '/api/inspectors?drawable=false&on=2026-11-21')).json();
    expect(onFrozenDay.items.map((i: { id: string }) => i.id)).toContain(insp.id);
  });

  it('refuses a period that ends before it starts', async () => {
    const insp = (await call(app, adminA, 'POST', '/api/inspectors', body())).json();
    const res = await call(app, adminA, 'POST', `/api/inspectors/${insp.id}/availability`, { kind: 'leave', from: '2026-12-10', to: '2026-12-01', reason: '年假' });
    expect(res.json().error).toMatchObject({ field: 'to', message: '结束日期：不能早于开始日期' });
  });

  it('records and revokes a recusal between an inspector and a unit', async () => {
    const insp = (await call(app, adminA, 'POST', '/api/inspectors', body())).json();
    const unit = await call(app, adminA, 'POST', '/api/units', {
      name: '婺城区某亲属经营的超市',
      uscc: '91350100M000100Y43',
      address: '金华市婺城区某路1号',
      category: 'general',
      brigadeId: tree.brigadeA.id,
    });
    expect(unit.statusCode).toBe(201);
    const rec = await call(app, adminA, 'POST', '/api/recusals', { inspectorId: insp.id, unitId: unit.json().id, reason: '近亲属经营', validFrom: '2026-01-01' });
    expect(rec.statusCode).toBe(201);
    expect((await call(app, adminA, 'GET', `/api/inspectors/${insp.id}`)).json().recusals).toHaveLength(1);
    const revoked = await call(app, adminA, 'POST', `/api/recusals/${rec.json().id}/revoke`, { reason: '亲属已转让该店' });
    expect(revoked.json().revokeReason).toBe('亲属已转让该店');
  });

  it('hides another brigade’s inspectors and lets 纪检 see freezes but not make them', async () => {
    const insp = (await call(app, adminA, 'POST', '/api/inspectors', body())).json();
    expect((await call(app, adminB, 'GET', `/api/inspectors/${insp.id}`)).statusCode).toBe(404);
    const foreign = await call(app, adminB, 'POST', `/api/inspectors/${insp.id}/availability`, { kind: 'frozen', from: '2026-11-22', reason: '恶意冻结' });
    expect(foreign.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await call(app, auditor, 'GET', `/api/inspectors/${insp.id}`)).statusCode).toBe(200);
    expect((await call(app, auditor, 'POST', `/api/inspectors/${insp.id}/availability`, { kind: 'frozen', from: '2026-11-22', reason: '冻结' })).statusCode).toBe(403);
    const audit = (await call(app, auditor, 'GET', '/api/audit?action=inspector.availability')).json();
    expect(audit.total).toBeGreaterThanOrEqual(1);
  });

  it('keeps experts and other departments’ staff', async () => {
    const res = await call(app, adminA, 'POST', '/api/external-people', {
      orgId: tree.brigadeA.id,
      kind: 'expert',
      name: '周工',
      organization: '金华市建筑设计研究院',
      title: '高级工程师',
      specialties: ['建筑防火'],
      phone: '13700002222',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kindLabel: '专家', phoneMasked: '137****2222' });
    const list = (await call(app, adminA, 'GET', '/api/external-people?kind=expert')).json();
    expect(list.total).toBe(1);
  });
});

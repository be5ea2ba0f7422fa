import type { FastifyInstance } from 'fastify';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrgTree, usccFor } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { auditLog, units } from '../../../db/schema.ts';
import { computeUsccCheckChar } from '../../../domain/uscc.ts';

let database: TestDatabase;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let adminA: Session;
let adminB: Session;
let auditor: Session;
let orgAdmin: Session;

let serial = 0;
/** A valid credit code, different each call. */
function uscc(): string {
  serial += 1;
  const first17 = `913307${String(serial).padStart(2, '0')}MA${String(1000000 + serial).slice(-7)}`.slice(0, 17);
  return first17 + computeUsccCheckChar(first17);
}

const unitBody = (overrides: Record<string, unknown> = {}) => ({
  name: '金华市婺城区鑫源餐饮店',
  uscc: uscc(),
  registeredAddress: '浙江省金华市婺城区八一南街123号',
  address: '浙江省金华市婺城区八一南街123号',
  districtCode: '330702',
  category: 'general',
  isCrowded: true,
  industry: '餐饮',
  riskLevel: 'medium',
  tags: ['沿街商铺'],
  contactName: '王小明',
  contactPhone: '13812345678',
  safetyOwner: '王大明',
  brigadeId: tree.brigadeA.id,
  ...overrides,
});

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => new Date('2026-11-22T02:00:00Z') });
  tree = await createOrgTree(database.db);
  const a = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  const b = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeB });
  const j = await createAccountFixture(database.db, { role: 'auditor', org: tree.detachment });
  const o = await createAccountFixture(database.db, { role: 'org_admin', org: tree.detachment });
  adminA = await logInAs(app, a.username, a.password);
  adminB = await logInAs(app, b.username, b.password);
  auditor = await logInAs(app, j.username, j.password);
  orgAdmin = await logInAs(app, o.username, o.password);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('unit registry API', () => {
  it('registers a unit, audits it and shows it drawable with its history', async () => {
    const res = await call(app, adminA, 'POST', '/api/units', unitBody());
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({ categoryLabel: '一般单位', statusLabel: '正常', districtName: '婺城区', drawable: true, contactPhone: '13812345678' });
    expect(unit.history).toEqual([expect.objectContaining({ kind: 'create', kindLabel: '登记' })]);
    const [last] = await database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(last).toMatchObject({ action: 'unit.create', targetId: unit.id });
  });

  it('rejects an invalid credit code with a Chinese message naming the field', async () => {
    const res = await call(app, adminA, 'POST', '/api/units', unitBody({ uscc: '91350203M0001QAY9B' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'uscc', message: expect.stringMatching(/^统一社会信用代码：校验位错误：第 18 位应为/) });
    expect((await call(app, adminA, 'POST', '/api/units', unitBody({ uscc: '9135' }))).json().error.message).toBe('统一社会信用代码：应为 18 位，实际为 4 位');
  });

  it('accepts real published credit codes', async () => {
    // Published codes of well-known companies (their check characters are correct).
    for (const code of ['91350100M000100Y43', '914403001922038216', '91440300708461136T']) {
      const res = await call(app, adminA, 'POST', '/api/units', unitBody({ uscc: code, name: `单位${code}` }));
      expect(res.statusCode).toBe(201);
    }
  });

  it('keeps a credit code unique across brigades and names the unit holding it', async () => {
    const code = uscc();
    expect((await call(app, adminA, 'POST', '/api/units', unitBody({ uscc: code }))).statusCode).toBe(201);
    const dup = await call(app, adminB, 'POST', '/api/units', unitBody({ uscc: code, brigadeId: tree.brigadeB.id }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/^统一社会信用代码：已登记为「金华市婺城区鑫源餐饮店」/);
  });

  it('refuses unknown dictionary values, district codes and phone numbers, naming the field', async () => {
    expect((await call(app, adminA, 'POST', '/api/units', unitBody({ industry: '炼金' }))).json().error).toMatchObject({ field: 'industry', message: '行业：「炼金」不在字典中' });
    expect((await call(app, adminA, 'POST', '/api/units', unitBody({ districtCode: '339999' }))).json().error).toMatchObject({ field: 'districtCode' });
    expect((await call(app, adminA, 'POST', '/api/units', unitBody({ contactPhone: '12345' }))).json().error).toMatchObject({ field: 'contactPhone' });
  });

  it('stores a hostile name as text', async () => {
    const res = await call(app, adminA, 'POST', '/api/units', unitBody({ name: '<img src=x onerror=alert(1)>' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('<img src=x onerror=alert(1)>');
  });

  it('lists with filters, sorting and a masked phone, scoped to the brigade', async () => {
    await call(app, adminB, 'POST', '/api/units', unitBody({ brigadeId: tree.brigadeB.id, name: '金东区宏泰大酒店', category: 'key', industry: '住宿' }));
    const list = await call(app, adminA, 'GET', '/api/units?category=general&flags=isCrowded&sort=name&order=asc&pageSize=50');
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((u: { brigadeId: string; category: string }) => u.brigadeId === tree.brigadeA.id && u.category === 'general')).toBe(true);
    expect(body.items[0].contactPhoneMasked).toBe('138****5678');
    expect(JSON.stringify(body)).not.toContain('13812345678');
    const search = await call(app, adminA, 'GET', `/api/units?q=${encodeURIComponent('宏泰')}`);
    expect(search.json().total).toBe(0);
    const detachment = await call(app, orgAdmin, 'GET', `/api/units?q=${encodeURIComponent('宏泰')}`);
    expect(detachment.json().total).toBe(1);
    expect((await call(app, adminA, 'GET', '/api/units?category=castle')).json().error.field).toBe('category');
  });

  it('counts a large brigade exactly and pages to its last unit (no 2,000 cap, no 100-page stop)', async () => {
    const rows = Array.from({ length: 2_345 }, (_, i) => ({ uscc: usccFor(900_000 + i), name: `批量单位${i}`, address: `批量路${i}号`, category: 'general' as const, brigadeId: tree.brigadeB.id }));
    for (let i = 0; i < rows.length; i += 500) await database.db.insert(units).values(rows.slice(i, i + 500));
    const first = (await call(app, adminB, 'GET', '/api/units?pageSize=20')).json();
    expect(first.total).toBeGreaterThanOrEqual(2_345);
    const lastPage = Math.ceil(first.total / 20);
    expect(lastPage).toBeGreaterThan(100);
    const last = (await call(app, adminB, 'GET', `/api/units?pageSize=20&page=${lastPage}`)).json();
    expect(last.items.length).toBe(first.total - (lastPage - 1) * 20);
    expect(last).not.toHaveProperty('totalCapped');
  });

  it('answers 404 for a unit of another brigade', async () => {
    const other = (await call(app, adminB, 'POST', '/api/units', unitBody({ brigadeId: tree.brigadeB.id }))).json();
    expect((await call(app, adminA, 'GET', `/api/units/${other.id}`)).statusCode).toBe(404);
    expect((await call(app, adminA, 'PATCH', `/api/units/${other.id}`, { name: '改名' })).statusCode).toBe(404);
  });

  it('edits fields and records each change as before and after', async () => {
    const unit = (await call(app, adminA, 'POST', '/api/units', unitBody())).json();
    const res = await call(app, adminA, 'PATCH', `/api/units/${unit.id}`, { address: '浙江省金华市婺城区人民西路8号', riskLevel: 'high' });
    expect(res.statusCode).toBe(200);
    const history = res.json().history;
    expect(history[0]).toMatchObject({ kind: 'update', summary: { changes: { riskLevel: ['medium', 'high'] } } });
  });

  it('keeps the fields a PATCH leaves out: renaming keeps the site flags, tags and source', async () => {
    const created = await call(
      app,
      adminA,
      'POST',
      '/api/units',
      unitBody({
        isCrowded: true,
        isFlammable: true,
        isHighRise: true,
        tags: ['沿街商铺', '高层建筑'],
        source: 'department_share',
      }),
    );
    expect(created.statusCode).toBe(201);
    const { id, name } = created.json();
    const res = await call(app, adminA, 'PATCH', `/api/units/${id}`, { name: '金华市婺城区鑫源餐饮店（更名）' });
    expect(res.statusCode).toBe(200);
    const unit = (await call(app, adminA, 'GET', `/api/units/${id}`)).json();
    expect(unit).toMatchObject({
      name: '金华市婺城区鑫源餐饮店（更名）',
      isCrowded: true,
      isFlammable: true,
      isHighRise: true,
      tags: ['沿街商铺', '高层建筑'],
      source: 'department_share',
    });
    expect(unit.history[0]).toMatchObject({
      kind: 'update',
      summary: { changes: { name: [name, '金华市婺城区鑫源餐饮店（更名）'] } },
    });
    expect(Object.keys(unit.history[0].summary.changes)).toEqual(['name']);
  });

  it('refuses a PATCH that changes nothing', async () => {
    const unit = (await call(app, adminA, 'POST', '/api/units', unitBody())).json();
    const res = await call(app, adminA, 'PATCH', `/api/units/${unit.id}`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请求：请至少修改一项');
  });

  it('takes a unit out of the pool by a dated status change with a reason, never by deletion', async () => {
    const unit = (await call(app, adminA, 'POST', '/api/units', unitBody())).json();
    const noReason = await call(app, adminA, 'POST', `/api/units/${unit.id}/status`, { status: 'deregistered', reason: '', effectiveOn: '2026-11-01' });
    expect(noReason.json().error.field).toBe('reason');
    const res = await call(app, adminA, 'POST', `/api/units/${unit.id}/status`, { status: 'deregistered', reason: '市场监管登记已注销', effectiveOn: '2026-11-01' });
    expect(res.json()).toMatchObject({ status: 'deregistered', drawable: false, undrawableReasonLabel: '单位已注销', statusReason: '市场监管登记已注销' });
    const [row] = await database.db.select().from(units).where(eq(units.id, unit.id));
    expect(row).toBeTruthy();
  });

  it('changes many statuses at once, or none when one is out of scope', async () => {
    const a1 = (await call(app, adminA, 'POST', '/api/units', unitBody())).json();
    const a2 = (await call(app, adminA, 'POST', '/api/units', unitBody())).json();
    const b1 = (await call(app, adminB, 'POST', '/api/units', unitBody({ brigadeId: tree.brigadeB.id }))).json();
    const mixed = await call(app, adminA, 'POST', '/api/units/bulk-status', { unitIds: [a1.id, b1.id], status: 'suspended', reason: '停业整顿', effectiveOn: '2026-11-22' });
    expect(mixed.statusCode).toBe(404);
    expect((await call(app, adminA, 'GET', `/api/units/${a1.id}`)).json().status).toBe('active');
    const ok = await call(app, adminA, 'POST', '/api/units/bulk-status', { unitIds: [a1.id, a2.id], status: 'suspended', reason: '停业整顿', effectiveOn: '2026-11-22' });
    expect(ok.json()).toEqual({ updated: 2 });
  });

  it('transfers a unit to a sibling brigade as an audited move', async () => {
    const unit = (await call(app, adminA, 'POST', '/api/units', unitBody())).json();
    const res = await call(app, adminA, 'POST', `/api/units/${unit.id}/transfer`, { brigadeId: tree.brigadeB.id, reason: '辖区调整' });
    expect(res.statusCode).toBe(200);
    expect(res.json().brigadeId).toBe(tree.brigadeB.id);
    const [last] = await database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(last).toMatchObject({ action: 'unit.transfer', orgId: tree.brigadeB.id });
    expect((await call(app, adminA, 'GET', `/api/units/${unit.id}`)).statusCode).toBe(404);
  });

  it('flags a suspected zombie out of the pool and counts it on the quality page', async () => {
    const unit = (await call(app, adminA, 'POST', '/api/units', unitBody({ address: null, safetyOwner: null }))).json();
    expect(unit.undrawableReason).toBe('NO_ADDRESS');
    const flagged = await call(app, adminA, 'POST', `/api/units/${unit.id}/flag`, { flagged: true, reason: '电话无法接通，疑似已停业' });
    expect(flagged.json()).toMatchObject({ flagged: true });
    const quality = (await call(app, adminA, 'GET', '/api/units/quality')).json();
    expect(quality.counts.flagged).toBeGreaterThanOrEqual(1);
    expect(quality.counts.missing_address).toBeGreaterThanOrEqual(1);
    expect(quality.counts.suspected_duplicate).toBeGreaterThanOrEqual(2);
    const list = (await call(app, adminA, 'GET', '/api/units?quality=flagged')).json();
    expect(list.items.map((u: { id: string }) => u.id)).toContain(unit.id);
  });

  it('lets administrators and 纪检 export the registry with full phone numbers, but not a field account', async () => {
    const inspector = await createAccountFixture(database.db, { role: 'inspector', org: tree.brigadeA });
    const field = await logInAs(app, inspector.username, inspector.password);
    expect((await call(app, field, 'GET', '/api/units')).statusCode).toBe(200);
    expect((await call(app, field, 'GET', '/api/units/export')).statusCode).toBe(403);
    const exported = await call(app, auditor, 'GET', '/api/units/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/spreadsheetml/);
  });

  it('lets 纪检 read the registry and change nothing', async () => {
    expect((await call(app, auditor, 'GET', '/api/units')).statusCode).toBe(200);
    expect((await call(app, auditor, 'POST', '/api/units', unitBody())).statusCode).toBe(403);
  });

  it('serves dictionaries and divisions, and lets only detachment admins edit dictionaries', async () => {
    const dict = (await call(app, adminA, 'GET', '/api/dictionaries')).json();
    expect(dict.industry).toHaveLength(30);
    expect(dict.building_scale).toHaveLength(8);
    expect(dict.risk_level.map((e: { label: string }) => e.label)).toEqual(['高', '中', '低']);
    expect((await call(app, adminA, 'POST', '/api/dictionaries', { kind: 'industry', code: '殡葬', label: '殡葬' })).statusCode).toBe(403);
    const created = await call(app, orgAdmin, 'POST', '/api/dictionaries', { kind: 'industry', code: '殡葬', label: '殡葬服务' });
    expect(created.statusCode).toBe(201);
    const counties = (await call(app, adminA, 'GET', '/api/divisions?within=330700')).json();
    expect(counties.map((d: { name: string }) => d.name)).toContain('婺城区');
  });
});

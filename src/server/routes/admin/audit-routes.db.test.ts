import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccountFixture, createOrgTree, usccFor } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';

let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let auditor: Session;
let unitId: string;
type Entry = {
  action: string;
  actionLabel: string;
  actorName: string;
  targetTypeLabel: string;
  targetName: string | null;
  lines: { label: string; value: string }[];
};

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => new Date('2026-11-27T02:00:00Z') });
  const tree = await createOrgTree(database.db);
  const a = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  const j = await createAccountFixture(database.db, { role: 'auditor', org: tree.detachment });
  admin = await logInAs(app, a.username, a.password);
  auditor = await logInAs(app, j.username, j.password);
  const created = await call(app, admin, 'POST', '/api/units', {
    name: '金华市婺城区鑫源餐饮店',
    uscc: usccFor(4242),
    address: '浙江省金华市婺城区八一南街123号',
    districtCode: '330702',
    category: 'general',
    contactPhone: '13812345678',
    brigadeId: tree.brigadeA.id,
  });
  unitId = created.json().id;
  await call(app, admin, 'PATCH', `/api/units/${unitId}`, { contactPhone: '13900001111', isCrowded: true });
  const annual = await call(app, admin, 'POST', '/api/annual-plans', {
    orgId: tree.brigadeA.id,
    year: 2026,
    name: '2026 年度计划',
  });
  await call(app, admin, 'POST', `/api/annual-plans/${annual.json().id}/publish`, { capacityNote: '测试' });
  await call(app, admin, 'POST', `/api/annual-plans/${annual.json().id}/months/12/generate`);
  brigadeName = tree.brigadeA.name;
});
let brigadeName = '';
afterAll(async () => {
  await app.close();
  await database.dispose();
});

const list = async (query = '') =>
  (await call(app, auditor, 'GET', `/api/audit${query}`)).json() as { items: Entry[]; total: number };

describe('the audit log as 纪检 reads it', () => {
  it('names the object, labels the action and writes a change as 旧值 → 新值, with sign-ins folded away', async () => {
    const { items } = await list();
    expect(items.some((e) => e.action.startsWith('auth.'))).toBe(false);
    const update = items.find((e) => e.action === 'unit.update')!;
    expect(update).toMatchObject({
      actionLabel: '修改检查对象',
      targetTypeLabel: '检查对象',
      targetName: '金华市婺城区鑫源餐饮店',
    });
    expect(update.lines).toEqual(
      expect.arrayContaining([
        { label: '联系电话', value: '13812345678 → 13900001111' },
        { label: '人员密集场所', value: '否 → 是' },
      ]),
    );
  });

  it('names every kind of object: a monthly plan by its brigade and month, an annual plan by its name', async () => {
    const { items } = await list();
    expect(items.find((e) => e.action === 'annual_plan.create')).toMatchObject({
      targetTypeLabel: '年度计划',
      targetName: '2026 年度计划',
    });
    expect(items.find((e) => e.action === 'monthly_plan.generate')).toMatchObject({
      targetTypeLabel: '月度计划',
      targetName: `${brigadeName} 2026 年 12 月月度计划`,
    });
  });

  it('shows the sign-ins when asked, or only them', async () => {
    const only = await list('?logins=only');
    expect(only.total).toBeGreaterThanOrEqual(2);
    expect(only.items.every((e) => e.action === 'auth.login')).toBe(true);
    const all = await list('?logins=show');
    expect(all.total).toBe(only.total + (await list()).total);
  });

  it('filters by who acted, by the object and by action', async () => {
    const byObject = await list(`?targetType=unit&targetId=${unitId}`);
    expect(byObject.items.map((e) => e.action).sort()).toEqual(['unit.create', 'unit.update']);
    const byAction = await list('?action=unit.create');
    expect(byAction.items.map((e) => e.action)).toEqual(['unit.create']);
    const nobody = await list(`?actor=${encodeURIComponent('不存在的人')}`);
    expect(nobody.total).toBe(0);
    const filters = (await call(app, auditor, 'GET', '/api/audit/filters')).json();
    expect(filters.targetTypes).toEqual(expect.arrayContaining([{ value: 'unit', label: '检查对象' }]));
    expect(filters.actions).toEqual(expect.arrayContaining([{ value: 'auth.login', label: '登录' }]));
  });
});

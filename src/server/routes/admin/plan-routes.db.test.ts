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
import { auditLog, inspectionHistory } from '../../../db/schema.ts';
import { runMonthlyPlanScheduler } from '../../../usecases/plans/run-monthly-plan-scheduler.ts';

let database: TestDatabase;
let app: FastifyInstance;
let adminA: Session;
let adminB: Session;
let auditor: Session;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
const ids: Record<string, string> = {};
// Friday 2026-11-27: one of the last two working days of November, when December's plan is due.
const NOW = new Date('2026-11-27T02:00:00Z');

async function units(count: number, input: Parameters<typeof createUnitFixture>[1]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(await createUnitFixture(database.db, input));
  return out;
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => NOW });
  tree = await createOrgTree(database.db);
  const a = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  const b = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeB });
  const j = await createAccountFixture(database.db, { role: 'auditor', org: tree.detachment });
  adminA = await logInAs(app, a.username, a.password);
  adminB = await logInAs(app, b.username, b.password);
  auditor = await logInAs(app, j.username, j.password);

  const brigadeId = tree.brigadeA.id;
  const crowded = await units(10, { brigadeId, category: 'key', isCrowded: true });
  await units(20, { brigadeId, category: 'key' });
  const general = await units(50, { brigadeId, category: 'general' });
  await units(10, { brigadeId, category: 'small_venue' });
  await units(2, { brigadeId, category: 'general', status: 'suspended', statusReason: '停业整顿' });
  await units(1, { brigadeId, category: 'general', flaggedAt: NOW, flagReason: '市场监管已注销' });
  await units(3, { brigadeId: tree.brigadeB.id, category: 'general' });
  ids.capped = crowded[0]!;
  ids.recent = general[0]!;
  ids.reinspected = general[1]!;
  ids.triggered = general[2]!;
  await database.db.insert(inspectionHistory).values([
    { unitId: ids.capped, inspectedOn: '2026-03-10', kind: 'routine', source: 'legacy' },
    { unitId: ids.capped, inspectedOn: '2026-09-15', kind: 'special', source: 'legacy' },
    { unitId: ids.capped, inspectedOn: '2026-10-12', kind: 'reinspection', source: 'legacy' },
    // Entered for a later day: not an inspection that happened, so the drill-down does not show it as the last.
    { unitId: ids.capped, inspectedOn: '2026-12-20', kind: 'complaint', source: 'legacy' },
    { unitId: ids.recent, inspectedOn: '2026-08-01', kind: 'routine', source: 'legacy' },
    { unitId: ids.reinspected, inspectedOn: '2026-11-01', kind: 'reinspection', source: 'legacy' },
  ]);
  for (let i = 0; i < 3; i++) await createInspectorFixture(database.db, { orgId: brigadeId });
  await createInspectorFixture(database.db, { orgId: tree.brigadeB.id });
  await createInspectorFixture(database.db, { orgId: tree.brigadeB.id });
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('annual plans', () => {
  it('creates a draft with the default rules, once per org and year', async () => {
    const res = await call(app, adminA, 'POST', '/api/annual-plans', {
      orgId: tree.brigadeA.id,
      year: 2026,
      name: '2026年度双随机抽查计划',
    });
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    ids.annual = plan.id;
    expect(plan).toMatchObject({ status: 'draft', statusLabel: '草稿', revision: 1, canEdit: true });
    expect(plan.settings.strata.map((s: { code: string; annualRatioBp: number | null }) => [s.code, s.annualRatioBp])).toEqual([
      ['crowded_key', 10000],
      ['flammable', null],
      ['other_key', 8000],
      ['general', 2000],
      ['small_venue', null],
    ]);
    const again = await call(app, adminA, 'POST', '/api/annual-plans', { orgId: tree.brigadeA.id, year: 2026, name: '重复' });
    expect(again.statusCode).toBe(409);
  });

  it('hides a plan from another brigade and refuses 纪检 any change', async () => {
    expect((await call(app, adminB, 'GET', `/api/annual-plans/${ids.annual}`)).statusCode).toBe(404);
    expect((await call(app, auditor, 'GET', `/api/annual-plans/${ids.annual}`)).json().canEdit).toBe(false);
    expect((await call(app, auditor, 'POST', `/api/annual-plans/${ids.annual}/publish`)).statusCode).toBe(403);
  });

  it('refuses invalid rules naming the setting', async () => {
    const plan = (await call(app, adminA, 'GET', `/api/annual-plans/${ids.annual}`)).json();
    const settings = structuredClone(plan.settings);
    settings.strata[0].annualRatioBp = 12000;
    const res = await call(app, adminA, 'PUT', `/api/annual-plans/${ids.annual}`, { name: plan.name, settings });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/年度抽查比例/);
    settings.strata[0].annualRatioBp = 10000;
    settings.strata[1].code = 'crowded_key';
    const dup = await call(app, adminA, 'PUT', `/api/annual-plans/${ids.annual}`, { name: plan.name, settings });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.message).toMatch(/分层第 2 行：代码「crowded_key」重复/);
  });

  it('does not generate a month from a draft plan', async () => {
    const res = await call(app, adminA, 'POST', `/api/annual-plans/${ids.annual}/months/12/generate`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/尚未发布/);
  });

  it('publishes once: a concurrent second publish gets 409', async () => {
    const [r1, r2] = await Promise.all([
      call(app, adminA, 'POST', `/api/annual-plans/${ids.annual}/publish`),
      call(app, adminA, 'POST', `/api/annual-plans/${ids.annual}/publish`),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const published = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'annual_plan.publish'), eq(auditLog.targetId, ids.annual!)));
    expect(published).toHaveLength(1);
  });

  it('requires a reason to revise a published plan, and counts the revision', async () => {
    const plan = (await call(app, adminA, 'GET', `/api/annual-plans/${ids.annual}`)).json();
    const noReason = await call(app, adminA, 'PUT', `/api/annual-plans/${ids.annual}`, {
      name: plan.name,
      settings: plan.settings,
    });
    expect(noReason.statusCode, noReason.body).toBe(200); // nothing changed: nothing to revise
    const settings = structuredClone(plan.settings);
    settings.alternatesPercent = 25;
    const refused = await call(app, adminA, 'PUT', `/api/annual-plans/${ids.annual}`, { name: plan.name, settings });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/修订理由/);
    const revised = await call(app, adminA, 'PUT', `/api/annual-plans/${ids.annual}`, {
      name: plan.name,
      settings,
      reason: '备选比例提高',
    });
    expect(revised.json()).toMatchObject({ revision: 2, statusLabel: '已发布（修订 1）' });
    settings.alternatesPercent = 20;
    const back = await call(app, adminA, 'PUT', `/api/annual-plans/${ids.annual}`, {
      name: plan.name,
      settings,
      reason: '恢复 20%',
    });
    expect(back.json().revision).toBe(3);
  });
});

describe('monthly plans', () => {
  it('generates December from the rules: frequency exclusions, catch-up quotas, capacity and the due date', async () => {
    const res = await call(app, adminA, 'POST', `/api/annual-plans/${ids.annual}/months/12/generate`);
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    ids.monthly = plan.id;
    expect(plan).toMatchObject({ year: 2026, month: 12, status: 'draft', dueDate: '2026-12-31', canEdit: true });
    const quota = (code: string) => plan.quotas.find((q: { code: string }) => q.code === code);
    // 100 %: 10 units, 1 covered (inspected twice, so also capped); December is the last month: all the rest.
    expect(quota('crowded_key')).toMatchObject({
      target: 10,
      covered: 1,
      remaining: 9,
      monthsLeft: 1,
      computed: 9,
      candidates: 9,
      quota: 9,
    });
    expect(quota('other_key')).toMatchObject({ target: 16, covered: 0, computed: 16, candidates: 20, quota: 16, alternates: 4 });
    // 20 % of 50 active drawable general units = 10; one covered in August, still within six months.
    expect(quota('general')).toMatchObject({ target: 10, covered: 1, computed: 9, candidates: 49, quota: 9 });
    expect(quota('small_venue')).toMatchObject({ target: null, computed: 0, quota: 0 });
    const reasons = Object.fromEntries(
      plan.eligibility.excludedByReason.map((r: { reason: string; count: number }) => [r.reason, r.count]),
    );
    expect(reasons).toMatchObject({ STATUS_SUSPENDED: 2, FLAGGED_FOR_REVIEW: 1, YEARLY_CAP_REACHED: 1, WITHIN_MIN_INTERVAL: 1 });
    // 3 inspectors × 23 working days in December 2026, one task a day, two inspectors a task.
    expect(plan.capacity).toMatchObject({ inspectorDays: 69, capacity: 34, demand: 34, shortfall: 0 });
  });

  it('drills down to the units behind a count, and a reinspection does not count', async () => {
    const capped = await call(app, adminA, 'GET', `/api/monthly-plans/${ids.monthly}/units?reason=YEARLY_CAP_REACHED`);
    expect(capped.statusCode, capped.body).toBe(200);
    expect(capped.json()).toMatchObject({
      total: 1,
      items: [
        {
          id: ids.capped,
          reasonLabel: '本自然年抽查次数已达上限',
          lastCounted: { on: '2026-09-15', kind: 'special', kindLabel: '专项检查' },
          lastAny: { on: '2026-10-12', kind: 'reinspection', kindLabel: '复查' },
        },
      ],
    });
    const candidates = await call(
      app,
      adminA,
      'GET',
      `/api/monthly-plans/${ids.monthly}/units?reason=candidate&stratum=general&pageSize=200`,
    );
    expect(candidates.json().total).toBe(49);
    expect(candidates.json().items.map((u: { id: string }) => u.id)).toContain(ids.reinspected);
    expect((await call(app, adminA, 'GET', `/api/monthly-plans/${ids.monthly}/units?reason=NOPE`)).statusCode).toBe(400);
  });

  it('raises the weight of a unit in the triggered pool', async () => {
    const res = await call(app, adminA, 'POST', '/api/trigger-events', {
      unitId: ids.triggered,
      kind: 'complaint',
      receivedOn: '2026-11-20',
      summary: '群众反映疏散通道堵塞',
      reference: '12345-001',
    });
    expect(res.statusCode).toBe(201);
    ids.event = res.json().id;
    const list = await call(
      app,
      adminA,
      'GET',
      `/api/monthly-plans/${ids.monthly}/units?reason=candidate&stratum=general&pageSize=200`,
    );
    const unit = list.json().items.find((u: { id: string }) => u.id === ids.triggered);
    expect(unit.weight).toBe(4);
    expect((await call(app, adminA, 'GET', '/api/trigger-events?open=true')).json()).toHaveLength(1);
    expect(
      (await call(app, adminA, 'POST', `/api/trigger-events/${ids.event}/close`, { reason: '已核查，通道已清理' })).statusCode,
    ).toBe(200);
    expect((await call(app, adminA, 'POST', `/api/trigger-events/${ids.event}/close`, { reason: '再次关闭' })).statusCode).toBe(
      409,
    );
  });

  it('adjusts a quota only with a reason and never above the candidates', async () => {
    const base = { notes: '', dueDate: '2026-12-31' };
    const noReason = await call(app, adminA, 'PUT', `/api/monthly-plans/${ids.monthly}`, {
      ...base,
      quotas: [{ code: 'general', quota: 12, reason: '' }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/一般单位.*须说明调整理由/);
    const tooMany = await call(app, adminA, 'PUT', `/api/monthly-plans/${ids.monthly}`, {
      ...base,
      quotas: [{ code: 'general', quota: 60, reason: '多查' }],
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toMatch(/超过了候选单位数 49/);
    const ok = await call(app, adminA, 'PUT', `/api/monthly-plans/${ids.monthly}`, {
      ...base,
      notes: '年底前补齐一般单位',
      quotas: [{ code: 'general', quota: 12, reason: '年底集中整治，多抽 3 家' }],
    });
    expect(ok.statusCode).toBe(200);
    const general = ok.json().quotas.find((q: { code: string }) => q.code === 'general');
    expect(general).toMatchObject({ computed: 9, quota: 12, alternates: 3, adjustReason: '年底集中整治，多抽 3 家' });
    expect(ok.json().capacity).toMatchObject({ demand: 37, shortfall: 3 });
    // The reason alone can be reworded; an empty one for an adjusted quota is still refused.
    const reworded = await call(app, adminA, 'PUT', `/api/monthly-plans/${ids.monthly}`, {
      ...base,
      notes: '年底前补齐一般单位',
      quotas: [{ code: 'general', quota: 12, reason: '年底集中整治，经大队会议研究多抽 3 家' }],
    });
    expect(reworded.statusCode).toBe(200);
    expect(reworded.json().quotas.find((q: { code: string }) => q.code === 'general')).toMatchObject({
      quota: 12,
      adjustReason: '年底集中整治，经大队会议研究多抽 3 家',
    });
    const emptied = await call(app, adminA, 'PUT', `/api/monthly-plans/${ids.monthly}`, {
      ...base,
      quotas: [{ code: 'general', quota: 12, reason: ' ' }],
    });
    expect(emptied.statusCode).toBe(400);
    const kept = await call(app, adminA, 'PUT', `/api/monthly-plans/${ids.monthly}`, {
      ...base,
      notes: '年底前补齐一般单位',
      quotas: [{ code: 'general', quota: 12, reason: '年底集中整治，多抽 3 家' }],
    });
    expect(kept.json().quotas.find((q: { code: string }) => q.code === 'general')).toMatchObject({
      adjustReason: '年底集中整治，多抽 3 家',
    });
  });

  it('keeps drafts off the portal, and publishes the month for everyone to see', async () => {
    expect((await call(app, null, 'GET', `/api/public/plans/monthly/${ids.monthly}`)).statusCode).toBe(404);
    const res = await call(app, adminA, 'POST', `/api/monthly-plans/${ids.monthly}/publish`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', canEdit: false });
    expect((await call(app, adminA, 'POST', `/api/annual-plans/${ids.annual}/months/12/generate`)).statusCode).toBe(409);
    expect(
      (await call(app, adminA, 'PUT', `/api/monthly-plans/${ids.monthly}`, { notes: '', dueDate: '2026-12-31', quotas: [] }))
        .statusCode,
    ).toBe(409);

    const portal = await call(app, null, 'GET', '/api/public/plans');
    expect(portal.statusCode).toBe(200);
    const annual = portal.json().annual.find((a: { id: string }) => a.id === ids.annual);
    expect(annual.monthlyPlans).toEqual([expect.objectContaining({ id: ids.monthly, month: 12, totalQuota: 37 })]);
    const month = await call(app, null, 'GET', `/api/public/plans/monthly/${ids.monthly}`);
    expect(month.json().quotas.find((q: { code: string }) => q.code === 'general')).toMatchObject({
      quota: 12,
      adjustReason: '年底集中整治，多抽 3 家',
    });
    expect(JSON.stringify(month.json())).not.toContain(ids.capped);
  });
});

describe('the monthly scheduler', () => {
  it('generates next month for published plans on the last two working days only', async () => {
    const created = await call(app, adminB, 'POST', '/api/annual-plans', {
      orgId: tree.brigadeB.id,
      year: 2026,
      name: 'B 大队 2026 年度计划',
    });
    await call(app, adminB, 'POST', `/api/annual-plans/${created.json().id}/publish`);
    const ctx = { db: database.db, ip: null, actorName: '系统定时任务' };
    expect(await runMonthlyPlanScheduler({ ...ctx, now: new Date('2026-11-26T02:00:00Z') })).toEqual({ due: null, outcomes: [] });
    const run = await runMonthlyPlanScheduler({ ...ctx, now: NOW });
    expect(run.due).toEqual({ year: 2026, month: 12 });
    expect(run.outcomes.map((o) => [o.orgName, o.result])).toEqual(
      expect.arrayContaining([
        [tree.brigadeA.name, 'exists'],
        [tree.brigadeB.name, 'generated'],
      ]),
    );
    const list = (await call(app, adminB, 'GET', '/api/monthly-plans?year=2026&month=12')).json();
    expect(list).toEqual([
      expect.objectContaining({ orgName: tree.brigadeB.name, generatedByName: '系统定时任务', status: 'draft' }),
    ]);
  });

  it('reports a month whose year has no calendar instead of guessing', async () => {
    const run = await runMonthlyPlanScheduler(
      { db: database.db, ip: null, actorName: '命令行', now: NOW },
      { month: { year: 2027, month: 1 } },
    );
    expect(run.outcomes).toEqual([]); // no published 2027 plans
    const created = await call(app, adminA, 'POST', '/api/annual-plans', {
      orgId: tree.brigadeA.id,
      year: 2027,
      name: '2027年度计划',
    });
    await call(app, adminA, 'POST', `/api/annual-plans/${created.json().id}/publish`);
    const res = await call(app, adminA, 'POST', `/api/annual-plans/${created.json().id}/months/1/generate`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/2027 年的节假日安排尚未录入/);
  });
});

describe('special campaigns', () => {
  it('drafts, evaluates and publishes a campaign with its own scope and quota', async () => {
    const body = {
      orgId: tree.brigadeA.id,
      name: '元旦春节前人员密集场所专项检查',
      description: '节前专项',
      startsOn: '2026-12-15',
      endsOn: '2027-01-31',
      filter: { categories: ['key'], crowded: true, flammable: null, highRise: null, tagsAny: [], districtCodes: [] },
      quota: 12,
      alternatesPercent: 20,
      checkItemCodes: ['XF-01'],
      frequencyOverrideReason: '',
    };
    const created = await call(app, adminA, 'POST', '/api/campaigns', body);
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    // Ten crowded key units, one capped this year: nine candidates, short of twelve.
    expect(created.json().quotaView).toMatchObject({ candidates: 9, quota: 9, shortBy: 3 });
    expect((await call(app, adminA, 'POST', `/api/campaigns/${id}/publish`)).statusCode).toBe(409);
    const overridden = await call(app, adminA, 'PUT', `/api/campaigns/${id}`, {
      ...body,
      quota: 10,
      frequencyOverrideReason: '节前全覆盖，经支队批准不受频次限制',
    });
    expect(overridden.json().quotaView).toMatchObject({ candidates: 10, quota: 10, shortBy: 0 });
    expect((await call(app, adminA, 'POST', `/api/campaigns/${id}/publish`)).statusCode).toBe(200);
    const portal = (await call(app, null, 'GET', '/api/public/plans')).json();
    expect(portal.campaigns).toEqual([
      expect.objectContaining({ id, frequencyOverrideReason: '节前全覆盖，经支队批准不受频次限制' }),
    ]);
    expect((await call(app, adminA, 'PUT', `/api/campaigns/${id}`, body)).statusCode).toBe(409);
  });
});

describe('validation', () => {
  const SOME_ID = '00000000-0000-4000-8000-000000000000';

  async function refusal(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) {
    const res = await call(app, adminA, method, url, body);
    expect(res.statusCode).toBe(400);
    return res.json().error as { code: string; message: string; field?: string };
  }

  it('names a bad query parameter in Chinese', async () => {
    expect(await refusal('GET', '/api/annual-plans?year=abc')).toEqual({ code: 'VALIDATION_FAILED', message: '年度：必须是数字', field: 'year' });
    expect(await refusal('GET', '/api/annual-plans?year=1999')).toMatchObject({ message: '年度：应在 2000–2999 之间', field: 'year' });
    expect(await refusal('GET', '/api/monthly-plans?month=13')).toMatchObject({ message: '月份：应在 1–12 之间', field: 'month' });
    expect(await refusal('GET', `/api/monthly-plans/${SOME_ID}/units?pageSize=100000`)).toMatchObject({
      message: '每页条数：最多 200',
      field: 'pageSize',
    });
    expect(await refusal('GET', `/api/monthly-plans/${SOME_ID}/units?page=1.5`)).toMatchObject({ message: '页码：必须是整数', field: 'page' });
    expect(await refusal('GET', '/api/trigger-events?open=maybe')).toMatchObject({
      message: '线索状态：应为 true（未办结）或 false（已办结）',
      field: 'open',
    });
  });

  it('names a bad body field in Chinese, nested ones by their own label', async () => {
    const event = { unitId: ids.triggered, kind: 'complaint', receivedOn: '2026-11-20', summary: '投诉', reference: '' };
    expect(await refusal('POST', '/api/trigger-events', { ...event, kind: 'rumour' })).toMatchObject({
      message: '线索类型：不在可选范围内',
      field: 'kind',
    });
    expect(await refusal('POST', '/api/trigger-events', { ...event, receivedOn: '2026-02-30' })).toMatchObject({
      message: '收到日期：不是有效的日期',
      field: 'receivedOn',
    });
    expect(await refusal('POST', '/api/trigger-events', [event])).toEqual({ code: 'VALIDATION_FAILED', message: '请求内容：应为 JSON 对象' });

    const plan = (await call(app, adminA, 'GET', `/api/annual-plans/${ids.annual}`)).json();
    const settings = structuredClone(plan.settings);
    settings.weights.risk = { ['很'.repeat(41)]: 2 };
    expect(await refusal('PUT', `/api/annual-plans/${ids.annual}`, { name: plan.name, settings, reason: '调整' })).toMatchObject({
      message: '风险等级权重：代码应为 1–40 个字符',
      field: 'settings',
    });
    settings.weights = null;
    expect(await refusal('PUT', `/api/annual-plans/${ids.annual}`, { name: plan.name, settings, reason: '调整' })).toMatchObject({
      message: '抽取权重：格式不正确',
    });
    const month = { quotas: Array.from({ length: 13 }, () => ({ code: 'general', quota: 1, reason: '' })), notes: '', dueDate: '2026-12-31' };
    expect(await refusal('PUT', `/api/monthly-plans/${SOME_ID}`, month)).toMatchObject({ message: '本月任务数：最多 12 项', field: 'quotas' });
  });
});

import type { FastifyInstance } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { freezeAndExecuteDraw } from '../../../../test/harness/draws.ts';
import {
  createAccountFixture,
  createInspectorFixture,
  createOrgTree,
  createUnitFixture,
} from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import { auditLog, draws, inspectionHistory } from '../../../db/schema.ts';
import type { Manifest } from '../../../domain/draw/draw-types.ts';
import { COUNTED_INSPECTION_KINDS } from '../../../domain/plans/eligibility-types.ts';
import { addMonths } from '../../../domain/plans/months.ts';

/**
 * The December plan is made and published on 11-27; the draw is frozen on 12-05. Inspections recorded between the
 * 1st and the freeze, and the tasks of a campaign drawn on 12-02, must keep their units out of the draw.
 */
let database: TestDatabase;
let app: FastifyInstance;
let clock = new Date('2026-11-27T02:00:00Z');
let accountsOf: { username: string; password: string }[];
let first: Session;
let second: Session;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
const crowded: string[] = [];
const general: string[] = [];
let monthlyId: string;
let campaignTasks: string[] = [];

async function logInBoth() {
  first = await logInAs(app, accountsOf[0]!.username, accountsOf[0]!.password);
  second = await logInAs(app, accountsOf[1]!.username, accountsOf[1]!.password);
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => clock });
  tree = await createOrgTree(database.db);
  const brigadeId = tree.brigadeA.id;
  accountsOf = [
    await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA }),
    await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA }),
  ];
  for (let i = 0; i < 6; i++) crowded.push(await createUnitFixture(database.db, { brigadeId, category: 'key', isCrowded: true }));
  for (let i = 0; i < 40; i++)
    general.push(await createUnitFixture(database.db, { brigadeId, category: 'general', tags: i < 10 ? ['沿街商铺'] : [] }));
  for (let i = 0; i < 4; i++) await createInspectorFixture(database.db, { orgId: brigadeId });
  await logInBoth();
  const annual = await call(app, first, 'POST', '/api/annual-plans', { orgId: brigadeId, year: 2026, name: '2026 年度计划' });
  await call(app, first, 'POST', `/api/annual-plans/${annual.json().id}/publish`);
  const monthly = await call(app, first, 'POST', `/api/annual-plans/${annual.json().id}/months/12/generate`);
  monthlyId = monthly.json().id;
  const published = await call(app, first, 'POST', `/api/monthly-plans/${monthlyId}/publish`);
  if (published.statusCode !== 200) throw new Error(published.body);
  const campaign = await call(app, first, 'POST', '/api/campaigns', {
    orgId: brigadeId,
    name: '沿街商铺专项检查',
    description: '',
    startsOn: '2026-12-01',
    endsOn: '2026-12-31',
    filter: { categories: [], crowded: null, flammable: null, highRise: null, tagsAny: ['沿街商铺'], districtCodes: [] },
    quota: 3,
    alternatesPercent: 0,
    checkItemCodes: ['XF-01'],
    frequencyOverrideReason: '',
  });
  if (campaign.statusCode !== 201) throw new Error(campaign.body);
  await call(app, first, 'POST', `/api/campaigns/${campaign.json().id}/publish`);

  // 12-02: the campaign is drawn; its three tasks are open.
  clock = new Date('2026-12-02T02:00:00Z');
  await logInBoth();
  const campaignDraw = await freezeAndExecuteDraw(app, first, second, { kind: 'campaign', id: campaign.json().id }, '2026330');
  campaignTasks = campaignDraw.tasks.map((t) => t.unitId);

  // Inspections recorded between the 1st and the freeze (and one that never counts: a 复查).
  await database.db.insert(inspectionHistory).values([
    { unitId: crowded[0]!, inspectedOn: '2026-12-01', kind: 'routine', source: 'legacy' },
    { unitId: general[20]!, inspectedOn: '2026-12-03', kind: 'triggered', source: 'legacy' },
    { unitId: general[21]!, inspectedOn: '2026-12-04', kind: 'special', source: 'legacy' },
    { unitId: general[22]!, inspectedOn: '2026-12-04', kind: 'reinspection', source: 'legacy' },
    { unitId: general[23]!, inspectedOn: '2026-06-30', kind: 'routine', source: 'legacy' },
  ]);
  clock = new Date('2026-12-05T02:00:00Z');
  await logInBoth();
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

/** The frozen manifest as stored (published by its hash; the whole bundle follows execution). */
async function storedDraw(id: string): Promise<{ manifest: Manifest }> {
  const [row] = await database.db.select({ manifest: draws.manifest }).from(draws).where(eq(draws.id, id));
  return { manifest: row!.manifest };
}

async function monthlyDrawId(): Promise<string> {
  const [row] = await database.db.select({ id: draws.id }).from(draws).where(eq(draws.monthlyPlanId, monthlyId));
  return row!.id;
}

describe('a draw frozen on the 5th of its month', () => {
  it('leaves out the units inspected since the 1st and those on a live task of another draw', async () => {
    const frozen = await call(app, first, 'POST', '/api/draws', {
      source: { kind: 'monthly_plan', id: monthlyId },
      observers: [],
      external: [{ source: '福彩3D', ref: '2026335' }],
    });
    expect(frozen.statusCode, frozen.body).toBe(201);
    const bundle = await storedDraw(frozen.json().id);
    const candidates = new Set(bundle.manifest.candidates.map((c) => c[0]));
    const excluded = new Map<string, string>(bundle.manifest.excluded.map((e) => [e[0], e[1]]));
    expect(bundle.manifest.asOf).toBe('2026-12-05');
    expect(excluded.get(crowded[0]!)).toBe('WITHIN_MIN_INTERVAL');
    expect(excluded.get(general[20]!)).toBe('WITHIN_MIN_INTERVAL');
    expect(excluded.get(general[21]!)).toBe('WITHIN_MIN_INTERVAL');
    expect(candidates.has(general[22]!)).toBe(true);
    expect(excluded.get(general[23]!)).toBe('WITHIN_MIN_INTERVAL');
    expect(campaignTasks).toHaveLength(3);
    for (const unitId of campaignTasks) expect(excluded.get(unitId)).toBe('PENDING_TASK');
  });

  it('has no candidate with a counted inspection in the six months before the freeze, or two this year', async () => {
    const bundle = await storedDraw(await monthlyDrawId());
    const ids = bundle.manifest.candidates.map((c) => c[0]);
    const history = await database.db
      .select()
      .from(inspectionHistory)
      .where(and(inArray(inspectionHistory.unitId, ids), inArray(inspectionHistory.kind, [...COUNTED_INSPECTION_KINDS])));
    const freezeDay = bundle.manifest.asOf as string;
    for (const h of history) {
      expect(addMonths(h.inspectedOn, 6) <= freezeDay, `${h.unitId} ${h.kind} ${h.inspectedOn}`).toBe(true);
    }
    const thisYear = history.filter((h) => h.inspectedOn.startsWith(freezeDay.slice(0, 4)));
    expect(new Set(thisYear.map((h) => h.unitId)).size).toBe(thisYear.length);
  });

  it('draws one crowded unit fewer than the plan, the one inspected on the 1st, and says so in the audit log', async () => {
    const drawId = await monthlyDrawId();
    const bundle = await storedDraw(drawId);
    expect(bundle.manifest.strata.find((s) => s.code === 'crowded_key')).toMatchObject({ quota: 5 });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'draw.freeze'), eq(auditLog.targetId, drawId)));
    expect(entry!.summary).toMatchObject({ quotaLowered: { 人员密集场所重点单位: '6 → 5（计划生成后已检查 1 家）' } });
  });
});

describe('the 工作台 in the month', () => {
  it('shows the month’s plan, its draw and what to do next', async () => {
    const progress = (await call(app, first, 'GET', '/api/dashboard/month')).json();
    expect(progress).toMatchObject({ year: 2026, month: 12, today: '2026-12-05' });
    expect(progress.plans).toEqual([
      expect.objectContaining({
        statusLabel: '已发布',
        totalQuota: expect.any(Number),
        draw: expect.objectContaining({ statusLabel: '已冻结，待执行', total: 0 }),
        next: '完成监督人承诺、揭示和开奖号码录入后执行抽取',
      }),
    ]);
  });
});

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/harness/db.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../test/harness/http.ts';
import type { ApplyWarningWeightResult, StatisticsView } from '../../contracts/statistics.ts';
import { annualPlans, draws, orgs, tasks, units } from '../../db/schema.ts';
import { DEMO_PASSWORD } from '../../demo/generate-demo-data.ts';
import { unitWeight } from '../../domain/plans/eligibility.ts';
import type { PlanSettings } from '../../domain/plans/plan-settings.ts';
import { seedDemo } from '../system/seed-demo.ts';
import { seedDemoDraw } from '../system/seed-demo-draw.ts';

/*
 * 用作下月计划风险权重: 婺城's district 330702 had 60 inspections without a failure over the twelve months before October
 * 2026 and 8 of 9 failing in October; the early warning flags it, and the brigade admin puts its weight into the 2026
 * annual plan for November — a revision with the warning as its reason, applied to the units of that district only.
 */

const NOW = new Date('2026-11-22T02:00:00Z');
const DISTRICT = '330702';
let database: TestDatabase;
let app: FastifyInstance;
let wucheng: Session;
let jiandu: Session;
let brigadeId: string;

/** Submitted records for `count` new tasks of 婺城's demo draw, at `day`, `failing` of them with hazards found. */
async function inspections(day: string, count: number, failing: number, offset: number): Promise<void> {
  const [draw] = await database.db.select({ id: draws.id }).from(draws).where(eq(draws.orgId, brigadeId)).limit(1);
  const taken = new Set((await database.db.select({ unitId: tasks.unitId }).from(tasks).where(eq(tasks.drawId, draw!.id))).map((t) => t.unitId));
  const all = await database.db.select({ id: units.id }).from(units).where(eq(units.brigadeId, brigadeId)).orderBy(units.id);
  const rows = all.filter((u) => !taken.has(u.id)).slice(0, count);
  expect(rows.length).toBe(count);
  for (const [i, u] of rows.entries()) {
    const taskId = randomUUID();
    await database.db.execute(sql`insert into tasks (id, kind, draw_id, org_id, unit_id, stratum, rank, lead_ids, assistant_ids, backups, due_date, status)
      values (${taskId}, 'draw', ${draw!.id}, ${brigadeId}, ${u.id}, 'general', ${offset + i + 1000}, '{}', '{}', '{"lead":[],"assistant":[]}'::jsonb, ${day}::date, 'done')`);
    const conclusion = i < failing ? 'hazards_found' : 'no_hazards';
    await database.db.execute(sql`insert into inspection_records (id, task_id, version, outcome, body, body_hash, signatures, submission_hash, snapshot, visit_date, submitted_by, submitted_by_inspector, submitted_at)
      values (${randomUUID()}, ${taskId}, 1, 'inspected', ${JSON.stringify({ conclusion })}::jsonb, ${'a'.repeat(64)}, '{}'::jsonb, ${'b'.repeat(64)}, '{}'::jsonb, ${day}::date,
        (select id from accounts where username = 'wucheng'), (select id from inspectors where org_id = ${brigadeId} limit 1), ${`${day}T02:00:00Z`}::timestamptz)`);
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo(database.db, { seed: 20261122, now: NOW, unitCount: 300 });
  await seedDemoDraw(database.db, NOW);
  [{ id: brigadeId }] = (await database.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.shortName, '婺城大队'))) as [{ id: string }];
  await database.db.execute(sql`update units set district_code = ${DISTRICT} where brigade_id = ${brigadeId}`);
  let offset = 0;
  for (const month of ['2025-11', '2026-01', '2026-03', '2026-05', '2026-07', '2026-09']) {
    await inspections(`${month}-15`, 10, 0, offset);
    offset += 10;
  }
  await inspections('2026-10-20', 9, 8, offset);
  app = await buildTestApp(database, { now: () => NOW });
  wucheng = await logInAs(app, 'wucheng', DEMO_PASSWORD);
  jiandu = await logInAs(app, 'jiandu', DEMO_PASSWORD);
}, 180_000);
afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('an early warning as next month’s risk weight', () => {
  it('flags the district and puts its weight into the annual plan for November, once', async () => {
    const view = (await call(app, wucheng, 'GET', '/api/statistics?from=2026-10&to=2026-10&group=district')).json<StatisticsView>();
    const warning = view.warning.items.find((w) => w.dimension === 'district' && w.key === DISTRICT);
    expect(warning, JSON.stringify(view.warning)).toBeDefined();

    const res = await call(app, wucheng, 'POST', '/api/statistics/warning-weight', { month: '2026-10', dimension: 'district', key: DISTRICT });
    expect(res.statusCode, res.body).toBe(200);
    const applied = res.json<ApplyWarningWeightResult>();
    expect(applied.appliesTo).toBe('2026-11');
    expect(applied.factor).toBeGreaterThanOrEqual(2);
    expect(applied.reason).toContain('不合格率');

    const [plan] = await database.db.select().from(annualPlans).where(and(eq(annualPlans.orgId, brigadeId), eq(annualPlans.year, 2026)));
    const settings = plan!.settings as PlanSettings;
    expect(settings.weights.areas).toEqual([
      { kind: 'district', code: DISTRICT, factor: applied.factor, fromMonth: '2026-11', toMonth: '2026-11', reason: applied.reason },
    ]);
    expect(plan!.revision).toBe(applied.revision);
    const unit = { riskLevel: null, creditLevel: null, districtCode: DISTRICT, industry: null };
    expect(unitWeight(unit, settings.weights, false, '2026-11')).toBe(applied.factor);
    expect(unitWeight(unit, settings.weights, false, '2026-12')).toBe(1);
    expect(unitWeight({ ...unit, districtCode: '330703' }, settings.weights, false, '2026-11')).toBe(1);

    // The same warning again replaces the weight rather than stacking a second one.
    expect((await call(app, wucheng, 'POST', '/api/statistics/warning-weight', { month: '2026-10', dimension: 'district', key: DISTRICT })).statusCode).toBe(200);
    const [again] = await database.db.select().from(annualPlans).where(and(eq(annualPlans.orgId, brigadeId), eq(annualPlans.year, 2026)));
    expect((again!.settings as PlanSettings).weights.areas).toHaveLength(1);
  });

  it('refuses a district with no warning, and an inspector', async () => {
    const none = await call(app, wucheng, 'POST', '/api/statistics/warning-weight', { month: '2026-09', dimension: 'district', key: DISTRICT });
    expect(none.statusCode).toBe(409);
    expect(none.json<{ error: { message: string } }>().error.message).toContain('未出现预警');
    const bad = await call(app, wucheng, 'POST', '/api/statistics/warning-weight', { month: '2026-10', dimension: 'street', key: DISTRICT });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('预警分组');
    expect((await call(app, jiandu, 'POST', '/api/statistics/warning-weight', { month: '2026-10', dimension: 'district', key: DISTRICT })).statusCode).toBe(403);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/harness/db.ts';
import { buildTestApp, call, logInAs } from '../../../test/harness/http.ts';
import { DEMO_PASSWORD } from '../../demo/generate-demo-data.ts';
import { countFiguresByGroup, countFiguresFromRows } from '../../db/statistics-queries.ts';
import { COUNT_FIGURES, GROUP_KEYS, isFigureGroupable, periodDays } from '../../domain/statistics/figures.ts';
import { checkUscc } from '../../domain/uscc.ts';
import { publicationSearchGrams } from '../../domain/publication/compose-publication.ts';
import type { PublicationContent } from '../../domain/publication/publication-types.ts';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { provinceSizeFor, seedProvinceDemo, type SeedProvinceResult } from './seed-demo-province.ts';

let database: TestDatabase;
let result: SeedProvinceResult;
const now = new Date('2026-11-22T08:00:00Z');
const size = provinceSizeFor(2000, 4);
const progress: string[] = [];

async function rows<T>(statement: string): Promise<T[]> {
  return ((await database.db.execute(sql.raw(statement))) as unknown as { rows: T[] }).rows;
}

beforeAll(async () => {
  database = await openTestDatabase();
  result = await seedProvinceDemo(database, { size, now, onProgress: (m) => progress.push(m) });
}, 240_000);
afterAll(async () => database.dispose());

describe('the province data set at a tiny size (--units 2000 --brigades 4)', () => {
  it('makes the org tree, the inspectors, the units and the demo logins, telling its progress in Chinese', () => {
    if (!result.seeded) throw new Error(result.reason);
    expect(result.counts).toMatchObject({ orgs: 1 + 4 + 4, units: 2000, inspectors: size.inspectors, accounts: 8 });
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every((m) => /[\u4e00-\u9fff]/.test(m))).toBe(true);
  });

  it('gives every unit a distinct credit code whose check characters are valid', async () => {
    const codes = await rows<{ uscc: string }>('select uscc from units');
    expect(new Set(codes.map((c) => c.uscc)).size).toBe(2000);
    const bad = codes.filter((c) => !checkUscc(c.uscc).valid || checkUscc(c.uscc).warnings.length > 0);
    expect(bad).toEqual([]);
  });

  it('makes two years of plans and draws per brigade, all imported history without a bundle', async () => {
    const [counts] = await rows<{ plans: number; draws: number; annual: number; odd: number; withResult: number }>(`select
      (select count(*)::int from monthly_plans) as plans, (select count(*)::int from draws) as draws,
      (select count(*)::int from annual_plans) as annual,
      (select count(*)::int from draws where status <> 'executed' or code not like 'D-%-000' or not (manifest ? 'importedHistory')) as odd,
      (select count(*)::int from draws where result is not null or seed is not null) as "withResult"`);
    expect(counts).toMatchObject({ plans: 4 * 24, draws: 4 * 24, odd: 0, withResult: 0 });
    expect(counts!.annual).toBeGreaterThanOrEqual(4 * 2);
    const app = await buildTestApp(database);
    const [first] = await rows<{ code: string }>('select code from draws order by code limit 1');
    const bundle = await app.inject({ method: 'GET', url: `/api/public/draws/${first!.code}/bundle` });
    expect(bundle.statusCode).toBe(404);
    const view = await app.inject({ method: 'GET', url: `/api/public/draws/${first!.code}` });
    expect(view.statusCode).toBe(200);
    await app.close();
  });

  it('keeps every row pointing at rows that exist, and tasks, records and findings consistent', async () => {
    const [c] = await rows<Record<string, number>>(`select
      (select count(*)::int from tasks t where not exists (select 1 from units u where u.id = t.unit_id)) as task_unit,
      (select count(*)::int from tasks t where t.draw_id is not null and not exists (select 1 from draws d where d.id = t.draw_id)) as task_draw,
      (select count(*)::int from tasks t where not exists (select 1 from inspectors i where i.id = any(t.lead_ids))) as task_lead,
      (select count(*)::int from inspection_records r where not exists (select 1 from tasks t where t.id = r.task_id)) as record_task,
      (select count(*)::int from tasks t where t.status = 'done' and not exists (select 1 from inspection_records r where r.task_id = t.id)) as done_without_record,
      (select count(*)::int from tasks t where t.status <> 'done' and exists (select 1 from inspection_records r where r.task_id = t.id)) as record_without_done,
      (select count(*)::int from hazards h where not exists (select 1 from inspection_records r where r.id = h.record_id)) as hazard_record,
      (select count(*)::int from documents d where not exists (select 1 from inspection_records r where r.id = d.record_id)) as document_record,
      (select count(*)::int from tasks t where t.follows_document_id is not null and not exists (select 1 from documents d where d.id = t.follows_document_id)) as reinspection_document,
      (select count(*)::int from draws d where not exists (select 1 from monthly_plans p where p.id = d.monthly_plan_id)) as draw_plan,
      (select count(*)::int from monthly_plans p where not exists (select 1 from annual_plans a where a.id = p.annual_plan_id)) as plan_annual,
      (select count(*)::int from publications p where p.task_id is not null and not exists (select 1 from tasks t where t.id = p.task_id)) as publication_task,
      (select count(*)::int from publications p where p.case_id is not null and not exists (select 1 from cases c where c.id = p.case_id)) as publication_case,
      (select count(*)::int from callback_units c where not exists (select 1 from accounts a where a.id = c.caller_id)) as callback_caller,
      (select count(*)::int from accounts a where a.inspector_id is not null and not exists (select 1 from inspectors i where i.id = a.inspector_id)) as account_inspector`);
    expect(Object.values(c!).every((n) => n === 0), JSON.stringify(c)).toBe(true);
    if (!result.seeded) throw new Error(result.reason);
    for (const table of ['tasks', 'inspection_records', 'hazards', 'documents', 'cases', 'publications', 'callback_rounds', 'callback_records'])
      expect(result.counts[table], table).toBeGreaterThan(0);
  });

  it('has outcomes at about the simulation rates: hazards in about 38 % of the inspected', async () => {
    const [r] = await rows<{ inspected: number; failed: number }>(`select count(*) filter (where body->>'conclusion' is not null)::int as inspected,
      count(*) filter (where body->>'conclusion' = 'hazards_found')::int as failed from inspection_records r
      join tasks t on t.id = r.task_id and t.kind = 'draw' where r.version = 1`);
    expect(r!.failed / r!.inspected).toBeGreaterThan(0.3);
    expect(r!.failed / r!.inspected).toBeLessThan(0.46);
  });

  it('gives the portal entries the bigrams the application would make, and shows them on the portal', async () => {
    const entries = await rows<{ content: PublicationContent; search_grams: string[] }>('select content, search_grams from publications');
    const differing = entries.filter((e) => [...e.search_grams].sort().join(' ') !== publicationSearchGrams(e.content).join(' '));
    expect(differing).toEqual([]);
    const app = await buildTestApp(database);
    const page = await app.inject({ method: 'GET', url: '/api/public/results?page=1&pageSize=20' });
    expect(page.statusCode).toBe(200);
    expect((page.json() as { total: number }).total).toBeGreaterThan(0);
    await app.close();
  });

  it('folds the statistics rollup so that it equals the rows', async () => {
    const [{ dirty } = { dirty: -1 }] = await rows<{ dirty: number }>('select count(*)::int as dirty from statistics_dirty');
    expect(dirty).toBe(0);
    const orgIds = (await rows<{ id: string }>('select id::text from orgs')).map((o) => o.id);
    const filter = { orgIds, ...periodDays({ from: '2025-12', to: '2026-11' }) };
    const canon = (xs: { figure: string; key: string; value: number }[]) => xs.map((x) => `${x.figure} ${x.key} ${x.value}`).sort();
    for (const group of GROUP_KEYS) {
      const figures = COUNT_FIGURES.filter((f) => isFigureGroupable(f, group));
      const rolled = canon(await countFiguresByGroup(database.db, filter, group, figures));
      expect(rolled, group).toEqual(canon(await countFiguresFromRows(database.db, filter, group, figures)));
      expect(rolled.length).toBeGreaterThan(0);
    }
  });

  it('records the whole load in one valid audit entry, and lets the demo logins in', async () => {
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 1 });
    const app = await buildTestApp(database);
    for (const username of ['admin', 'zhidui', 'dadui', 'jijian']) {
      const session = await logInAs(app, username, DEMO_PASSWORD);
      expect(session.csrf).toBeTruthy();
    }
    await app.close();
  });

  it('gives the admin pages rows they can show: plans, draws, tasks, records, documents, cases, statistics, callbacks', async () => {
    const app = await buildTestApp(database);
    const dadui = await logInAs(app, 'dadui', DEMO_PASSWORD);
    const [brigade] = await rows<{ id: string }>(`select org_id::text as id from accounts where username = 'dadui'`);
    const one = async (statement: string) => (await rows<{ id: string }>(statement))[0]!.id;
    const mine = `org_id = '${brigade!.id}'`;
    const urls = [
      '/api/annual-plans',
      `/api/annual-plans/${await one(`select id::text from annual_plans where ${mine} limit 1`)}`,
      '/api/monthly-plans',
      `/api/monthly-plans/${await one(`select id::text from monthly_plans where ${mine} order by year, month limit 1`)}`,
      '/api/draws',
      `/api/draws/${await one(`select id::text from draws where ${mine} order by period_start limit 1`)}`,
      '/api/tasks',
      `/api/tasks/${await one(`select t.id::text from tasks t join inspection_records r on r.task_id = t.id and r.version = 2 where t.${mine} and r.body->>'conclusion' = 'hazards_found' limit 1`)}`,
      `/api/tasks/${await one(`select id::text from tasks where ${mine} and kind = 'reinspection' and status = 'done' limit 1`)}`,
      '/api/documents',
      `/api/documents/${await one(`select id::text from documents where ${mine} limit 1`)}`,
      '/api/hazards',
      '/api/cases',
      `/api/cases/${await one(`select id::text from cases where ${mine} limit 1`)}`,
      '/api/units',
      '/api/inspectors',
      '/api/dashboard/month',
      '/api/statistics?from=2025-12&to=2026-11&group=district',
      '/api/statistics/list?from=2025-12&to=2026-11&group=month&figure=inspected',
    ];
    const failed: string[] = [];
    for (const url of urls) {
      const res = await call(app, dadui, 'GET', url);
      if (res.statusCode !== 200) failed.push(`${url} ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    const jijian = await logInAs(app, 'jijian', DEMO_PASSWORD);
    const round = await one('select id::text from callback_rounds order by quarter limit 1');
    for (const url of [`/api/callbacks/rounds/${round}`, '/api/anomalies']) {
      const res = await call(app, jijian, 'GET', url);
      if (res.statusCode !== 200) failed.push(`${url} ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    await app.close();
    expect(failed).toEqual([]);
  });

  it('refuses a database that already has data', async () => {
    expect(await seedProvinceDemo(database, { size, now, onProgress: () => {} })).toMatchObject({ seeded: false, reason: expect.stringMatching(/已有数据/) });
  });

  it('refuses the full province size on PGlite, pointing to DATABASE_URL', async () => {
    const refused = await seedProvinceDemo({ db: database.db, kind: 'pglite' }, { size: provinceSizeFor(1_000_000, 100), now, onProgress: () => {} });
    expect(refused).toMatchObject({ seeded: false, reason: expect.stringMatching(/DATABASE_URL/) });
  });
});

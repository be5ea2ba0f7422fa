import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { and, eq, gte, lte, ne, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import type { StatisticsListView, StatisticsView } from '../../../contracts/statistics.ts';
import { draws, orgs, tasks } from '../../../db/schema.ts';
import { DEMO_PASSWORD } from '../../../demo/generate-demo-data.ts';
import { COUNT_FIGURES, figuresNotAddingUp, type Counts } from '../../../domain/statistics/figures.ts';
import { seedDemo } from '../../../usecases/system/seed-demo.ts';
import { seedDemoDraw } from '../../../usecases/system/seed-demo-draw.ts';

/*
 * 统计分析 over the demo data (婺城 inspected last month, issued notices, decided a penalty): the figures, the levels
 * adding up (总队 = Σ 支队 = Σ 大队), the scope (a brigade sees only itself), the drill-down lists matching the counts, and
 * the .xlsx export holding the same numbers.
 */

const NOW = new Date('2026-11-22T02:00:00Z');
const PERIOD = 'from=2026-01&to=2026-11';
let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let zhidui: Session;
let wucheng: Session;
let jindong: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo(database.db, { seed: 20261122, now: NOW, unitCount: 300 });
  await seedDemoDraw(database.db, NOW);
  app = await buildTestApp(database, { now: () => NOW });
  admin = await logInAs(app, 'admin', DEMO_PASSWORD);
  zhidui = await logInAs(app, 'zhidui', DEMO_PASSWORD);
  wucheng = await logInAs(app, 'wucheng', DEMO_PASSWORD);
  jindong = await logInAs(app, 'jindong', DEMO_PASSWORD);
});
afterAll(async () => {
  await app.close();
  await database.dispose();
});

async function statistics(session: Session, query: string): Promise<StatisticsView> {
  const res = await call(app, session, 'GET', `/api/statistics?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<StatisticsView>();
}
const countsOf = (g: StatisticsView['groups'][number]) => Object.fromEntries(COUNT_FIGURES.map((f) => [f, g.counts[f] ?? 0])) as Counts;

describe('the statistics dashboard', () => {
  it('counts 婺城’s plans, drawn tasks, inspections and notices', async () => {
    const view = await statistics(wucheng, `${PERIOD}&group=month`);
    const [brigade] = await database.db.select().from(orgs).where(eq(orgs.shortName, '婺城大队'));
    const drawn = await database.db
      .select()
      .from(tasks)
      .innerJoin(draws, eq(draws.id, tasks.drawId))
      .where(and(eq(draws.orgId, brigade!.id), ne(draws.status, 'voided'), notInArray(tasks.status, ['replaced', 'cancelled']), gte(draws.periodStart, '2026-01-01'), lte(draws.periodStart, '2026-11-30')));
    expect(view.total.counts.drawn).toBe(drawn.length);
    expect(view.total.counts.inspected).toBeGreaterThan(0);
    expect(view.total.counts.notices).toBeGreaterThan(0);
    expect(view.total.counts.penaltyAmount).toBeGreaterThanOrEqual(0);
    expect(view.total.counts.planned).toBeGreaterThan(0);
    // This month's draw counts in this month, with its plan.
    const november = view.groups.find((g) => g.key === '2026-11')!;
    expect(november.counts.drawn).toBeGreaterThan(0);
    expect(november.counts.drawn).toBe(november.counts.planned);
    expect(view.total.rates.failureRate).toBe(view.total.counts.failed / view.total.counts.inspected);
    expect(view.groups.map((g) => g.label)).toContain('2026年10月');
  });

  it('counts inspections done on time and results published, and splits hazards and 无法检查 into parts that add up', async () => {
    const view = await statistics(wucheng, `${PERIOD}&group=month`);
    const c = view.total.counts;
    expect(c.completed).toBeGreaterThan(0);
    expect(c.completed).toBeLessThanOrEqual(c.drawn);
    expect(view.total.rates.completionRate).toBe(c.completed / c.drawn);
    expect(c.doneOnTime).toBeGreaterThan(0);
    expect(c.doneOnTime).toBeLessThanOrEqual(c.inspected + c.unable);
    expect(view.total.rates.onTimeRate).toBe(c.doneOnTime / (c.inspected + c.unable));
    expect(c.resultEntries).toBeGreaterThan(0);
    expect(c.published).toBeLessThanOrEqual(c.resultEntries);
    expect(view.total.rates.publicationRate).toBe(c.published / c.resultEntries);
    const { hazardsByLine, unableByReason } = view.composition;
    expect(hazardsByLine.reduce((n, s) => n + s.count, 0)).toBe(c.hazards);
    expect(hazardsByLine.length).toBeLessThanOrEqual(11);
    expect(hazardsByLine.every((s) => s.label !== '' && !/^[A-Z]+-\d/.test(s.label) || s.key === '')).toBe(true);
    expect(unableByReason.reduce((n, s) => n + s.count, 0)).toBe(c.unable);
    for (const s of unableByReason) expect(s.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('adds up across levels: the 总队 is the sum of its brigades, the 支队 too, and each brigade sees what the 支队 shows for it', async () => {
    for (const group of ['brigade', 'month', 'district', 'industry', 'category'] as const) {
      for (const session of [admin, zhidui]) {
        const view = await statistics(session, `${PERIOD}&group=${group}`);
        const notAddingUp = figuresNotAddingUp(view.total.counts, view.groups.map(countsOf));
        // The plans' quotas have no district, industry or category: they add up by month and brigade only.
        expect(notAddingUp.filter((f) => f !== 'planned' || group === 'month' || group === 'brigade'), group).toEqual([]);
      }
    }
    const byBrigade = await statistics(zhidui, `${PERIOD}&group=brigade`);
    const wuchengRow = byBrigade.groups.find((g) => g.label === '婺城大队')!;
    const own = await statistics(wucheng, `${PERIOD}&group=brigade`);
    expect(own.total.counts).toEqual(countsOf(wuchengRow));
    const corps = await statistics(admin, `${PERIOD}&group=brigade`);
    expect(corps.total.counts).toEqual(byBrigade.total.counts); // the demo's only 支队 holds every brigade
  });

  it('shows a brigade only its own figures', async () => {
    const own = await statistics(wucheng, `${PERIOD}&group=brigade`);
    expect(own.groups.map((g) => g.label)).toEqual(['婺城大队']);
    const other = await statistics(jindong, `${PERIOD}&group=brigade`);
    expect(other.groups.every((g) => g.label === '金东大队')).toBe(true);
    expect(other.total.counts.inspected).toBe(0);
  });

  it('drills down to lists as long as the counts, with links', async () => {
    const view = await statistics(wucheng, `${PERIOD}&group=month`);
    const october = view.groups.find((g) => g.key === '2026-10')!;
    for (const figure of COUNT_FIGURES) {
      const res = await call(app, wucheng, 'GET', `/api/statistics/list?${PERIOD}&group=month&figure=${figure}&key=2026-10`);
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json<StatisticsListView>();
      const expected = figure === 'penaltyAmount' ? view.groups.length && october.counts.penalties : figure === 'planned' ? null : october.counts[figure];
      if (expected !== null) expect(list.total, figure).toBe(expected);
      expect(list.rows.length).toBe(list.total);
      if (figure === 'penaltyAmount') expect(list.rows.reduce((n, r) => n + r.amount, 0)).toBe(october.counts.penaltyAmount);
      if (figure === 'planned') expect(list.rows.reduce((n, r) => n + r.amount, 0)).toBe(october.counts.planned);
      for (const r of list.rows) expect(r.link).toMatch(/^\/admin\//);
    }
    const whole = (await call(app, wucheng, 'GET', `/api/statistics/list?${PERIOD}&figure=inspected`)).json<StatisticsListView>();
    expect(whole.total).toBe(view.total.counts.inspected);
  });

  it('pages a drill-down: the pages together hold every row once, oldest first', async () => {
    const first = (await call(app, admin, 'GET', `/api/statistics/list?${PERIOD}&figure=drawn`)).json<StatisticsListView>();
    expect(first.page).toBe(1);
    const pages = Math.ceil(first.total / first.pageSize);
    const rows = [...first.rows];
    for (let page = 2; page <= pages + 1; page++) {
      const next = (await call(app, admin, 'GET', `/api/statistics/list?${PERIOD}&figure=drawn&page=${page}`)).json<StatisticsListView>();
      expect(next.page).toBe(page);
      rows.push(...next.rows);
    }
    expect(rows).toHaveLength(first.total);
    expect(new Set(rows.map((r) => r.id)).size).toBe(first.total);
    expect(rows.map((r) => r.day)).toEqual([...rows.map((r) => r.day)].sort());
    const bad = await call(app, admin, 'GET', `/api/statistics/list?${PERIOD}&figure=drawn&page=0`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('页码');
  });

  it('exports the table and a drill-down list as .xlsx with the same numbers', async () => {
    const view = await statistics(wucheng, `${PERIOD}&group=month`);
    const res = await call(app, wucheng, 'GET', `/api/statistics/export.xlsx?${PERIOD}&group=month`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('统计分析')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('月份');
    expect(header).toContain('已检查数（家）');
    const totalRow = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(1).value === '合计')!;
    expect(totalRow.getCell(1 + 1 + COUNT_FIGURES.indexOf('inspected')).value).toBe(view.total.counts.inspected);
    expect(totalRow.getCell(1 + 1 + COUNT_FIGURES.indexOf('penaltyAmount')).value).toBe(view.total.counts.penaltyAmount);

    const listRes = await call(app, wucheng, 'GET', `/api/statistics/export.xlsx?${PERIOD}&group=month&figure=inspected&key=2026-10`);
    expect(listRes.statusCode).toBe(200);
    const listBook = new ExcelJS.Workbook();
    await listBook.xlsx.load(listRes.rawPayload as unknown as ArrayBuffer);
    const listSheet = listBook.getWorksheet('明细')!;
    expect(listSheet.getRow(1).getCell(3).value).toBe('单位名称');
    const numbered = listSheet.getRows(2, listSheet.rowCount - 1)!.filter((r) => typeof r.getCell(1).value === 'number');
    expect(numbered.length).toBe(view.groups.find((g) => g.key === '2026-10')!.counts.inspected);
  });

  it('refuses bad input with a Chinese message naming the field', async () => {
    const bad = await call(app, wucheng, 'GET', '/api/statistics?from=2026-13&to=2026-11');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('起始月份');
    const reversed = await call(app, wucheng, 'GET', '/api/statistics?from=2026-11&to=2026-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ error: { message: string } }>().error.message).toContain('截止月份');
    const figure = await call(app, wucheng, 'GET', `/api/statistics/list?${PERIOD}&figure=nonsense`);
    expect(figure.statusCode).toBe(400);
    expect(figure.json<{ error: { message: string } }>().error.message).toContain('指标');
    const planned = await call(app, wucheng, 'GET', `/api/statistics/list?${PERIOD}&group=district&figure=planned`);
    expect(planned.statusCode).toBe(400);
  });
});

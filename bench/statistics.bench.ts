import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Database, type DatabaseTarget } from '../src/db/client.ts';
import { countFiguresByGroup, countFiguresFromRows, listFigureRows, refreshStatisticsRollup, type StatisticsFilter } from '../src/db/statistics-queries.ts';
import { localDate } from '../src/domain/local-date.ts';
import { COUNT_FIGURES, GROUP_KEYS, isFigureGroupable, periodDays, previousTwelveMonths, type GroupKey } from '../src/domain/statistics/figures.ts';
import { STATISTICS_LIST_LIMIT, STATISTICS_PAGE_SIZE } from '../src/usecases/statistics/list-statistics-rows.ts';
import type { Figure } from './machine.ts';
import { percentile } from './publication-search.bench.ts';
import { danglingReferences, seedStatisticsFixture, type StatisticsFixtureSize } from './statistics-fixtures.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const LIMIT_MS = 300;
/** PostgreSQL: 1,000,000 units and 490 tasks a brigade-month (≈ 2,000,000 records); PGlite: a tenth unless told. */
const SIZES: Record<'postgres' | 'pglite', StatisticsFixtureSize> = {
  postgres: { units: Number(process.env.BENCH_STATS_UNITS ?? 1_000_000), perDraw: Number(process.env.BENCH_STATS_PER_DRAW ?? 490) },
  pglite: { units: Number(process.env.BENCH_STATS_PGLITE_UNITS ?? 100_000), perDraw: Number(process.env.BENCH_STATS_PGLITE_PER_DRAW ?? 49) },
};

async function rowsOf<T>(database: Database, statement: string): Promise<T[]> {
  return ((await database.db.execute(sql.raw(statement))) as unknown as { rows: T[] }).rows;
}

const monthOf = (today: string, back: number) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) - back;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
};

type Query = { label: string; run: () => Promise<unknown> };

/** The statements the statistics API runs for one request, per scope: getStatistics' counts, its early warning, a list. */
function dashboardQueries(database: Database, scopes: { name: string; orgIds: string[] | null; district: string }[], today: string): Query[] {
  const db = database.db;
  const period = { from: monthOf(today, 11), to: monthOf(today, 0) };
  const days = periodDays(period);
  const queries: Query[] = [];
  for (const scope of scopes) {
    const filter: StatisticsFilter = { orgIds: scope.orgIds, ...days };
    for (const group of GROUP_KEYS) {
      const figures = COUNT_FIGURES.filter((f) => isFigureGroupable(f, group));
      queries.push({
        label: `${groupName(group)} · ${scope.name}`,
        run: async () => {
          await countFiguresByGroup(db, filter, group, figures);
          if (!isFigureGroupable('planned', group)) await countFiguresByGroup(db, filter, 'month', ['planned']);
        },
      });
    }
    queries.push({
      label: `预警 · ${scope.name}`,
      run: async () => {
        for (const dimension of ['district', 'industry'] as const) {
          await countFiguresByGroup(db, { orgIds: scope.orgIds, ...periodDays({ from: period.to, to: period.to }) }, dimension, ['inspected', 'failed']);
          await countFiguresByGroup(db, { orgIds: scope.orgIds, ...periodDays(previousTwelveMonths(period.to)) }, dimension, ['inspected', 'failed']);
        }
      },
    });
    // A drill-down as the screen asks for it: the first page (STATISTICS_PAGE_SIZE rows) and a page deep in the list.
    queries.push({
      label: `明细 已检查数 合计 · ${scope.name}`,
      run: () => listFigureRows(db, filter, 'inspected', 'month', null, STATISTICS_PAGE_SIZE),
    });
    queries.push({
      label: `明细 已检查数 第 20 页 · ${scope.name}`,
      run: () => listFigureRows(db, filter, 'inspected', 'month', null, STATISTICS_PAGE_SIZE, 19 * STATISTICS_PAGE_SIZE),
    });
    queries.push({
      label: `明细 发现隐患数 一个区划 · ${scope.name}`,
      run: () => listFigureRows(db, filter, 'failed', 'district', scope.district, STATISTICS_PAGE_SIZE),
    });
    queries.push({
      label: `导出明细 2000 条 · ${scope.name}`,
      run: () => listFigureRows(db, filter, 'inspected', 'month', null, STATISTICS_LIST_LIMIT),
    });
  }
  return queries;
}

function groupName(group: GroupKey): string {
  return { month: '按月份', district: '按区划', industry: '按行业', category: '按类别', brigade: '按大队' }[group];
}

type Timed = { p50: number; p95: number; max: number };

async function benchTarget(
  label: string,
  target: DatabaseTarget,
  size: StatisticsFixtureSize,
  today: string,
  notes: Figure[],
): Promise<Map<string, Timed>> {
  const database = await openDatabase(target);
  try {
    await migrateDatabase(database);
    const [{ n } = { n: 0 }] = await rowsOf<{ n: number }>(database, 'select count(*)::int as n from orgs');
    if (n === 0) {
      const started = performance.now();
      await seedStatisticsFixture(database.db, size, today);
      notes.push({ name: `${label}: building the fixture`, value: Math.round((performance.now() - started) / 1000), unit: 's' });
      const dangling = await danglingReferences(database.db);
      if (dangling > 0) throw new Error(`${label}: ${dangling} rows refer to rows that do not exist`);
    }
    const [{ dirty } = { dirty: 0 }] = await rowsOf<{ dirty: number }>(database, 'select count(*)::int as dirty from statistics_dirty');
    if (dirty > 0) {
      // After the load every cell is dirty, as after the migration on a full database: one pass over all the rows (a
      // step reads its cells' orgs and months from every source, so few big steps beat many small ones here).
      const started = performance.now();
      while ((await refreshStatisticsRollup(database.db, { maxCells: 100_000 })) > 0);
      notes.push({ name: `${label}: folding ${dirty} cells into the rollup`, value: Math.round((performance.now() - started) / 1000), unit: 's' });
      await rowsOf(database, 'analyze statistics_rollup');
    }
    const [sizes] = await rowsOf<{ units: number; records: number; tasks: number; hazards: number; rollup: number; dirty: number }>(
      database,
      `select (select count(*) from units)::int as units, (select count(*) from inspection_records)::int as records, (select count(*) from tasks)::int as tasks,
        (select count(*) from hazards)::int as hazards, (select count(*) from statistics_rollup)::int as rollup, (select count(*) from statistics_dirty)::int as dirty`,
    );
    console.log(`    ${label}: ${JSON.stringify(sizes)}`);
    notes.push({ name: `${label}: units`, value: sizes!.units, unit: '' }, { name: `${label}: inspection records`, value: sizes!.records, unit: '' });

    const [corps] = await rowsOf<{ id: string; path: string }>(database, `select id::text, path from orgs where kind = 'corps'`);
    const [detachment] = await rowsOf<{ id: string; path: string }>(database, `select id::text, path from orgs where kind = 'detachment' order by name limit 1`);
    const subtree = async (p: string) => (await rowsOf<{ id: string }>(database, `select id::text from orgs where path like '${p}%'`)).map((r) => r.id);
    const [brigade] = await rowsOf<{ id: string; district: string }>(
      database,
      `select o.id::text, o.division_code as district from orgs o where o.kind = 'brigade' and o.path like '${detachment!.path}%' order by o.name limit 1`,
    );
    const scopes = [
      { name: '总队', orgIds: await subtree(corps!.path), district: brigade!.district },
      { name: '支队', orgIds: await subtree(detachment!.path), district: brigade!.district },
      { name: '大队', orgIds: [brigade!.id], district: brigade!.district },
    ];

    // The rollup's figures are the row sources' (the db tests hold every figure to it; here one pass on the big data).
    const period = periodDays({ from: monthOf(today, 11), to: monthOf(today, 0) });
    for (const group of process.env.BENCH_STATS_CHECK === '0' ? [] : GROUP_KEYS) {
      const figures = COUNT_FIGURES.filter((f) => isFigureGroupable(f, group));
      const filter = { orgIds: scopes[0]!.orgIds, ...period };
      const canon = (rows: { figure: string; key: string; value: number }[]) =>
        rows.map((r) => `${r.figure} ${r.key} ${r.value}`).sort().join('\n');
      if (canon(await countFiguresByGroup(database.db, filter, group, figures)) !== canon(await countFiguresFromRows(database.db, filter, group, figures)))
        throw new Error(`${label}: the rollup differs from the row sources (${group})`);
    }

    // A refresh step as the refresher runs it after a write: one brigade-month cell.
    const stepTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      await rowsOf(database, `insert into statistics_dirty (org_id, month) values ('${brigade!.id}', '${monthOf(today, 1 + i)}-01') on conflict do nothing`);
      const started = performance.now();
      await refreshStatisticsRollup(database.db, { maxCells: 1 });
      stepTimes.push(performance.now() - started);
    }
    notes.push({ name: `${label}: refresh of one brigade-month (median)`, value: Math.round(percentile(stepTimes, 50)), unit: 'ms' });

    const queries = dashboardQueries(database, scopes, today);
    const times = new Map<string, number[]>(queries.map((q) => [q.label, []]));
    for (let round = -2; round < ROUNDS; round++) {
      for (const q of queries) {
        const started = performance.now();
        await q.run();
        if (round >= 0) times.get(q.label)!.push(performance.now() - started);
      }
    }
    const out = new Map<string, Timed>();
    for (const [q, t] of times) out.set(q, { p50: percentile(t, 50), p95: percentile(t, 95), max: percentile(t, 100) });
    return out;
  } finally {
    await database.close();
  }
}

/**
 * 统计分析 over 1,000,000 units and ≈ 2,000,000 inspection records (issue 16): every statement set the API runs for a
 * dashboard request — each grouping at the 总队, a 支队 and a 大队 over the last 12 months, the early warning, the first
 * page of two drill-down lists — 20 runs after 2 warm-ups, p50 / p95 on PostgreSQL (BENCH_DATABASE_URL, an empty
 * database, one seeded by an earlier run or by `seed-demo --scale province` (decision 0033); target p95 ≤ 300 ms) and on PGlite beside it (a tenth of the size unless
 * BENCH_STATS_PGLITE_UNITS says otherwise; no target). BENCH_ONLY=pglite|postgres runs one; BENCH_PGLITE_DIR keeps the
 * PGlite database between runs; BENCH_STATS_CHECK=0 skips the check of the rollup against the rows on the big data.
 */
export async function benchStatistics(): Promise<Figure[]> {
  const today = localDate(new Date());
  const only = process.env.BENCH_ONLY;
  const notes: Figure[] = [];
  let pg: Map<string, Timed> | null = null;
  let lite: Map<string, Timed> | null = null;
  const url = process.env.BENCH_DATABASE_URL;
  if (url && only !== 'pglite') pg = await benchTarget('PostgreSQL', { kind: 'postgres', url }, SIZES.postgres, today, notes);
  if (only !== 'postgres') {
    const kept = process.env.BENCH_PGLITE_DIR;
    const dir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-stats-'));
    try {
      lite = await benchTarget('PGlite', { kind: 'pglite', dataDir: kept ?? path.join(dir, 'pglite') }, SIZES.pglite, today, notes);
    } finally {
      if (!kept) fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const f = (n: number | undefined) => (n === undefined ? '—' : n < 10 ? n.toFixed(1) : String(Math.round(n))).padStart(6);
  const liteSize = `${SIZES.pglite.units.toLocaleString()} units`;
  console.log(`\n    ${'query'.padEnd(34)} ${'PostgreSQL p50'.padStart(14)} ${'p95'.padStart(6)}       ${`PGlite (${liteSize}) p50`.padStart(28)} ${'p95'.padStart(6)}`);
  const labels = [...(pg ?? lite ?? new Map()).keys()];
  const figures: Figure[] = [...notes];
  for (const label of labels) {
    const a = pg?.get(label);
    const b = lite?.get(label);
    // An export is a download, not a screen: timed, with no target.
    const targeted = !label.startsWith('导出');
    const verdict = a && targeted ? (a.p95 <= LIMIT_MS ? '✓' : '✗') : ' ';
    console.log(`    ${label.padEnd(34)} ${f(a?.p50).padStart(14)} ${f(a?.p95)} ms ${verdict}   ${f(b?.p50).padStart(28)} ${f(b?.p95)} ms`);
    if (a && targeted) figures.push({ name: `PostgreSQL p95 ${label}`, value: Math.round(a.p95), unit: 'ms', target: `≤ ${LIMIT_MS} ms`, ok: a.p95 <= LIMIT_MS });
    else if (a) figures.push({ name: `PostgreSQL p95 ${label}`, value: Math.round(a.p95), unit: 'ms' });
    if (b) figures.push({ name: `PGlite (${liteSize}) p95 ${label}`, value: Math.round(b.p95), unit: 'ms' });
  }
  return figures;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type Database, type DatabaseTarget } from '../src/db/client.ts';
import { searchPortal, type PortalSearch } from '../src/db/publication-queries.ts';
import { publicationSearchGrams } from '../src/domain/publication/compose-publication.ts';
import { localDate } from '../src/domain/local-date.ts';
import { seedDemo } from '../src/usecases/system/seed-demo.ts';
import type { Figure } from './machine.ts';
import { sampleEntries, seedPublicationEntries } from './publication-fixtures.ts';

export const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
export const ENTRY_UNITS = Math.max(1_000, Math.round(ENTRIES / 5));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 25);

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function rowsOf<T>(database: Database, statement: string): Promise<T[]> {
  return ((await database.db.execute(sql.raw(statement))) as unknown as { rows: T[] }).rows;
}

/**
 * The database at `target` with the demo's orgs and ENTRIES publication entries: seeded when empty, reused when it
 * already holds them (BENCH_DATABASE_URL kept between runs; the load bench's server reads the same one).
 */
export async function openSeededDatabase(
  target: DatabaseTarget,
  today: string,
): Promise<{ database: Database; seedSeconds: number | null }> {
  const database = await openDatabase(target);
  await migrateDatabase(database);
  const [{ n } = { n: 0 }] = await rowsOf<{ n: number }>(database, 'select count(*)::int as n from publications');
  if (n >= ENTRIES) return { database, seedSeconds: null };
  const started = performance.now();
  const seeded = await seedDemo(database.db, { seed: 1, now: new Date(), unitCount: 2_000 });
  if (!seeded.seeded) throw new Error('the benchmark database must be empty (or hold the entries of an earlier run)');
  await seedPublicationEntries(database.db, { count: ENTRIES, units: ENTRY_UNITS, today });
  return { database, seedSeconds: (performance.now() - started) / 1000 };
}

/** The portal's searches, with words taken from the data: a rare trade name, a credit code. */
export async function portalQueryMix(
  database: Database,
  today: string,
): Promise<{ label: string; search: Omit<PortalSearch, 'today'> }[]> {
  const [sample] = await rowsOf<{ unit_name: string; uscc: string }>(
    database,
    `select unit_name, uscc from publications where status = 'published' and kind = 'result' and unit_name like '兰溪%有限公司' order by event_date desc limit 1`,
  );
  if (!sample) throw new Error('no sample entry');
  const rare = sample.unit_name.replace(/^兰溪/, '').replace(/有限公司$/, '');
  const page = { page: 1, pageSize: 20 };
  const yearAgo = shift(today, -365);
  return [
    { label: '空查询 第 1 页', search: { ...page } },
    { label: '空查询 第 50 页', search: { page: 50, pageSize: 20 } },
    { label: `罕见名称「${rare}」`, search: { ...page, q: rare } },
    { label: '常见词「有限公司」', search: { ...page, q: '有限公司' } },
    { label: '两字「五金」', search: { ...page, q: '五金' } },
    { label: '两字「金东」第 5 页', search: { page: 5, pageSize: 20, q: '金东' } },
    { label: '信用代码', search: { ...page, q: sample.uscc } },
    { label: '区划 330781', search: { ...page, district: '330781' } },
    { label: '结果：罚款', search: { ...page, outcome: 'fine' } },
    { label: '日期：一年前的三个月', search: { ...page, from: shift(yearAgo, -90), to: yearAgo } },
    { label: '「有限公司」+ 区划 + 发现隐患', search: { ...page, q: '有限公司', district: '330703', outcome: 'hazards' } },
    { label: '「五金」+ 行政处罚 + 近一年', search: { ...page, q: '五金', kind: 'penalty', from: yearAgo, to: today } },
    {
      label: '「有限公司」+ 罚款 + 一年前三个月',
      search: { ...page, q: '有限公司', outcome: 'fine', from: shift(yearAgo, -90), to: yearAgo },
    },
    { label: '区划 + 未能检查 + 近一年', search: { ...page, district: '330702', outcome: 'unable', from: yearAgo, to: today } },
  ];
}

type QueryClient = { query: (...args: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };

/**
 * BENCH_EXPLAIN=1: the plan of every statement searchPortal sends for each search of the mix, as run (EXPLAIN ANALYZE,
 * BUFFERS), read off the driver's client (pg pool or PGlite) so that it is exactly the SQL and parameters sent.
 */
async function explainMix(
  database: Database,
  label: string,
  mix: Awaited<ReturnType<typeof portalQueryMix>>,
  today: string,
): Promise<void> {
  const client = (database.db as unknown as { $client: QueryClient }).$client;
  const original = client.query.bind(client);
  const sent: { text: string; values: unknown[] }[] = [];
  client.query = (...args: unknown[]) => {
    const [first, second] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    sent.push(
      typeof first === 'string'
        ? { text: first, values: second ?? [] }
        : { text: first.text, values: first.values ?? second ?? [] },
    );
    return original(...args);
  };
  try {
    for (const { label: kind, search } of mix) {
      sent.length = 0;
      await searchPortal(database.db, { ...search, today });
      for (const { text, values } of [...sent].filter((q) => !q.text.includes('pg_stats'))) {
        const explain = `explain (analyze, buffers, costs off) ${text}`;
        const { rows } = await (database.kind === 'postgres' ? original({ text: explain, values }) : original(explain, values));
        console.log(
          `\n--- ${label}: ${kind}\n${text}\n${JSON.stringify(values)}\n${rows.map((r) => Object.values(r)[0]).join('\n')}`,
        );
      }
    }
  } finally {
    client.query = original;
  }
}

/**
 * The portal's result search (searchPortal: a page of 20 and the count capped at 10,001) over 1,000,000 entries,
 * in-process, on PGlite and on PostgreSQL (BENCH_DATABASE_URL, an empty database or one seeded by an earlier run).
 * Targets p95 ≤ 150 ms on PGlite, ≤ 50 ms on PostgreSQL. BENCH_ONLY=pglite|postgres runs one; BENCH_PGLITE_DIR
 * keeps the PGlite database between runs.
 */
export async function benchPublicationSearch(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const today = localDate(new Date());
  const only = process.env.BENCH_ONLY;
  const targets: { label: string; target: DatabaseTarget; limit: number; cleanup: () => void }[] = [];
  if (only !== 'postgres') {
    const kept = process.env.BENCH_PGLITE_DIR;
    const dir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-pub-'));
    targets.push({
      label: 'PGlite',
      target: { kind: 'pglite', dataDir: kept ?? path.join(dir, 'pglite') },
      limit: 150,
      cleanup: () => (kept ? undefined : fs.rmSync(dir, { recursive: true, force: true })),
    });
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (url && only !== 'pglite')
    targets.push({ label: 'PostgreSQL', target: { kind: 'postgres', url }, limit: 50, cleanup: () => {} });

  for (const { label, target, limit, cleanup } of targets) {
    const { database, seedSeconds } = await openSeededDatabase(target, today);
    try {
      if (seedSeconds !== null)
        figures.push({
          name: `${label}: seeding ${ENTRIES.toLocaleString()} entries`,
          value: Math.round(seedSeconds),
          unit: 's',
        });
      // The bigrams made in SQL are the ones the application makes.
      for (const row of await sampleEntries(database.db, 200)) {
        const expected = publicationSearchGrams({ unitName: row.unit_name, uscc: row.uscc } as Parameters<
          typeof publicationSearchGrams
        >[0]);
        if ([...row.search_grams].sort().join(' ') !== expected.join(' '))
          throw new Error(`${label}: search_grams differ for ${row.unit_name}`);
      }
      const mix = await portalQueryMix(database, today);
      if (process.env.BENCH_EXPLAIN) await explainMix(database, label, mix, today);
      const byKind = new Map<string, { times: number[]; total: number }>();
      const all: number[] = [];
      for (let round = -2; round < ROUNDS; round++) {
        for (const { label: kind, search } of mix) {
          const started = performance.now();
          const result = await searchPortal(database.db, { ...search, today });
          const ms = performance.now() - started;
          if (round < 0) continue; // warm-up
          all.push(ms);
          const entry = byKind.get(kind) ?? { times: [], total: result.total };
          entry.times.push(ms);
          byKind.set(kind, entry);
        }
      }
      const f = (n: number) => (n < 10 ? n.toFixed(1) : String(Math.round(n))).padStart(5);
      for (const [kind, { times, total }] of byKind) {
        console.log(
          `    ${label.padEnd(10)} p50 ${f(percentile(times, 50))}  p95 ${f(percentile(times, 95))}  max ${f(percentile(times, 100))} ms  total ${String(total).padStart(6)}  ${kind}`,
        );
      }
      const p95 = Math.round(percentile(all, 95));
      figures.push(
        {
          name: `${label}: search p50 over ${ENTRIES.toLocaleString()} entries`,
          value: Math.round(percentile(all, 50) * 10) / 10,
          unit: 'ms',
        },
        {
          name: `${label}: search p95 over ${ENTRIES.toLocaleString()} entries`,
          value: p95,
          unit: 'ms',
          target: `≤ ${limit} ms`,
          ok: p95 <= limit,
        },
        { name: `${label}: search max`, value: Math.round(percentile(all, 100)), unit: 'ms' },
        {
          name: `${label}: worst query kind's p95`,
          value: Math.round(Math.max(...[...byKind.values()].map((k) => percentile(k.times, 95)))),
          unit: 'ms',
        },
      );
    } finally {
      await database.close();
      cleanup();
    }
  }
  return figures;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { analyzeDatabase, migrateDatabase, openDatabase, type Database, type DatabaseTarget } from '../src/db/client.ts';
import { localDate } from '../src/domain/local-date.ts';
import { hashPassword } from '../src/usecases/lib/passwords.ts';
import { buildApp } from '../src/server/app.ts';
import { seedDemo } from '../src/usecases/system/seed-demo.ts';
import { DEMO_PASSWORD } from '../src/demo/generate-demo-data.ts';
import type { Figure } from './machine.ts';
import { load } from './public-home.bench.ts';
import { startServer, stopServer } from './server-process.ts';
import { seedStatisticsFixture } from './statistics-fixtures.ts';

const UNITS = 100_000;
const REQUESTS = 200;

/** The filtered list queries an admin actually makes: text search, category/flag filters, sorting, paging, quality. */
const QUERIES = [
  'page=1&pageSize=20',
  'category=key&flags=isCrowded&pageSize=20',
  `q=${encodeURIComponent('餐饮')}&pageSize=20`,
  `q=${encodeURIComponent('婺城区')}&category=general&sort=name&order=asc&pageSize=50`,
  'status=active&riskLevel=high&page=3&pageSize=20',
  'quality=missing_address&pageSize=20',
  `tags=${encodeURIComponent('高层建筑')}&sort=updatedAt&order=desc&pageSize=20`,
  'q=91330702&pageSize=20',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * A 100,000-unit registry (demo generator), served over real HTTP; the detachment admin (whose scope holds
 * all units) pages through filtered lists. Reports p50/p95 per database; targets p95 ≤ 150 ms on PGlite,
 * ≤ 50 ms on PostgreSQL.
 */
export async function benchUnitList(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const targets: { label: string; target: DatabaseTarget; limit: number; cleanup: () => void }[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-list-'));
  targets.push({ label: 'PGlite', target: { kind: 'pglite', dataDir: path.join(dir, 'pglite') }, limit: 150, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) });
  if (process.env.BENCH_DATABASE_URL) {
    targets.push({ label: 'PostgreSQL', target: { kind: 'postgres', url: process.env.BENCH_DATABASE_URL }, limit: 50, cleanup: () => {} });
  }
  for (const { label, target, limit, cleanup } of targets) {
    const database = await openDatabase(target);
    try {
      await migrateDatabase(database);
      const seeded = await seedDemo(database.db, { seed: 1, now: new Date(), unitCount: UNITS });
      if (!seeded.seeded) throw new Error(`${label}: the benchmark database must be empty`);
      const app = await buildApp({ database, sessionSecret: 'bench-secret-bench-secret-bench-secret', cookieSecure: false });
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'zhidui', password: DEMO_PASSWORD }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const times: number[] = [];
      const byQuery = new Map<string, number[]>();
      for (let i = 0; i < REQUESTS + 10; i++) {
        const query = QUERIES[i % QUERIES.length]!;
        const started = performance.now();
        const res = await fetch(`${base}/api/units?${query}`, { headers: { cookie } });
        await res.json();
        if (!res.ok) throw new Error(`${label}: ${res.status}`);
        const ms = performance.now() - started;
        if (i >= 10) {
          times.push(ms);
          byQuery.set(query, [...(byQuery.get(query) ?? []), ms]);
        }
      }
      if (process.env.BENCH_VERBOSE) {
        for (const [query, values] of byQuery) {
          const ms = (p: number) => String(Math.round(percentile(values, p))).padStart(4);
          console.log(`    ${label} p50 ${ms(50)}  p95 ${ms(95)}  max ${ms(100)} ms  ${decodeURIComponent(query)}`);
        }
      }
      await app.close();
      const p95 = Math.round(percentile(times, 95));
      figures.push(
        { name: `${label}: list p50 over ${UNITS.toLocaleString()} units (HTTP)`, value: Math.round(percentile(times, 50)), unit: 'ms' },
        { name: `${label}: list p95 over ${UNITS.toLocaleString()} units (HTTP)`, value: p95, unit: 'ms', target: `≤ ${limit} ms`, ok: p95 <= limit },
      );
    } finally {
      await database.close();
      cleanup();
    }
  }
  return figures;
}

const CROWD_UNITS = Number(process.env.BENCH_CROWD_UNITS ?? 1_000_000);
const CROWD_USERS = 20;
const CROWD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CROWD_P99_MS = 200;
const CROWD_PASSWORD = 'Bench-crowd-2026';

async function rowsOf<T>(database: Database, statement: string): Promise<T[]> {
  return ((await database.db.execute(sql.raw(statement))) as unknown as { rows: T[] }).rows;
}

/**
 * The province data for the crowd (BENCH_UNITS_DATABASE_URL): the statistics fixture's org tree (总队, 11 支队, 90 大队)
 * and CROWD_UNITS units, seeded when empty (a few tasks a draw: the list reads units only), reused when it holds them;
 * one 总队 admin (every unit in scope) and one 支队 admin, with a known password.
 */
async function openProvince(url: string): Promise<{ accounts: { label: string; username: string; inScope: number }[] }> {
  const database = await openDatabase({ kind: 'postgres', url });
  try {
    await migrateDatabase(database);
    const [{ n } = { n: 0 }] = await rowsOf<{ n: number }>(database, 'select count(*)::int as n from units');
    if (n < CROWD_UNITS) {
      if (n > 0) throw new Error('unit-list-crowd: BENCH_UNITS_DATABASE_URL must be empty or hold the province fixture');
      await seedStatisticsFixture(database.db, { units: CROWD_UNITS, perDraw: 5 }, localDate(new Date()));
      await analyzeDatabase(database);
    }
    const orgs = await rowsOf<{ id: string; kind: string; path: string }>(
      database,
      `select id, kind, path from orgs where kind in ('corps', 'detachment') order by kind = 'detachment', division_code limit 2`,
    );
    const hash = await hashPassword(CROWD_PASSWORD);
    const accounts: { label: string; username: string; inScope: number }[] = [];
    for (const org of orgs) {
      const username = `bench_crowd_${org.kind}`;
      await database.db.execute(sql`insert into accounts (username, display_name, role, org_id, password_hash)
        values (${username}, ${`压测${org.kind}`}, 'org_admin', ${org.id}, ${hash})
        on conflict (username) do update set password_hash = excluded.password_hash, must_change_password = false, disabled_at = null`);
      const [{ n: inScope } = { n: 0 }] = await rowsOf<{ n: number }>(
        database,
        `select count(*)::int as n from units u join orgs b on b.id = u.brigade_id where b.path like '${org.path}%'`,
      );
      accounts.push({ label: org.kind === 'corps' ? '总队 admin' : '支队 admin', username, inScope });
    }
    return { accounts };
  } finally {
    await database.close();
  }
}

/**
 * The admin unit list under a crowd: 20 logged-in users (20 sessions) in a second process (bench/load-client.mjs), each
 * asking the next list as soon as the last one arrives, over the filtered lists of QUERIES in turn, against a server
 * process on PostgreSQL with the province data (1,000,000 units; BENCH_UNITS_DATABASE_URL). Once as the 总队's admin
 * (the whole province in scope) and once as a 支队's; a static file from the same server beside each (the ceiling).
 * Target (decision 0032): p99 ≤ 200 ms.
 */
export async function benchUnitListCrowd(): Promise<Figure[]> {
  const url = process.env.BENCH_UNITS_DATABASE_URL;
  if (!url) throw new Error('unit-list-crowd: set BENCH_UNITS_DATABASE_URL (PostgreSQL; seeded with the province fixture when empty)');
  const { accounts } = await openProvince(url);
  const figures: Figure[] = [{ name: 'units in the database', value: CROWD_UNITS, unit: '' }];
  const port = 3950 + Math.floor(Math.random() * 40);
  const base = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-crowd-'));
  const { child } = await startServer({
    dataDir: dir,
    port,
    databaseUrl: url,
    entry: 'bench/portal-server.ts',
    env: process.env.BENCH_WEB_DIST_DIR ? { BENCH_WEB_DIST_DIR: process.env.BENCH_WEB_DIST_DIR } : {},
  });
  try {
    const urlsFile = path.join(dir, 'urls.txt');
    fs.writeFileSync(urlsFile, QUERIES.map((q) => `${base}/api/units?${q}`).join('\n'));
    figures.push({ name: 'load average (1 min) before the runs', value: Math.round(os.loadavg()[0]! * 10) / 10, unit: '' });
    for (const { label, username, inScope } of accounts) {
      const cookies: string[] = [];
      for (let i = 0; i < CROWD_USERS; i++) {
        const login = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: CROWD_PASSWORD }),
        });
        if (!login.ok) throw new Error(`unit-list-crowd: login ${username}: ${login.status} ${await login.text()}`);
        cookies.push(login.headers.get('set-cookie')!.split(';')[0]!);
      }
      const cookiesFile = path.join(dir, `cookies-${username}.txt`);
      fs.writeFileSync(cookiesFile, cookies.join('\n'));
      // Warm: each list once.
      for (const q of QUERIES) {
        const res = await fetch(`${base}/api/units?${q}`, { headers: { cookie: cookies[0]! } });
        if (!res.ok) throw new Error(`unit-list-crowd: ${res.status} for ${q}`);
        await res.arrayBuffer();
      }
      const ceiling = await load(`${base}/favicon.svg`, CROWD_USERS, CROWD_SECONDS);
      const l = await load(`@${urlsFile}`, CROWD_USERS, CROWD_SECONDS, cookiesFile);
      const who = `${label} (${inScope.toLocaleString()} units in scope)`;
      figures.push(
        { name: `PostgreSQL, ${CROWD_USERS} users, ${who}: lists/s`, value: Math.round(l.rps * 10) / 10, unit: 'req/s' },
        { name: `PostgreSQL, ${who}: list p50`, value: Math.round(l.p50), unit: 'ms' },
        { name: `PostgreSQL, ${who}: list p99`, value: Math.round(l.p99), unit: 'ms', target: `≤ ${CROWD_P99_MS} ms`, ok: l.p99 <= CROWD_P99_MS },
        { name: `PostgreSQL, ${who}: failures`, value: l.failures, unit: '', target: '0', ok: l.failures === 0 },
        { name: `  beside it, a static file (ceiling), ${CROWD_USERS} clients`, value: Math.round(ceiling.rps), unit: 'req/s' },
      );
    }
  } finally {
    await stopServer(child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

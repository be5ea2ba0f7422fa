import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.ts';
import { localDate } from '../src/domain/local-date.ts';
import { seedDemoDraw } from '../src/usecases/system/seed-demo-draw.ts';
import type { Figure } from './machine.ts';
import { load } from './public-home.bench.ts';
import { ENTRIES, openSeededDatabase, portalQueryMix } from './publication-search.bench.ts';
import { startServer, stopServer } from './server-process.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** The targets for every portal route, on PostgreSQL: at 50 clients ≥ 1,000 req/s with p99 ≤ 100 ms. */
const TARGET_RPS = 1_000;
const TARGET_P99_MS = 100;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The code of an executed draw for the draw page (the one with most tasks): the demo's draws (seedDemoDraw: last
 * month's, carried through the field, and this month's) are added to the seeded database on its first load run.
 */
async function drawForThePage(database: Database): Promise<string> {
  const executed = async () =>
    (
      (await database.db.execute(
        sql.raw(`select d.code from draws d join tasks t on t.draw_id = d.id where d.status = 'executed'
          group by d.code order by count(*) desc, d.code limit 1`),
      )) as unknown as { rows: { code: string }[] }
    ).rows[0]?.code;
  const found = await executed();
  if (found) return found;
  await seedDemoDraw(database.db, new Date());
  const made = await executed();
  if (!made) throw new Error('portal-load: the demo draw could not be made in the benchmark database');
  return made;
}

/**
 * The portal under a crowd: 50 keep-alive clients in a second process (bench/load-client.mjs) against a server
 * process (bench/portal-server.ts) whose database holds 1,000,000 publication entries: GET /api/public/home, GET
 * /api/public/results over the search bench's query mix asked in turn, and the draw page (GET /api/public/draws/:code and its first page of tasks,
 * the demo's largest executed draw), each right after a static file from the same server (the ceiling of this machine
 * for a request through Fastify, at that moment), with the route's share of it. Targets (decision 0032): ≥ 1,000 req/s
 * and p99 ≤ 100 ms per route. PostgreSQL at BENCH_DATABASE_URL (seeded
 * when empty, as the search bench does), and PGlite when BENCH_PGLITE_DIR names a database folder called pglite (seeded there when empty;
 * a run without it skips PGlite, since seeding it takes minutes). The web build is served from BENCH_WEB_DIST_DIR
 * (default web/dist).
 */
export async function benchPortalLoad(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const today = localDate(new Date());
  const targets: {
    label: string;
    env: { DATA_DIR: string; databaseUrl?: string };
    open: () => ReturnType<typeof openSeededDatabase>;
  }[] = [];
  const url = process.env.BENCH_DATABASE_URL;
  const only = process.env.BENCH_ONLY;
  if (url && only !== 'pglite') {
    targets.push({
      label: 'PostgreSQL',
      env: { DATA_DIR: os.tmpdir(), databaseUrl: url },
      open: () => openSeededDatabase({ kind: 'postgres', url }, today),
    });
  }
  const pgliteDir = process.env.BENCH_PGLITE_DIR;
  if (pgliteDir && only !== 'postgres') {
    // The server opens DATA_DIR/pglite (PGlite cannot open its folder through a symlink).
    if (path.basename(pgliteDir) !== 'pglite') throw new Error('portal-load: BENCH_PGLITE_DIR must be a folder named pglite');
    const dataDir = path.dirname(path.resolve(pgliteDir));
    targets.push({
      label: 'PGlite',
      env: { DATA_DIR: dataDir },
      open: () => openSeededDatabase({ kind: 'pglite', dataDir: pgliteDir }, today),
    });
  }
  if (targets.length === 0) throw new Error('portal-load: set BENCH_DATABASE_URL (PostgreSQL) and/or BENCH_PGLITE_DIR (PGlite)');

  // BENCH_PUBLIC_CACHE_MS=0: the same runs with no public answer shared (what the database alone gives).
  const cacheMs = process.env.BENCH_PUBLIC_CACHE_MS;
  const cacheNote = cacheMs !== undefined && cacheMs !== '' ? ` [public cache ${cacheMs} ms]` : '';
  for (const { label: target, env, open } of targets) {
    const label = `${target}${cacheNote}`;
    // Seed (or find the entries), take the query mix from the data, and close: the server process opens it next.
    const { database } = await open();
    const mix = await portalQueryMix(database, today);
    const drawCode = await drawForThePage(database);
    await database.close();
    const port = 3950 + Math.floor(Math.random() * 40);
    const base = `http://127.0.0.1:${port}`;
    const urls = mix.map(({ search }) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(search)) if (value !== undefined) params.set(key, String(value));
      return `${base}/api/public/results?${params.toString()}`;
    });
    const { child } = await startServer({
      dataDir: env.DATA_DIR,
      port,
      ...(env.databaseUrl ? { databaseUrl: env.databaseUrl } : {}),
      entry: 'bench/portal-server.ts',
      env: process.env.BENCH_WEB_DIST_DIR ? { BENCH_WEB_DIST_DIR: process.env.BENCH_WEB_DIST_DIR } : {},
    });
    const urlsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-urls-')), 'results.txt');
    try {
      fs.writeFileSync(urlsFile, urls.join('\n'));
      for (const u of urls) {
        const res = await fetch(u);
        if (!res.ok) throw new Error(`${label}: ${res.status} for ${u}`);
        await res.arrayBuffer();
      }
      const drawUrl = `${base}/api/public/draws/${drawCode}`;
      const draw = await fetch(drawUrl);
      if (!draw.ok) throw new Error(`${label}: ${draw.status} for ${drawUrl}`);
      const drawBytes = (await draw.arrayBuffer()).byteLength;
      // The page's second request: its first page of tasks (decision 0035).
      const tasksUrl = `${drawUrl}/tasks?page=1&pageSize=50`;
      const tasks = await fetch(tasksUrl);
      if (!tasks.ok) throw new Error(`${label}: ${tasks.status} for ${tasksUrl}`);
      const tasksBytes = (await tasks.arrayBuffer()).byteLength;
      await fetch(`${base}/api/public/home`);
      const routes: [string, string][] = [
        ['GET /api/public/home', `${base}/api/public/home`],
        [`GET /api/public/results (${mix.length} searches in turn)`, `@${urlsFile}`],
        [`GET /api/public/draws/:code (the draw page, ${Math.round(drawBytes / 1024)} KiB)`, drawUrl],
        [`GET /api/public/draws/:code/tasks (its first page of 50, ${Math.round(tasksBytes / 1024)} KiB)`, tasksUrl],
      ];
      figures.push({ name: `${label}: load average (1 min) before the runs`, value: round(os.loadavg()[0]!), unit: '' });
      // Each route right after a static file of its own (one figure pair a run): the ceiling of the moment beside it.
      for (const [what, url] of routes) {
        const ceiling = await load(`${base}/favicon.svg`, CONNECTIONS, SECONDS);
        // The crowd comes to pages someone asked for a moment ago: each asked once first (a first visitor after a quiet
        // spell waits for one load; that is the search bench's figure, not this one's).
        for (const u of url.startsWith('@') ? urls : [url]) await (await fetch(u)).arrayBuffer();
        const l = await load(url, CONNECTIONS, SECONDS);
        figures.push(
          { name: `${label}, ${CONNECTIONS} clients: ${what} requests/s`, value: round(l.rps), unit: 'req/s', target: `≥ ${TARGET_RPS}`, ok: l.rps >= TARGET_RPS },
          { name: `${label}: ${what} p50`, value: round(l.p50), unit: 'ms' },
          { name: `${label}: ${what} p99`, value: round(l.p99), unit: 'ms', target: `≤ ${TARGET_P99_MS} ms`, ok: l.p99 <= TARGET_P99_MS },
          { name: `${label}: ${what} failures`, value: l.failures, unit: '', target: '0', ok: l.failures === 0 },
          { name: `${label}:   beside it, a static file (ceiling) requests/s`, value: round(ceiling.rps), unit: 'req/s' },
          { name: `${label}:   static file p99`, value: round(ceiling.p99), unit: 'ms' },
          { name: `${label}:   the route's share of the ceiling`, value: Math.round((l.rps / ceiling.rps) * 100), unit: '%' },
        );
      }
    } finally {
      await stopServer(child);
      fs.rmSync(path.dirname(urlsFile), { recursive: true, force: true });
    }
  }
  figures.unshift({ name: `entries in the database`, value: ENTRIES, unit: '' });
  return figures;
}

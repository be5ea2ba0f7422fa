import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localDate } from '../src/domain/local-date.ts';
import type { Figure } from './machine.ts';
import { load, type Load } from './public-home.bench.ts';
import { ENTRIES, openSeededDatabase, portalQueryMix } from './publication-search.bench.ts';
import { startServer, stopServer } from './server-process.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * The portal under a crowd: 50 keep-alive clients in a second process (bench/load-client.mjs) against a server
 * process (bench/portal-server.ts) whose database holds 1,000,000 publication entries: a static file from the same
 * server (the ceiling of this machine for a request through Fastify), GET /api/public/home and GET
 * /api/public/results over the search bench's query mix, asked in turn. PostgreSQL at BENCH_DATABASE_URL (seeded
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

  for (const { label, env, open } of targets) {
    // Seed (or find the entries), take the query mix from the data, and close: the server process opens it next.
    const { database } = await open();
    const mix = await portalQueryMix(database, today);
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
      await fetch(`${base}/api/public/home`);
      const runs: [string, Load][] = [];
      runs.push(['static file (ceiling)', await load(`${base}/favicon.svg`, CONNECTIONS, SECONDS)]);
      runs.push(['GET /api/public/home', await load(`${base}/api/public/home`, CONNECTIONS, SECONDS)]);
      runs.push([`GET /api/public/results (${mix.length} searches in turn)`, await load(`@${urlsFile}`, CONNECTIONS, SECONDS)]);
      for (const [what, l] of runs) {
        figures.push(
          { name: `${label}, ${CONNECTIONS} clients: ${what} requests/s`, value: round(l.rps), unit: 'req/s' },
          { name: `${label}: ${what} p50`, value: round(l.p50), unit: 'ms' },
          { name: `${label}: ${what} p99`, value: round(l.p99), unit: 'ms' },
          { name: `${label}: ${what} failures`, value: l.failures, unit: '', target: '0', ok: l.failures === 0 },
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

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase, type DatabaseTarget } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { seedDemo } from '../src/usecases/system/seed-demo.ts';
import { DEMO_PASSWORD } from '../src/demo/generate-demo-data.ts';
import type { Figure } from './machine.ts';

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

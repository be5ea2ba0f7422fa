import fs from 'node:fs';
import { benchDocuments } from './documents.bench.ts';
import { benchDraw } from './draw.bench.ts';
import { benchDrawUsecase } from './draw-usecase.bench.ts';
import { benchDrawBrowser } from './draw-browser.bench.ts';
import { benchEligibility } from './eligibility.bench.ts';
import { benchFieldLoad } from './field-load.bench.ts';
import { benchImport } from './import.bench.ts';
import { benchPublicHome } from './public-home.bench.ts';
import { benchPublicationSearch } from './publication-search.bench.ts';
import { benchPortalLoad } from './portal-load.bench.ts';
import { benchImportBomb } from './import-bomb.bench.ts';
import { benchStartupAndMemory } from './startup-memory.bench.ts';
import { benchStatistics } from './statistics.bench.ts';
import { benchUnitList, benchUnitListCrowd } from './unit-list.bench.ts';
import { benchRestoreDrill } from './restore-drill.bench.ts';
import { describeMachine, printFigures, type Figure } from './machine.ts';

/**
 * `npm run bench [name…]`: runs the benchmarks and prints their figures with the machine they ran on.
 * Tests never assert times; the targets of the issues are checked here and shown as ✓ / ✗.
 */
const BENCHES: Record<string, { title: string; run: () => Promise<Figure[]> }> = {
  startup: { title: 'Start-up and idle memory (embedded PGlite)', run: benchStartupAndMemory },
  'unit-list': { title: 'Filtered unit list over HTTP (set BENCH_DATABASE_URL for PostgreSQL)', run: benchUnitList },
  'unit-list-crowd': {
    title: 'The admin unit list under 20 logged-in users from a second process, 1,000,000 units on PostgreSQL (BENCH_UNITS_DATABASE_URL)',
    run: benchUnitListCrowd,
  },
  eligibility: { title: 'Eligibility, quotas and manifest inputs for 1,000,000 units (pure)', run: benchEligibility },
  'draw-usecase': { title: 'A 12,000-unit brigade draw end to end through the use cases (PGlite)', run: benchDrawUsecase },
  draw: { title: 'The draw F for 1,000,000 candidates → 100,000 tasks (pure; set BENCH_DATABASE_URL for ORDER BY random())', run: benchDraw },
  'draw-browser': { title: 'Verification of the 1,000,000-candidate draw bundle in Chromium (the portal\'s 在浏览器中验证)', run: benchDrawBrowser },
  import: { title: 'Import of 100,000 units (.xlsx) and the streamed export (set DATABASE_URL for PostgreSQL)', run: benchImport },
  'publication-search': {
    title: 'The portal\'s result search over 1,000,000 entries, in-process (PGlite; set BENCH_DATABASE_URL for PostgreSQL; machine shared unless said)',
    run: benchPublicationSearch,
  },
  'portal-load': {
    title: 'The portal under 50 concurrent clients from a second process, 1,000,000 entries: static file (ceiling), home, result search (BENCH_DATABASE_URL; BENCH_PGLITE_DIR)',
    run: benchPortalLoad,
  },
  'public-home': { title: 'The portal home under 20 concurrent clients from a second process (PGlite, demo data)', run: benchPublicHome },
  'field-load': {
    title: 'The field app on a phone: first-load bytes, first visit and daily open on Slow 3G + 4× CPU, a 12 MP photo shrunk on the device, a record with 10 photos sent (Chromium, demo data)',
    run: benchFieldLoad,
  },
  'import-bomb': {
    title: 'Zip bombs and huge cells against the server (peak RSS), the public home during a 100,000-row import (BENCH_SERVER_DIR: another checkout)',
    run: benchImportBomb,
  },
  statistics: {
    title: '统计分析 over 1,000,000 units and ≈ 2,000,000 inspection records: each dashboard query, p50 / p95 (BENCH_DATABASE_URL for PostgreSQL; PGlite beside it, smaller)',
    run: benchStatistics,
  },
  'restore-drill': {
    title: 'The restore drill of docs/deployment.md: pg_dump -Fc, pg_restore -j 2 into a scratch database, audit-verify there (BENCH_DATABASE_URL)',
    run: benchRestoreDrill,
  },
  documents: {
    title: '责令限期改正通知书 rendered as PDF (Noto Serif SC subset) and .docx: one, 1,000 one by one, a batch PDF of 100 (pure)',
    run: benchDocuments,
  },
};

const wanted = process.argv.slice(2);
const selected = wanted.length ? wanted : Object.keys(BENCHES);
console.log(`# 双随机消防监管系统 benchmarks — ${new Date().toISOString()}`);
console.log(`machine: ${describeMachine()}`);
const results: Record<string, Figure[]> = {};
for (const name of selected) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  results[name] = await bench.run();
  printFigures(bench.title, results[name]);
}
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync('bench/results/latest.json', JSON.stringify({ machine: describeMachine(), at: new Date().toISOString(), results }, null, 2));
const over = Object.values(results).flat().filter((f) => f.ok === false);
process.exit(over.length ? 1 : 0);

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Browser journeys that check the web app's pages rather than what the database does: they run once, in the PGlite
 * pass of `npm test`. The journeys through the core loop (plans, draws, field work) run on both databases, and every
 * route's database behaviour is covered on both by the db project.
 */
const PAGE_ONLY_JOURNEYS = ['admin-shell', 'calendar', 'check-items', 'portal-phone', 'registry', 'every-page', 'field-update', 'records', 'documents', 'cases', 'reinspection', 'follow-up', 'unit-page', 'portal-results', 'publication', 'self-check', 'annual-report', 'statistics', 'callbacks'].map(
  (name) => `test/e2e/${name}.e2e.test.ts`,
);

/**
 * Database tests that sweep the HTTP layer rather than the database: the hostile-input sweep sends thousands of bad
 * paths, queries and bodies to every route, and what it checks (no 5xx, a Chinese message naming the field) is decided
 * before or by the same SQL engine either way — PGlite is PostgreSQL compiled to WebAssembly. It runs once, in the
 * PGlite pass; every route's database behaviour is still covered on both by its own tests.
 */
const HTTP_ONLY_DB_TESTS = ['src/server/hostile-input.db.test.ts'];

/**
 * Three projects, one run: pure unit tests (the web's pure parts too), database tests (PGlite by default, PostgreSQL
 * when DATABASE_URL is set) and browser journeys in Debian's Chromium. `npm test` runs them all. With DATABASE_URL set
 * (the second pass of CI) the pure unit tests are left out: they touch no database, so a second run on PostgreSQL
 * repeats the first to the letter and only costs time.
 */
export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: process.env.VITEST_JSON ?? '.test-data/results.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: process.env.DATABASE_URL ? [] : ['src/**/*.test.ts', 'bench/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts'],
          // Web tests are pure (no DOM: jsdom is not installed) and import the contracts as the web does.
          alias: { '@contracts': fromHere('./src/contracts'), '@domain': fromHere('./src/domain') },
          // Property and statistical tests run many cases; a loaded 2-core machine must not turn them into timeouts.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'db',
          sequence: { groupOrder: 1 },
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          exclude: process.env.DATABASE_URL ? HTTP_ONLY_DB_TESTS : [],
          globalSetup: ['test/harness/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
          // Each worker imports the server once for all its files (each file still opens its own database): a fresh
          // process per file cost the db project 312 s against 166 s on this machine type (2026-12-07).
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['test/e2e/**/*.e2e.test.ts'],
          exclude: process.env.DATABASE_URL ? PAGE_ONLY_JOURNEYS : [],
          globalSetup: ['test/harness/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // A page on a shared 2-core machine can take seconds to settle: polls wait up to 15 s, not 1 s.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          pool: 'forks',
          maxWorkers: 1,
          fileParallelism: false,
          // One worker imports the server and Playwright once for every journey (each journey starts its own server and
          // database): a fresh process per file cost about ten seconds a file on a loaded machine.
          isolate: false,
        },
      },
    ],
  },
});

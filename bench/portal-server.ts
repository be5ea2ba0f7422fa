import { loadConfig } from '../src/config.ts';
import { analyzeDatabase, migrateDatabase, openDatabase } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';

/**
 * The server of the portal load bench (bench/portal-load.bench.ts): the application as `npm start` builds it, over
 * the database the bench seeded (no demo seeding, no scheduled jobs), serving the web build at BENCH_WEB_DIST_DIR
 * (default web/dist) for the static ceiling. BENCH_PUBLIC_CACHE_MS sets how long public answers are shared (default
 * the application's, PUBLIC_CACHE_TTL_MS; 0 measures every request reading the database).
 */
const config = loadConfig();
const database = await openDatabase(config.database);
await migrateDatabase(database);
await analyzeDatabase(database);
const cacheMs = process.env.BENCH_PUBLIC_CACHE_MS;
const app = await buildApp({
  database,
  sessionSecret: config.sessionSecret,
  cookieSecure: false,
  webDistDir: process.env.BENCH_WEB_DIST_DIR ?? config.webDistDir,
  ...(cacheMs !== undefined && cacheMs !== '' ? { publicCacheTtlMs: Number(cacheMs) } : {}),
});
const close = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGINT', close);
process.once('SIGTERM', close);
await app.listen({ port: config.port, host: '127.0.0.1' });

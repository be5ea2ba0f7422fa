// First: the heap's growth limit holds from the first allocations on (decision 0031).
import './heap-growth.ts';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config.ts';
import { restoreFromTemplate } from '../db/pglite-template.ts';
import { localDate } from '../domain/local-date.ts';
import { developmentLogger } from './dev-logger.ts';
import { analyzeDatabase, migrateDatabase, openDatabase } from '../db/client.ts';
import { useFileStore } from '../db/file-store.ts';
import { DEMO_PASSWORD } from '../demo/generate-demo-data.ts';
import { ROLE_LABELS, type Role } from '../domain/access.ts';
import { checkProductionReadiness } from '../usecases/system/check-production-readiness.ts';
import { seedDemo } from '../usecases/system/seed-demo.ts';
import { seedDemoDraw } from '../usecases/system/seed-demo-draw.ts';
import { seedDemoOversight } from '../usecases/system/seed-demo-oversight.ts';
import { buildApp } from './app.ts';
import { httpExchangeSender } from './exchange-sender.ts';
import { backgroundJobs } from './jobs/background-jobs.ts';
import { runJobsInProcess } from './jobs/in-process-runner.ts';
import { startJobQueue } from './jobs/queue-runner.ts';
import { outboxChannels } from './sms-gateway.ts';
import { drawHashingPool } from '../workers/draw-hashing-pool.ts';
import { warmUpDraw } from '../workers/draw-warm-up.ts';
import { importParsingPool } from '../workers/import-parsing-pool.ts';

/**
 * Starts the server: config → database (copied from the install-time template, or created; then migrated) → demo
 * data on first start → listen. Several instances may start at once on one PostgreSQL (decision 0029): migrating and
 * seeding hold a database lock, so one does it while the others wait and then find it done.
 */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const fromTemplate =
    config.database.kind === 'pglite' && !fs.existsSync(path.join(config.database.dataDir, 'PG_VERSION'))
      ? restoreFromTemplate(config.database.dataDir, { demoSeed: config.seedDemo ? config.demoSeed : null, today: localDate(new Date()) })
      : null;
  useFileStore(config.fileStore);
  const database = await openDatabase(config.database);
  await database.exclusively(async () => {
    await migrateDatabase(database);
    await analyzeDatabase(database);
  });

  if (config.isProduction) {
    const problems = await checkProductionReadiness(database.db, config);
    if (problems.length > 0) {
      await database.close();
      throw new ConfigError(`拒绝以生产模式启动 (refusing to start in production):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    }
  }

  let seeded: { seeded: boolean; units?: number; inspectors?: number } | null = null;
  let demoDraw: { code: string } | null = null;
  if (fromTemplate?.kind === 'demo') {
    // The template was seeded today, for this demo seed: the demo is already there.
    seeded = { seeded: true, units: fromTemplate.meta.demo.units, inspectors: fromTemplate.meta.demo.inspectors };
    demoDraw = fromTemplate.meta.demo.drawCode ? { code: fromTemplate.meta.demo.drawCode } : null;
  } else if (config.seedDemo) {
    const now = new Date();
    [seeded, demoDraw] = await database.exclusively(async () => {
      const result = await seedDemo(database.db, { seed: config.demoSeed, now });
      if (!result.seeded) return [result, null] as const;
      const draw = await seedDemoDraw(database.db, now);
      await seedDemoOversight(database.db, now);
      return [result, draw] as const;
    });
  }

  const app = await buildApp({
    database,
    sessionSecret: config.sessionSecret,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    webDistDir: config.webDistDir,
    logger: config.isProduction ? { level: config.logLevel } : developmentLogger(config.logLevel),
    outbox: { channel: config.smsGateway ? 'sms' : 'log', publicBaseUrl: config.publicBaseUrl },
    metricsToken: config.metricsToken,
  });
  const jobs = backgroundJobs({
    vacuumPortal: database.kind === 'pglite',
    // PGlite runs one statement at a time: fold a couple of cells per step so a request never waits long behind one.
    statisticsCellsPerStep: database.kind === 'pglite' ? 2 : 20,
    channels: outboxChannels(config.smsGateway),
    exchangeSender: httpExchangeSender(),
  });
  // On PostgreSQL the job queue runs each due job once across every instance; PGlite has one process, its timers.
  const stopJobs =
    config.database.kind === 'postgres'
      ? (await startJobQueue(config.database.url, jobs, database.db, app.log, { exclusively: database.exclusively })).stop
      : runJobsInProcess(jobs, database.db, app.log);
  const close = async () => {
    await stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  // On PostgreSQL (a province's set-up) the draw's code is compiled on both threads before the first large draw
  // (decision 0030): a made-up draw a few seconds after start, in the background. DRAW_WARM_UP=false leaves it out.
  if (config.drawWarmUp) setTimeout(() => void warmUpDraw(drawHashingPool()), DRAW_WARM_UP_DELAY_MS).unref();
  // The import-parsing worker waits ready for the first upload, and again a minute after it stopped (decision 0031).
  if (config.importWorkerReady) void importParsingPool().keepReady(IMPORT_WORKER_READY_AGAIN_MS);

  const where = config.database.kind === 'pglite' ? `嵌入式 PGlite：${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `双随机消防监管系统已启动：http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/  （${((Date.now() - startedAt) / 1000).toFixed(1)} 秒）`,
    `数据库：${where}`,
  ];
  if (seeded?.seeded) lines.push(`已载入演示数据：${seeded.units} 个单位、${seeded.inspectors} 名检查人员。`);
  if (demoDraw) lines.push(`演示抽取：/portal/draws/${demoDraw.code}（监督人密钥与开奖号码均为演示用的虚构值）`);
  if (!config.isProduction && config.seedDemo) {
    lines.push(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const [username, role] of DEMO_LOGINS) lines.push(`  ${username.padEnd(10)} ${ROLE_LABELS[role]}`);
    lines.push('管理后台：/admin    公示门户：/');
  }
  console.log(lines.join('\n'));
}

/** How long after listening the draw's warm-up waits: the start's own work (jobs, first requests) goes first. */
const DRAW_WARM_UP_DELAY_MS = 5_000;
/** How long after it stopped the import-parsing worker (after a large file) a new one is started. */
const IMPORT_WORKER_READY_AGAIN_MS = 60_000;

const DEMO_LOGINS: [string, Role][] = [
  ['admin', 'system_admin'],
  ['zhidui', 'org_admin'],
  ['wucheng', 'brigade_admin'],
  ['jindong', 'brigade_admin'],
  ['jiandu', 'inspector'],
  ['jijian', 'auditor'],
  ['jijian2', 'auditor'],
];

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});

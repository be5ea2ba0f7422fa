import path from 'node:path';
import { z } from 'zod';

/** Secrets the server refuses to run with in production. */
export const DEFAULT_SESSION_SECRET = 'dev-only-session-secret-change-me-please';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  /** A read-only replica for the portal and the statistics (PostgreSQL only). */
  READ_DATABASE_URL: z.string().url().optional(),
  /** A directory every instance shares where uploaded files' bytes go (default: in the database). */
  FILE_STORE_DIR: z.string().min(1).optional(),
  /** Bearer token for GET /api/metrics from outside this host (loopback needs none). */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN 至少 16 个字符').optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET 至少 32 个字符').optional(),
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  DRAW_WARM_UP: z.enum(['true', 'false']).optional(),
  IMPORT_WORKER_READY: z.enum(['true', 'false']).optional(),
  DEMO_SEED: z.coerce.number().int().default(20261122),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** The HTTP SMS gateway for pre-notices (POST JSON {to, text}); unset: messages stay in the log channel. */
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  /** Where the portal is reached from outside, for links in messages (e.g. https://xf.example.gov.cn). */
  PUBLIC_BASE_URL: z.string().url().optional(),
});

export type Config = {
  nodeEnv: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; readUrl: string | null };
  metricsToken: string | null;
  /** Where new uploaded files' bytes go (decision 0029). */
  fileStore: { kind: 'database' } | { kind: 'directory'; dir: string };
  dataDir: string;
  sessionSecret: string;
  sessionSecretIsDefault: boolean;
  cookieSecure: boolean;
  seedDemo: boolean;
  /** Compile the draw's code on both threads a few seconds after start (decision 0030); on PostgreSQL by default. */
  drawWarmUp: boolean;
  /** Keep the import-parsing worker started before the first upload and after a large one (decision 0031); on PostgreSQL by default. */
  importWorkerReady: boolean;
  demoSeed: number;
  logLevel: string;
  trustProxy: boolean;
  webDistDir: string;
  /** The HTTP SMS gateway, or null: pre-notices go to the log channel (read in 消息发件箱). */
  smsGateway: { url: string; token: string | null } | null;
  /** Prefix of links in messages, without a trailing slash ('' when unknown: the link is a path). */
  publicBaseUrl: string;
};

export class ConfigError extends Error {}

/** Parses the environment once. The only reader of process.env in the codebase. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (FOO=) means "not set", as in most tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`环境变量无效 (invalid environment):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.READ_DATABASE_URL && !e.DATABASE_URL) {
    throw new ConfigError('环境变量无效 (invalid environment):\n  READ_DATABASE_URL: 只读副本须与 DATABASE_URL（PostgreSQL 主库）一起设置');
  }
  const isProduction = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    nodeEnv: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, readUrl: e.READ_DATABASE_URL ?? null }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    metricsToken: e.METRICS_TOKEN ?? null,
    fileStore: e.FILE_STORE_DIR ? { kind: 'directory', dir: path.resolve(e.FILE_STORE_DIR) } : { kind: 'database' },
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? DEFAULT_SESSION_SECRET,
    sessionSecretIsDefault: !e.SESSION_SECRET || e.SESSION_SECRET === DEFAULT_SESSION_SECRET,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : isProduction,
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO === 'true' : !isProduction,
    drawWarmUp: e.DRAW_WARM_UP ? e.DRAW_WARM_UP === 'true' : Boolean(e.DATABASE_URL),
    importWorkerReady: e.IMPORT_WORKER_READY ? e.IMPORT_WORKER_READY === 'true' : Boolean(e.DATABASE_URL),
    demoSeed: e.DEMO_SEED,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    webDistDir: path.resolve('web/dist'),
    smsGateway: e.SMS_GATEWAY_URL ? { url: e.SMS_GATEWAY_URL, token: e.SMS_GATEWAY_TOKEN ?? null } : null,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? '').replace(/\/+$/, ''),
  };
}

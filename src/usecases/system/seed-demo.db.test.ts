import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/harness/db.ts';
import { buildTestApp, logInAs } from '../../../test/harness/http.ts';
import { DEMO_PASSWORD } from '../../demo/generate-demo-data.ts';
import { inspectionHistory, monthlyPlans, units } from '../../db/schema.ts';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { checkProductionReadiness } from './check-production-readiness.ts';
import { seedDemo } from './seed-demo.ts';

const run = promisify(execFile);
let database: TestDatabase;
let result: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  database = await openTestDatabase();
  result = await seedDemo(database.db, { seed: 7, now: new Date('2026-11-22T08:00:00Z'), unitCount: 600 });
});
afterAll(async () => database.dispose());

describe('demo data', () => {
  it('loads the organisations, units, inspectors and one account per role, audited', async () => {
    expect(result).toMatchObject({ seeded: true, orgs: 5, units: 600 });
    const [count] = await database.db.select({ n: sql<number>`count(*)::int` }).from(units);
    expect(count!.n).toBe(600);
    // The seed itself, then next month's two draft plans generated as the scheduler would.
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 3 });
  });

  it('gives the plan pages something true to show: history, published annual plans, December drafts', async () => {
    const [history] = await database.db.select({ n: sql<number>`count(*)::int` }).from(inspectionHistory);
    expect(history!.n).toBeGreaterThan(100);
    const monthly = await database.db.select().from(monthlyPlans);
    expect(monthly.map((m) => [m.year, m.month, m.status, m.generatedBy])).toEqual([
      [2026, 12, 'draft', null],
      [2026, 12, 'draft', null],
    ]);
  });

  it('lets every demo account log in with the demo password', async () => {
    const app = await buildTestApp(database);
    if (!result.seeded) throw new Error('not seeded');
    for (const account of result.accounts) {
      const session = await logInAs(app, account.username, DEMO_PASSWORD);
      expect(session.csrf).toBeTruthy();
    }
    await app.close();
  });

  it('refuses to load twice', async () => {
    expect(await seedDemo(database.db, { seed: 7, now: new Date() })).toMatchObject({ seeded: false });
  });

  it('makes the database unfit for production', async () => {
    const problems = await checkProductionReadiness(database.db, { sessionSecretIsDefault: false, seedDemo: false });
    expect(problems.join('\n')).toMatch(/演示账号/);
  });
});

describe('starting in production', () => {
  const start = (env: Record<string, string>) =>
    run('node', ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, NODE_ENV: 'production', PORT: '0', LOG_LEVEL: 'silent', ...env },
      timeout: 60_000,
    }).then(
      (r) => ({ code: 0, output: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
    );

  it('refuses without a session secret, saying so clearly', async () => {
    await database.close();
    const { code, output } = await start({ ...database.env });
    expect(code).toBe(1);
    expect(output).toMatch(/未设置 SESSION_SECRET/);
    const tooShort = await start({ ...database.env, SESSION_SECRET: 'short' });
    expect(tooShort.code).toBe(1);
    expect(tooShort.output).toMatch(/SESSION_SECRET 至少 32 个字符/);
  });

  it('refuses a database that holds the demo accounts', async () => {
    const { code, output } = await start({ ...database.env, SESSION_SECRET: 'a'.repeat(20) + 'b'.repeat(20) });
    expect(code).toBe(1);
    expect(output).toMatch(/拒绝以生产模式启动/);
    expect(output).toMatch(/演示账号/);
  });
});

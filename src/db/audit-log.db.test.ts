import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/harness/db.ts';
import { verifyAuditChain } from '../usecases/audit/verify-audit-chain.ts';
import { appendAuditEntry } from './audit-queries.ts';

const run = promisify(execFile);
let database: TestDatabase;

async function append(n: number) {
  for (let i = 0; i < n; i++) {
    await database.db.transaction((tx) =>
      appendAuditEntry(tx, {
        at: new Date(),
        actorId: null,
        actorName: '测试',
        actorRole: null,
        ip: '127.0.0.1',
        action: 'org.update',
        targetType: 'org',
        targetId: `t${i}`,
        orgId: null,
        summary: { i, note: '单位名称 <b>', nested: { list: [1, 2, 3] } },
      }),
    );
  }
}

/** The error text, wherever the driver put it (drizzle wraps the database error as `cause`). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    const cause = (e as { cause?: Error }).cause;
    return `${(e as Error).message} ${cause?.message ?? ''}`;
  }
  throw new Error('expected the statement to fail');
}

beforeAll(async () => {
  database = await openTestDatabase();
  await append(5);
});
afterAll(async () => database.dispose());

describe('audit log table', () => {
  it('holds a gapless chain that verifies', async () => {
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 5 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    expect(await failure(database.db.execute(sql`update audit_log set actor_name = 'x' where seq = 2`))).toMatch(/append-only/);
    expect(await failure(database.db.execute(sql`delete from audit_log where seq = 2`))).toMatch(/append-only/);
    expect(await failure(database.db.execute(sql`truncate audit_log`))).toMatch(/append-only/);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 5 });
  });

  it('keeps seq gapless when appends run concurrently', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        database.db.transaction((tx) =>
          appendAuditEntry(tx, {
            at: new Date(),
            actorId: null,
            actorName: '并发',
            actorRole: null,
            ip: null,
            action: 'org.update',
            targetType: 'org',
            targetId: `c${i}`,
            orgId: null,
            summary: { i },
          }),
        ),
      ),
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 13 });
  });

  it('makes audit-verify fail and name the entry that was tampered with behind the trigger', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
      await tx.execute(sql`update audit_log set summary = '{"i": 99}'::jsonb where seq = 3`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, checked: 2, broken: { seq: 3, reason: 'HASH_MISMATCH' } });

    await database.close(); // PGlite allows one process per data directory: let the CLI open it.
    const cli = await run('node', ['--import', 'tsx', 'src/cli/main.ts', 'audit-verify'], {
      env: { ...process.env, ...database.env },
    }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('第 3 条记录的内容与其哈希不符');
    expect(cli.stdout).toContain('BROKEN at seq 3');
  });
});

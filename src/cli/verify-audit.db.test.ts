import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/harness/db.ts';

const run = promisify(execFile);

async function auditVerify(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['--import', 'tsx', 'src/cli/main.ts', 'audit-verify'], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let database: TestDatabase;
let scratch: string;
beforeAll(async () => {
  database = await openTestDatabase();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-verify-'));
});
afterAll(async () => {
  await database.dispose();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('audit-verify, a command that only reads', () => {
  it('refuses a mistyped DATA_DIR without creating a database there', async () => {
    const typo = path.join(scratch, 'dtaa');
    const result = await auditVerify({ DATA_DIR: typo });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('找不到数据库');
    expect(result.stderr).toContain('请检查 DATA_DIR');
    expect(fs.existsSync(typo)).toBe(false);
  });

  it('calls an empty chain an error, not a complete one', async () => {
    // The test database is migrated but nobody has done anything yet: no audit entry.
    const result = await auditVerify(database.env);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('审计链为空');
  });
});

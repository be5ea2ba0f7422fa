import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Figure } from './machine.ts';

/**
 * The restore drill of docs/deployment.md, timed: `pg_dump -Fc` of BENCH_DATABASE_URL (the province data set), a
 * `pg_restore -j 2` into a scratch database, the audit chain verified there from its first entry to its last
 * (`npm run cli -- audit-verify`), and the row counts of the large tables compared. The scratch database and the dump
 * are removed afterwards.
 */
export async function benchRestoreDrill(): Promise<Figure[]> {
  const source = process.env.BENCH_DATABASE_URL;
  if (!source) {
    console.log('  restore drill skipped: set BENCH_DATABASE_URL to the database to back up (e.g. the province data set)');
    return [];
  }
  const scratchName = `xf_restore_drill_${Date.now().toString(36)}`;
  const scratch = new URL(source);
  scratch.pathname = `/${scratchName}`;
  const adminUrl = new URL(source);
  adminUrl.pathname = '/postgres';
  const dumpFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xf-drill-')), 'xf.dump');
  const figures: Figure[] = [];
  const seconds = (from: number) => Math.round((performance.now() - from) / 100) / 10;
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const sizeOf = async (url: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const { rows } = await c.query<{ bytes: string }>('select pg_database_size(current_database())::text as bytes');
        return Number(rows[0]!.bytes);
      } finally {
        await c.end();
      }
    };
    const counts = async (url: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const { rows } = await c.query<{ units: string; records: string; audit: string; files: string }>(
          `select (select count(*) from units)::text as units, (select count(*) from inspection_records)::text as records,
                  (select count(*) from audit_log)::text as audit, (select count(*) from stored_files)::text as files`,
        );
        return rows[0]!;
      } finally {
        await c.end();
      }
    };
    const sourceBytes = await sizeOf(source);
    const before = await counts(source);
    figures.push({ name: 'database size', value: Math.round(sourceBytes / 2 ** 20), unit: 'MiB' });
    figures.push({ name: 'units in it', value: Number(before.units), unit: 'rows' });

    let t = performance.now();
    execFileSync('pg_dump', ['-Fc', '-Z', '6', '-f', dumpFile, source], { stdio: 'inherit' });
    figures.push({ name: 'pg_dump -Fc', value: seconds(t), unit: 's' });
    figures.push({ name: 'dump file', value: Math.round(fs.statSync(dumpFile).size / 2 ** 20), unit: 'MiB' });

    await admin.query(`create database ${scratchName}`);
    t = performance.now();
    execFileSync('pg_restore', ['-j', '2', '--no-owner', '-d', scratch.toString(), dumpFile], { stdio: 'inherit' });
    figures.push({ name: 'pg_restore -j 2 (tables, indexes, constraints)', value: seconds(t), unit: 's' });

    t = performance.now();
    const verify = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit-verify'], {
      env: { ...process.env, DATABASE_URL: scratch.toString() },
      encoding: 'utf8',
    });
    figures.push({ name: 'audit-verify on the restored copy', value: seconds(t), unit: 's', target: 'exit 0', ok: verify.status === 0 });
    console.log(`  audit-verify: ${(verify.stdout || verify.stderr).trim().split('\n').slice(-1)[0]}`);
    const after = await counts(scratch.toString());
    const same = JSON.stringify(after) === JSON.stringify(before);
    figures.push({ name: 'row counts equal after restore (units, records, audit, files)', value: same ? 1 : 0, unit: 'bool', target: '1', ok: same });
  } finally {
    await admin.query(`drop database if exists ${scratchName} with (force)`);
    await admin.end();
    fs.rmSync(path.dirname(dumpFile), { recursive: true, force: true });
  }
  return figures;
}

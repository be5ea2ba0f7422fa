import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../../src/db/client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'pglite'; templateDir: string; workDir: string } | { kind: 'postgres'; adminUrl: string; template: string; prefix: string };
  }
}

export const TEST_DATA_ROOT = path.resolve('.test-data');

/**
 * Migrates one template database per run; every test file then gets its own copy (a copied PGlite
 * directory, or CREATE DATABASE … TEMPLATE on PostgreSQL), so files never see each other's rows and
 * nobody pays PGlite's creation cost twice.
 */
export default async function setup(project: TestProject) {
  const run = `${process.pid}_${Date.now().toString(36)}`;
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `xf_tpl_${run}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    await admin.end();
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    const database = await openDatabase({ kind: 'postgres', url: templateUrl.toString() });
    await migrateDatabase(database);
    await database.close();
    project.provide('testDb', { kind: 'postgres', adminUrl: url, template, prefix: `xf_t_${run}_` });
    return async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ datname: string }>(
        `select datname from pg_database where datname like $1 or datname = $2`,
        [`xf_t_${run}_%`, template],
      );
      for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
      await client.end();
    };
  }
  const workDir = path.join(TEST_DATA_ROOT, `run_${run}`);
  const templateDir = path.join(workDir, 'template');
  fs.mkdirSync(workDir, { recursive: true });
  const database = await openDatabase({ kind: 'pglite', dataDir: templateDir });
  await migrateDatabase(database);
  await database.close();
  project.provide('testDb', { kind: 'pglite', templateDir, workDir });
  return () => fs.rmSync(workDir, { recursive: true, force: true });
}

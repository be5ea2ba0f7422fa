import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';

/** `env` holds the variables that point a CLI child process at this same database. */
export type TestDatabase = Database & { env: Record<string, string>; dispose(): Promise<void> };

function withIdempotentClose(database: Database, env: Record<string, string>, cleanup: () => void): TestDatabase {
  let closed = false;
  const close = async () => {
    if (!closed) await database.close();
    closed = true;
  };
  return {
    ...database,
    close,
    env,
    dispose: async () => {
      await close();
      cleanup();
    },
  };
}

/** A fresh, migrated database for one test file: call in beforeAll, dispose in afterAll. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const info = inject('testDb');
  if (info.kind === 'postgres') {
    const name = `${info.prefix}${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: info.adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${info.template}`);
    await admin.end();
    const url = new URL(info.adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString() });
    return withIdempotentClose(database, { DATABASE_URL: url.toString() }, () => {});
  }
  // Same layout as the server's DATA_DIR (<DATA_DIR>/pglite) so the CLI can be pointed at it.
  const root = path.join(info.workDir, randomUUID());
  const dataDir = path.join(root, 'pglite');
  fs.cpSync(info.templateDir, dataDir, { recursive: true });
  const database = await openDatabase({ kind: 'pglite', dataDir });
  return withIdempotentClose(database, { DATA_DIR: root }, () => fs.rmSync(root, { recursive: true, force: true }));
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The drizzle handle, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Query helpers accept either; inside a transaction always pass the transaction handle. */
export type DbOrTx = Db | Tx;

/**
 * Runs independent reads. On a pool they run at once, each on its own connection; a transaction has one
 * connection, so there they run one after the other (pg deprecates overlapping queries on one client, and
 * PostgreSQL would run them one at a time anyway).
 */
export async function readTogether<T extends readonly unknown[] | []>(
  db: DbOrTx,
  reads: { [K in keyof T]: () => PromiseLike<T[K]> },
): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}

export type DatabaseKind = 'pglite' | 'postgres';
export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; readUrl?: string | null };

export type Database = {
  db: Db;
  /**
   * Where the portal and the statistics read: a read-only replica when READ_DATABASE_URL is set (a few seconds
   * behind the primary at most), otherwise the same handle as `db`. Nothing that writes, and nothing that must see
   * a write just made, reads here.
   */
  read: Db;
  kind: DatabaseKind;
  /**
   * Runs `work` holding a lock on the whole database, so that of several instances starting at once on one
   * PostgreSQL only one migrates or seeds while the others wait (then find the work done). On PGlite, which one
   * process owns, it simply runs `work`.
   */
  exclusively<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** The advisory-lock key instances take while they migrate and seed (any constant; "XF" + "START" in ASCII digits). */
export const STARTUP_LOCK_KEY = 8870_8384_6582_84n;

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens the embedded PGlite database (creating its directory on first use) or a PostgreSQL pool.
 * One schema and one code path serve both; only the driver differs.
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
    const client = await PGlite.create(target.dataDir);
    const db = drizzle(client, { schema }) as unknown as Db;
    return { db, read: db, kind: 'pglite', exclusively: (work) => work(), close: () => client.close() };
  }
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // Dates and timestamps come back as JS Dates from both drivers; keep DATE columns as 'YYYY-MM-DD' text.
  pg.default.types.setTypeParser(1082, (v: string) => v);
  // JIT compilation pays off for long analytic queries, not for this system's short interactive ones,
  // where it adds tens of milliseconds to any query the planner estimates as expensive.
  const pool = new pg.default.Pool({ connectionString: target.url, max: 10, options: '-c jit=off' });
  const db = drizzle(pool, { schema }) as unknown as Db;
  // Read-only by construction: even pointed at the primary by mistake, nothing can write through it.
  const readPool = target.readUrl
    ? new pg.default.Pool({ connectionString: target.readUrl, max: 10, options: '-c jit=off -c default_transaction_read_only=on' })
    : null;
  const read = readPool ? (drizzle(readPool, { schema }) as unknown as Db) : db;
  const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
    // A session-level advisory lock on a connection of its own: the work itself runs on the pool as usual.
    const holder = await pool.connect();
    try {
      await holder.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY.toString()]);
      try {
        return await work();
      } finally {
        await holder.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY.toString()]);
      }
    } finally {
      holder.release();
    }
  };
  return {
    db,
    read,
    kind: 'postgres',
    exclusively,
    close: async () => {
      await Promise.all([pool.end(), readPool?.end()]);
    },
  };
}

/**
 * Opens a database that must already exist, for commands that only read (audit-verify): never creates an embedded
 * database where a mistyped DATA_DIR points, and never migrates. Null when there is none there.
 */
export async function openExistingDatabase(target: DatabaseTarget): Promise<Database | null> {
  if (target.kind === 'pglite' && !fs.existsSync(path.join(target.dataDir, 'PG_VERSION'))) return null;
  return openDatabase(target);
}

/**
 * Refreshes planner statistics. PostgreSQL's autovacuum does this by itself; embedded PGlite has no
 * autovacuum, so the server runs it at start-up and after bulk writes (demo data, imports).
 */
export async function analyzeDatabase(database: Database): Promise<void> {
  if (database.kind !== 'pglite') return;
  await analyzeTables(database.db);
  await vacuumPortalTables(database.db);
}

/**
 * VACUUM of the tables the portal's search reads from its indexes alone (decision 0024): an index-only scan skips the
 * table only for pages the visibility map marks all-visible, which autovacuum keeps up on PostgreSQL and nothing does on
 * PGlite. Run at start-up and by the daily job on PGlite; cheap when little changed.
 */
export async function vacuumPortalTables(db: Db): Promise<void> {
  await db.execute(sql`vacuum (analyze) publications`);
}

/** VACUUM of the units after a bulk load, so that index-only scans of the registry (the list's capped count) skip the table. */
export async function vacuumUnits(db: Db): Promise<void> {
  await db.execute(sql`vacuum (analyze) units`);
}

/** Refreshes planner statistics of every table, whichever the driver (after a bulk load such as the demo data). */
export async function analyzeTables(db: Db): Promise<void> {
  await db.execute(sql`analyze`);
}

/** Applies the committed SQL migrations in src/db/migrations (idempotent). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
  }
}

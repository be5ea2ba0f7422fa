import { sql, type SQL } from 'drizzle-orm';
import { PgDialect, PgTransaction } from 'drizzle-orm/pg-core';
import { createKeyedTtlCache } from '../lib/ttl-cache.ts';
import type { DbOrTx } from './client.ts';

/**
 * The admin list's counts, kept between requests (decision 0034): paging through a filter, or a crowd asking the same
 * list, counts once. A count is kept under the registry's version (`units_version_seq`, advanced by every statement
 * that writes units, on any instance — migration 0029), so any write makes the next list count again; and for at most
 * {@link UNIT_COUNT_TTL_MS}: a write committed in the moment between reading the version and counting can leave a
 * count short by its rows until the next write or that limit. The shared keyed cache (src/lib/ttl-cache.ts): one count
 * for requests that miss together, at most {@link UNIT_COUNT_KEYS} per database handle and instance, the oldest dropped
 * first. Inside a transaction the count is always made afresh (the transaction may hold writes of its own).
 */
export const UNIT_COUNT_TTL_MS = 30_000;
export const UNIT_COUNT_KEYS = 500;

const caches = new WeakMap<object, ReturnType<typeof createKeyedTtlCache<number>>>();
const dialect = new PgDialect();

/** The registry's version: changes whenever a statement wrote units. */
export async function unitsVersion(db: DbOrTx): Promise<string> {
  const result = await db.execute(sql`select last_value::text as v, is_called from units_version_seq`);
  const [row] = (result as unknown as { rows: { v: string; is_called: boolean }[] }).rows;
  return row ? `${row.v}${row.is_called ? '' : '-'}` : '';
}

/** `count()` of the units matching `where` (with `cap`), or the same figure counted a moment ago at the same version. */
export async function countUnitsOnce(db: DbOrTx, where: SQL | undefined, cap: number | null, count: () => Promise<number>): Promise<number> {
  if (db instanceof PgTransaction) return count();
  const query = where ? dialect.sqlToQuery(where) : { sql: '', params: [] };
  const version = await unitsVersion(db);
  const cache = caches.get(db) ?? createKeyedTtlCache<number>(UNIT_COUNT_TTL_MS, { maxWeight: UNIT_COUNT_KEYS });
  caches.set(db, cache);
  return cache.get(JSON.stringify([version, query.sql, query.params, cap]), count);
}

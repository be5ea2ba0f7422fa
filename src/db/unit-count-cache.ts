import { sql, type SQL } from 'drizzle-orm';
import { PgDialect, PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.ts';

/**
 * The admin list's counts, kept between requests (decision 0034): paging through a filter, or a crowd asking the same
 * list, counts once. A count is reused while the registry's version (`units_version_seq`, advanced by every statement
 * that writes units, on any instance — migration 0029) is the one it was counted at, and for at most
 * {@link UNIT_COUNT_TTL_MS}: a write committed in the moment between reading the version and counting can leave a
 * count short by its rows until the next write or that limit. Per database handle and instance; at most
 * {@link UNIT_COUNT_KEYS} filters, the oldest dropped first; requests that miss together wait for one count. Inside a transaction the count is always made afresh (the
 * transaction may hold writes of its own).
 */
export const UNIT_COUNT_TTL_MS = 30_000;
export const UNIT_COUNT_KEYS = 500;

type Entry = { version: string; at: number; n: number };
const caches = new WeakMap<object, Map<string, Entry>>();
/** Counts under way, per handle and key (with the version they count at): a crowd that misses waits for one. */
const flights = new WeakMap<object, Map<string, { version: string; n: Promise<number> }>>();
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
  const key = JSON.stringify([query.sql, query.params, cap]);
  const version = await unitsVersion(db);
  const cache = caches.get(db) ?? new Map<string, Entry>();
  caches.set(db, cache);
  const kept = cache.get(key);
  const now = Date.now();
  if (kept && kept.version === version && now - kept.at < UNIT_COUNT_TTL_MS) return kept.n;
  const running = flights.get(db) ?? new Map<string, { version: string; n: Promise<number> }>();
  flights.set(db, running);
  const flight = running.get(key);
  if (flight && flight.version === version) return flight.n;
  const n = count().finally(() => {
    if (running.get(key)?.n === n) running.delete(key);
  });
  running.set(key, { version, n });
  const counted = await n;
  cache.delete(key);
  cache.set(key, { version, at: now, n: counted });
  if (cache.size > UNIT_COUNT_KEYS) cache.delete(cache.keys().next().value as string);
  return counted;
}

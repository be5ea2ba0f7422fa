import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** An ILIKE/LIKE pattern matching `text` anywhere, with the user's %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/**
 * `column in (…keys)` with the keys as ONE JSON parameter. drizzle's inArray binds one parameter per key: past
 * 65,535 keys PostgreSQL refuses the statement, and long before that building it costs more than answering it.
 */
export function anyOf(column: AnyPgColumn | SQL, keys: readonly string[]): SQL {
  return sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`;
}

/** {@link anyOf} for a uuid column. */
export function anyUuidOf(column: AnyPgColumn | SQL, keys: readonly string[]): SQL {
  return sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb)::uuid)`;
}

/** The rows of a raw `db.execute`, whichever driver answered (both return `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

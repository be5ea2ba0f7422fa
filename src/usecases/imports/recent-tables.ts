import { estimateTableBytes, type ImportTable } from '../../domain/import/import-table.ts';

export type RecentTablesLimits = { maxEntries: number; maxBytes: number; ttlMs: number };

/**
 * The tables of the last files read, by content and name (decision 0006, bounded by 0014): the commit (and a mapping
 * change) reads the file the preview has just read, and the same bytes always give the same table. At most
 * `maxEntries` tables and `maxBytes` of them (estimateTableBytes), each kept `ttlMs`; the oldest go first, and a
 * table larger than the whole budget is not kept at all. Only tables are kept: a read that failed leaves nothing.
 * Callers never change a table; a miss simply parses again.
 */
export function createRecentTables(limits: RecentTablesLimits) {
  const entries = new Map<string, { table: ImportTable; bytes: number; at: number }>();
  let total = 0;
  const remove = (key: string) => {
    total -= entries.get(key)?.bytes ?? 0;
    entries.delete(key);
  };

  return {
    get(key: string, now: number): ImportTable | undefined {
      for (const [k, entry] of entries) if (now - entry.at > limits.ttlMs) remove(k);
      return entries.get(key)?.table;
    },
    set(key: string, table: ImportTable, now: number): void {
      remove(key);
      const bytes = estimateTableBytes(table);
      if (bytes > limits.maxBytes) return;
      entries.set(key, { table, bytes, at: now });
      total += bytes;
      while (entries.size > limits.maxEntries || total > limits.maxBytes) remove(entries.keys().next().value as string);
    },
    /** Drops the table kept under `key`, if any (a committed batch's file is not read again). */
    delete(key: string): void {
      remove(key);
    },
    /** The estimated bytes held (tests, benchmarks). */
    get bytes(): number {
      return total;
    },
  };
}

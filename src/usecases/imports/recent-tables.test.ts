import { describe, expect, it } from 'vitest';
import { estimateTableBytes, type ImportTable } from '../../domain/import/import-table.ts';
import { createRecentTables } from './recent-tables.ts';

/** A table of `rows` rows of one 50-character cell: ~200 estimated bytes a row. */
const table = (rows: number): ImportTable => ({
  format: 'csv',
  encoding: 'utf-8',
  sheetName: null,
  headerRowNumber: 1,
  headers: ['单位名称'],
  rows: Array.from({ length: rows }, (_, i) => ({ rowNumber: i + 2, cells: ['甲'.repeat(50)] })),
});

describe('createRecentTables', () => {
  it('gives back the table kept under a key until it is older than its time to live', () => {
    const recent = createRecentTables({ maxEntries: 2, maxBytes: 1_000_000, ttlMs: 1000 });
    const t = table(1);
    recent.set('a', t, 0);
    expect(recent.get('a', 1000)).toBe(t);
    expect(recent.get('a', 1001)).toBeUndefined();
    expect(recent.bytes).toBe(0);
  });

  it('keeps the tables within the byte budget, dropping the oldest first', () => {
    const size = estimateTableBytes(table(100));
    const recent = createRecentTables({ maxEntries: 10, maxBytes: size * 2.5, ttlMs: 60_000 });
    const [a, b, c] = [table(100), table(100), table(100)];
    recent.set('a', a, 0);
    recent.set('b', b, 1);
    recent.set('c', c, 2);
    expect([recent.get('a', 3), recent.get('b', 3), recent.get('c', 3)]).toEqual([undefined, b, c]);
    expect(recent.bytes).toBe(size * 2);
  });

  it('does not keep a table larger than the whole budget, nor evict the others for it', () => {
    const recent = createRecentTables({ maxEntries: 2, maxBytes: estimateTableBytes(table(100)), ttlMs: 60_000 });
    const small = table(10);
    recent.set('small', small, 0);
    recent.set('huge', table(1000), 1);
    expect(recent.get('huge', 2)).toBeUndefined();
    expect(recent.get('small', 2)).toBe(small);
  });

  it('keeps at most the given number of tables', () => {
    const recent = createRecentTables({ maxEntries: 2, maxBytes: 1_000_000, ttlMs: 60_000 });
    recent.set('a', table(1), 0);
    recent.set('b', table(1), 1);
    recent.set('c', table(1), 2);
    expect(recent.get('a', 3)).toBeUndefined();
    expect(recent.get('c', 3)).toBeDefined();
  });

  it('forgets a table on request and frees its bytes', () => {
    const recent = createRecentTables({ maxEntries: 2, maxBytes: 1_000_000, ttlMs: 60_000 });
    recent.set('a', table(1), 0);
    recent.set('b', table(1), 1);
    recent.delete('a');
    expect(recent.get('a', 2)).toBeUndefined();
    expect(recent.get('b', 2)).toBeDefined();
    expect(recent.bytes).toBe(estimateTableBytes(table(1)));
  });
});

describe('estimateTableBytes', () => {
  it('counts two bytes a character and the cost of each row and cell', () => {
    expect(estimateTableBytes({ headers: ['a'], rows: [{ rowNumber: 2, cells: ['甲乙', ''] }] })).toBe(256 + 32 + 64 + 64 + 4);
  });
});

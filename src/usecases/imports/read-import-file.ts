import type { ImportTable } from '../../domain/import/import-table.ts';
import type { DbOrTx } from '../../db/client.ts';
import { loadImportFileBytes } from '../../db/import-queries.ts';
import { type ParseListener, importParsingPool } from '../../workers/import-parsing-pool.ts';
import { fileDigest } from './file-digest.ts';
import { createRecentTables } from './recent-tables.ts';

/**
 * The tables of the last files read: two at most, 256 MB at most (two 100,000-row registries take ~170 MB), each
 * half an hour. Decisions 0006 and 0014.
 */
const recentTables = createRecentTables({ maxEntries: 2, maxBytes: 256 * 1024 * 1024, ttlMs: 30 * 60_000 });
const keyOf = (digest: string, fileName: string) => `${digest}\u0000${fileName}`;

/**
 * Reads an uploaded .xlsx or .csv into a table (parseImportFile, on the import-parsing worker thread), or gives the
 * table of the same bytes and name read a moment ago. A file that cannot be read is refused with a Chinese message
 * and nothing is kept of it. `listener` hears the rows while they are read (not when the table is already known).
 */
export async function readImportFile(
  bytes: Uint8Array,
  fileName: string,
  digest = fileDigest(bytes),
  listener?: ParseListener,
): Promise<ImportTable> {
  const key = keyOf(digest, fileName);
  const recent = recentTables.get(key, Date.now());
  if (recent) return recent;
  const table = await importParsingPool().parse(bytes, fileName, listener);
  recentTables.set(key, table, Date.now());
  return table;
}

/**
 * The table of a stored batch's file: the one the preview has just read when it is still kept (found by the
 * batch's stored SHA-256, without loading the file), otherwise the stored bytes read again.
 */
export async function readBatchFile(
  db: DbOrTx,
  batch: { id: string; fileName: string; fileSha256: string },
): Promise<ImportTable> {
  return (
    recentTables.get(keyOf(batch.fileSha256, batch.fileName), Date.now()) ??
    readImportFile(await loadImportFileBytes(db, batch.id), batch.fileName, batch.fileSha256)
  );
}

/**
 * Forgets the table of a batch's file once the batch is committed or refused: nothing reads it again, and a
 * 100,000-row table with its validated rows holds some 300 MB that would otherwise stay for half an hour (decision
 * 0031). Another batch of the same file simply reads it again.
 */
export function forgetBatchFile(batch: { fileName: string; fileSha256: string }): void {
  recentTables.delete(keyOf(batch.fileSha256, batch.fileName));
}

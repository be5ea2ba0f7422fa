import type { ImportTable } from '../../domain/import/import-table.ts';
import type { DbOrTx } from '../../db/client.ts';
import { loadImportFileBytes } from '../../db/import-queries.ts';
import { fileDigest } from './file-digest.ts';
import { parseImportFile } from './parse-import-file.ts';

/**
 * Reads an uploaded .xlsx or .csv into a table (parseImportFile), or gives the table of the same bytes and name
 * read a moment ago.
 */
export async function readImportFile(bytes: Uint8Array, fileName: string, digest = fileDigest(bytes)): Promise<ImportTable> {
  const recent = recentTable(digest, fileName);
  if (recent) return recent;
  const table = await parseImportFile(bytes, fileName);
  recentTables.set(`${digest}\u0000${fileName}`, { table, at: Date.now() });
  while (recentTables.size > RECENT_TABLES) recentTables.delete(recentTables.keys().next().value as string);
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
    recentTable(batch.fileSha256, batch.fileName) ??
    readImportFile(await loadImportFileBytes(db, batch.id), batch.fileName, batch.fileSha256)
  );
}

function recentTable(digest: string, fileName: string): ImportTable | undefined {
  const now = Date.now();
  for (const [k, entry] of recentTables) if (now - entry.at > RECENT_TABLE_TTL_MS) recentTables.delete(k);
  return recentTables.get(`${digest}\u0000${fileName}`)?.table;
}

/**
 * The tables of the last files read, by content and name: the commit (and a mapping change) reads the file
 * the preview has just read — 100,000 .xlsx rows take seconds to parse — and the same bytes always give the
 * same table. Callers never change a table. Two entries, each kept half an hour; a miss simply parses again.
 */
const recentTables = new Map<string, { table: ImportTable; at: number }>();
const RECENT_TABLES = 2;
const RECENT_TABLE_TTL_MS = 30 * 60_000;

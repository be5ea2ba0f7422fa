import type { ImportTable } from '../../domain/import/import-table.ts';
import { findImportBatch, insertImportBatch, type ImportBatchRecord } from '../../db/import-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { baseFileName, fileDigest } from './file-digest.ts';
import { readImportFile } from './read-import-file.ts';
import { rowsImportSummary } from './rows-import-summary.ts';
import type { ParseListener } from '../../workers/import-parsing-pool.ts';

type Analysis = { mapping: ImportBatchRecord['mapping']; summary: Parameters<typeof rowsImportSummary>[1] };

/**
 * The part every rows import shares at upload: the file read (refused before anything is stored when it cannot be),
 * `analyze` run over it for the dry run, and the batch stored as 'previewed' with the file, its SHA-256, the recognised
 * mapping and the summary. Nothing is written to the registry.
 */
export async function storeUploadedFile(
  ctx: UseCaseContext,
  kind: 'units' | 'inspectors' | 'credit_grades',
  orgId: string,
  input: { fileName: string; bytes: Uint8Array },
  analyze: (table: ImportTable) => Promise<Analysis>,
  /**
   * Work of the dry run that can start on the rows while the file is still being read, finished before `analyze`, or
   * abandoned when the file turns out unreadable.
   */
  early?: { listener: ParseListener; finish(table: ImportTable): Promise<void>; abandon(): void },
): Promise<ImportBatchRecord> {
  const fileName = baseFileName(input.fileName);
  const fileSha256 = fileDigest(input.bytes);
  let table: ImportTable;
  try {
    table = await readImportFile(input.bytes, fileName, fileSha256, early?.listener);
  } catch (e) {
    early?.abandon();
    throw e;
  }
  await early?.finish(table);
  const analysis = await analyze(table);
  const id = await insertImportBatch(ctx.db, {
    kind,
    orgId,
    fileName,
    fileSha256,
    fileBytes: input.bytes,
    encoding: table.encoding,
    mapping: analysis.mapping,
    status: 'previewed',
    mode: null,
    summary: rowsImportSummary(table, analysis.summary, null),
    createdBy: ctx.actor.accountId,
    createdAt: ctx.now,
  });
  return (await findImportBatch(ctx.db, id))!;
}

import { DomainError } from '../../domain/errors.ts';
import { findImportBatch, insertImportBatch, type ImportBatchRecord } from '../../db/import-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { analyzeUnitImport } from './analyze-unit-import.ts';
import { baseFileName, fileDigest } from './file-digest.ts';
import { readImportFile } from './read-import-file.ts';
import { rowsImportSummary } from './rows-import-summary.ts';

export type UploadUnitImportInput = { brigadeId: string; fileName: string; bytes: Uint8Array };

/**
 * Stores an uploaded units file for a brigade with its SHA-256 and the recognised column mapping, and
 * returns its dry run (status 'previewed'). Nothing is written to the registry. A file that cannot be read
 * is refused before anything is stored.
 */
export async function uploadUnitImport(ctx: UseCaseContext, input: UploadUnitImportInput): Promise<ImportBatchRecord> {
  requirePermission(ctx.actor, 'registry.manage');
  const brigade = await requireOrgInScope(ctx, ctx.db, input.brigadeId, { name: 'brigadeId', label: '所属大队' });
  if (brigade.kind !== 'brigade')
    throw new DomainError('VALIDATION_FAILED', '所属大队：检查对象只能导入到大队', { field: 'brigadeId' });

  const fileName = baseFileName(input.fileName);
  const fileSha256 = fileDigest(input.bytes);
  const table = await readImportFile(input.bytes, fileName, fileSha256);
  const analysis = await analyzeUnitImport(ctx.db, { table, mapping: null, brigade }, ctx.actor);
  const id = await insertImportBatch(ctx.db, {
    kind: 'units',
    orgId: brigade.id,
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

import { DomainError } from '../../domain/errors.ts';
import type { ImportBatchRecord } from '../../db/import-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { storeUploadedFile } from './store-uploaded-file.ts';
import { analyzeUnitImport, prepareUnitRowsWhileReading } from './analyze-unit-import.ts';

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

  // The rows are validated while the rest of the file is read (decision 0031); the dry run then uses its dictionaries.
  const early = prepareUnitRowsWhileReading(ctx.db, brigade, ctx.actor);
  return storeUploadedFile(
    ctx,
    'units',
    brigade.id,
    input,
    async (table) =>
      analyzeUnitImport(
        ctx.db,
        {
          table,
          mapping: null,
          brigade,
          plan: false,
          dictionaries: await early.dictionaries,
          registry: early.registry(),
          summary: early.summary(),
        },
        ctx.actor,
      ),
    early,
  );
}

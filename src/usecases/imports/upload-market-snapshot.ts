import { DomainError } from '../../domain/errors.ts';
import { findImportBatch, insertImportBatch, type ImportBatchRecord } from '../../db/import-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { analyzeMarketSnapshot } from './analyze-market-snapshot.ts';
import { baseFileName, fileDigest } from './file-digest.ts';
import { readImportFile } from './read-import-file.ts';

export type UploadMarketSnapshotInput = { brigadeId: string; full: boolean; fileName: string; bytes: Uint8Array };

/**
 * 市场监管比对, step 1: stores a market-regulation snapshot for a brigade and returns the units it would
 * flag for review and why. Nothing in the registry changes until the commit.
 */
export async function uploadMarketSnapshot(ctx: UseCaseContext, input: UploadMarketSnapshotInput): Promise<ImportBatchRecord> {
  requirePermission(ctx.actor, 'registry.manage');
  const brigade = await requireOrgInScope(ctx, ctx.db, input.brigadeId, { name: 'brigadeId', label: '所属大队' });
  if (brigade.kind !== 'brigade')
    throw new DomainError('VALIDATION_FAILED', '所属大队：只能与某个大队的名录比对', { field: 'brigadeId' });

  const fileName = baseFileName(input.fileName);
  const fileSha256 = fileDigest(input.bytes);
  const table = await readImportFile(input.bytes, fileName, fileSha256);
  const analysis = await analyzeMarketSnapshot(ctx.db, { table, brigadeId: brigade.id, full: input.full });
  const id = await insertImportBatch(ctx.db, {
    kind: 'market_snapshot',
    orgId: brigade.id,
    fileName,
    fileSha256,
    fileBytes: input.bytes,
    encoding: table.encoding,
    mapping: analysis.mapping,
    status: 'previewed',
    mode: null,
    summary: {
      type: 'snapshot',
      full: input.full,
      snapshotRows: analysis.snapshot.rowCount,
      toFlag: analysis.plan.toFlag,
      alreadyFlagged: analysis.plan.alreadyFlagged,
      unknownInRegistry: analysis.unknownInRegistry,
      result: null,
    },
    createdBy: ctx.actor.accountId,
    createdAt: ctx.now,
  });
  return (await findImportBatch(ctx.db, id))!;
}

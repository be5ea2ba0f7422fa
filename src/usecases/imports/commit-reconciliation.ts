import { DomainError } from '../../domain/errors.ts';
import {
  findImportBatch,
  flagUnitsForReview,
  insertUnitHistoryBulk,
  lockImportBatch,
  updateImportBatch,
  type ImportBatchRecord,
} from '../../db/import-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { analyzeMarketSnapshot } from './analyze-market-snapshot.ts';
import { loadImportBatch } from './load-import-batch.ts';
import { forgetBatchFile, readBatchFile } from './read-import-file.ts';
import { snapshotSummaryOf, type SnapshotImportSummary } from '../../domain/import/import-summary.ts';

const alreadyDone = () => new DomainError('CONFLICT', '该比对批次已提交，不能重复提交');

/**
 * 市场监管比对, step 2, in one transaction: flags the units the snapshot points at (flagged_at, flag_reason)
 * — never changes a status, never removes a unit — with a 'flag' history entry each and one audit entry.
 * The comparison is repeated against the registry as it is now: a unit flagged or taken out of the pool
 * since the preview is left alone.
 */
export async function commitReconciliation(ctx: UseCaseContext, id: string): Promise<ImportBatchRecord> {
  const batch = await loadImportBatch(ctx, id, { permission: 'registry.manage', kinds: ['market_snapshot'] });
  if (batch.status !== 'previewed') throw alreadyDone();
  const stored = snapshotSummaryOf(batch);
  const table = await readBatchFile(ctx.db, batch);
  await ctx.db.transaction(async (tx) => {
    if ((await lockImportBatch(tx, id)) !== 'previewed') throw alreadyDone();
    const analysis = await analyzeMarketSnapshot(tx, { table, brigadeId: batch.orgId, full: stored.full });
    const flagged = await flagUnitsForReview(tx, analysis.plan.toFlag, ctx.now);
    await insertUnitHistoryBulk(
      tx,
      flagged.map((f) => ({
        unitId: f.unitId,
        summary: { reconciliationId: batch.id, fileName: batch.fileName, reason: f.reason },
      })),
      { kind: 'flag', at: ctx.now, actorId: ctx.actor.accountId, actorName: ctx.actor.displayName },
    );
    const summary: SnapshotImportSummary = {
      type: 'snapshot',
      full: stored.full,
      snapshotRows: analysis.snapshot.rowCount,
      toFlag: analysis.plan.toFlag,
      alreadyFlagged: analysis.plan.alreadyFlagged,
      unknownInRegistry: analysis.unknownInRegistry,
      result: { flagged: flagged.length, committedAt: ctx.now.toISOString() },
    };
    await updateImportBatch(tx, id, { status: 'committed', committedAt: ctx.now, summary });
    await recordAudit(tx, ctx, {
      action: 'reconciliation.commit',
      targetType: 'import_batch',
      targetId: batch.id,
      orgId: batch.orgId,
      summary: {
        fileName: batch.fileName,
        fileSha256: batch.fileSha256,
        full: stored.full,
        snapshotRows: analysis.snapshot.rowCount,
        flagged: flagged.length,
        alreadyFlagged: analysis.plan.alreadyFlagged,
        unknownInRegistry: analysis.unknownInRegistry,
        units: flagged.slice(0, 200).map((f) => f.uscc),
      },
    });
  });
  forgetBatchFile(batch);
  return (await findImportBatch(ctx.db, id))!;
}

import type { StoredImportResult } from '../../domain/import/import-summary.ts';
import type { ImportTable } from '../../domain/import/import-table.ts';
import { localDate } from '../../domain/local-date.ts';
import type { Tx } from '../../db/client.ts';
import { updateUnitCreditGrades } from '../../db/exchange-queries.ts';
import { updateImportBatch, type ImportBatchRecord } from '../../db/import-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { analyzeCreditGradeImport } from './analyze-credit-grade-import.ts';
import { importResult } from './import-result.ts';
import { rowsImportSummary } from './rows-import-summary.ts';

/**
 * The commit of a credit-grade batch inside the caller's transaction: the dry run again, then the refusal or the
 * writes — each changed unit's credit_level, its date and source, one 'credit' entry in the unit's history (from,
 * to, date, source, file and row), and one audit entry with the counts and the changed credit codes.
 */
export async function writeCreditGradeImport(
  tx: Tx,
  ctx: UseCaseContext,
  batch: ImportBatchRecord,
  table: ImportTable,
  mode: 'refuse' | 'skip',
): Promise<StoredImportResult> {
  const { plan, summary } = await analyzeCreditGradeImport(tx, { table, mapping: batch.mapping, today: localDate(ctx.now), scopePath: batch.orgPath });
  const result = importResult(mode, summary.counts, { created: plan.inserts.length, updated: plan.updates.length }, ctx.now);
  const refused = result.status === 'refused';
  if (!refused) {
    await updateUnitCreditGrades(
      tx,
      plan.updates.map((u) => ({
        unitId: u.unitId,
        creditLevel: u.to,
        ratedOn: u.ratedOn,
        source: u.source,
        summary: { from: u.from, to: u.to, ratedOn: u.ratedOn, source: u.source, batchId: batch.id, fileName: batch.fileName, row: u.rowNumber },
      })),
      ctx.actor,
      ctx.now,
    );
  }
  await updateImportBatch(tx, batch.id, { status: result.status, mode, committedAt: ctx.now, summary: rowsImportSummary(table, summary, result) });
  await recordAudit(tx, ctx, {
    action: refused ? 'import.refuse' : 'import.commit',
    targetType: 'import_batch',
    targetId: batch.id,
    orgId: batch.orgId,
    summary: {
      registry: 'credit_grades',
      fileName: batch.fileName,
      fileSha256: batch.fileSha256,
      mode,
      totalRows: summary.totalRows,
      updated: result.updated,
      unchanged: result.unchanged,
      invalid: summary.counts.invalid,
      warnings: summary.counts.warnings,
      invalidRows: summary.invalidRows.slice(0, 20).map((r) => r.rowNumber),
      updatedUsccs: refused ? [] : plan.updates.slice(0, 200).map((u) => `${u.uscc}:${u.from ?? '-'}→${u.to}`),
    },
  });
  return result;
}

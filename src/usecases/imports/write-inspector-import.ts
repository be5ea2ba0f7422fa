import type { ImportTable } from '../../domain/import/import-table.ts';
import { localDate } from '../../domain/local-date.ts';
import type { Tx } from '../../db/client.ts';
import {
  insertImportedInspectors,
  updateImportBatch,
  updateImportedInspector,
  type ImportBatchRecord,
} from '../../db/import-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { importResult } from './import-result.ts';
import { analyzeInspectorImport } from './analyze-inspector-import.ts';
import { rowsImportSummary } from './rows-import-summary.ts';
import type { StoredImportResult } from '../../domain/import/import-summary.ts';

/**
 * The commit of an inspectors batch, inside the caller's transaction: the dry run again, then the refusal
 * or the writes (new inspectors inserted with their post's draw weight, changed ones updated, unchanged ones
 * untouched), and one audit entry with the counts and the changed badge numbers.
 */
export async function writeInspectorImport(
  tx: Tx,
  ctx: UseCaseContext,
  batch: ImportBatchRecord,
  table: ImportTable,
  mode: 'refuse' | 'skip',
): Promise<StoredImportResult> {
  const { plan, summary } = await analyzeInspectorImport(
    tx,
    { table, mapping: batch.mapping, orgId: batch.orgId, today: localDate(ctx.now) },
    ctx.actor,
  );
  const { counts } = summary;
  const result = importResult(mode, counts, { created: plan.inserts.length, updated: plan.updates.length }, ctx.now);
  const refused = result.status === 'refused';
  if (!refused) {
    await insertImportedInspectors(
      tx,
      plan.inserts.map((p) => p.values),
      { orgId: batch.orgId, now: ctx.now },
    );
    for (const update of plan.updates) await updateImportedInspector(tx, update.id, update.values, ctx.now);
  }
  await updateImportBatch(tx, batch.id, {
    status: result.status,
    mode,
    committedAt: ctx.now,
    summary: rowsImportSummary(table, summary, result),
  });
  await recordAudit(tx, ctx, {
    action: refused ? 'import.refuse' : 'import.commit',
    targetType: 'import_batch',
    targetId: batch.id,
    orgId: batch.orgId,
    summary: {
      registry: 'inspectors',
      fileName: batch.fileName,
      fileSha256: batch.fileSha256,
      mode,
      totalRows: summary.totalRows,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      invalid: counts.invalid,
      warnings: counts.warnings,
      invalidRows: summary.invalidRows.slice(0, 20).map((r) => r.rowNumber),
      createdBadges: refused ? [] : plan.inserts.slice(0, 200).map((p) => p.values.badgeNo),
      updatedBadges: refused ? [] : plan.updates.slice(0, 200).map((u) => u.values.badgeNo),
    },
  });
  return result;
}

import type { JsonValue } from '../../domain/canonical-json.ts';
import type { ImportTable } from '../../domain/import/import-table.ts';
import { localDate } from '../../domain/local-date.ts';
import type { Tx } from '../../db/client.ts';
import {
  insertImportedUnits,
  insertUnitHistoryBulk,
  updateImportBatch,
  updateImportedUnits,
  type ImportBatchRecord,
} from '../../db/import-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { importResult } from './import-result.ts';
import { analyzeUnitImport } from './analyze-unit-import.ts';
import { rowsImportSummary } from './rows-import-summary.ts';
import type { StoredImportResult } from '../../domain/import/import-summary.ts';
import { createTimeOrderedUuids } from '../../lib/time-ordered-uuid.ts';

/** Imported units' ids in the order they are written: appended to the primary key's index (decision 0031). */
const nextUnitId = createTimeOrderedUuids();

/**
 * The commit of a units batch, inside the caller's transaction: the dry run again against the registry as
 * it is now, then either the refusal (refuse mode with an invalid row: nothing written but the batch's
 * status) or the writes — new units inserted, changed ones updated, unchanged ones untouched (no timestamp
 * moves), one 'import' history entry per written unit — and one audit entry with the counts.
 */
export async function writeUnitImport(
  tx: Tx,
  ctx: UseCaseContext,
  batch: ImportBatchRecord,
  table: ImportTable,
  mode: 'refuse' | 'skip',
): Promise<StoredImportResult> {
  const brigade = { id: batch.orgId, divisionCode: batch.orgDivisionCode };
  const { plan, summary } = await analyzeUnitImport(tx, { table, mapping: batch.mapping, brigade }, ctx.actor);
  const { counts } = summary;
  const result = importResult(mode, counts, plan, ctx.now);
  const refused = result.status === 'refused';

  if (!refused) {
    const today = localDate(ctx.now);
    const reason = (rowNumber: number) => `批量导入：${batch.fileName} 第 ${rowNumber} 行`;
    const source = { importId: batch.id, fileName: batch.fileName };
    const actor = { actorId: ctx.actor.accountId, actorName: ctx.actor.displayName };
    const unitOf = (p: (typeof plan.inserts)[number]) => ({
      id: nextUnitId(),
      values: p.values,
      statusReason: p.values.status === 'active' ? null : reason(p.rowNumber),
      rowNumber: p.rowNumber,
    });
    await insertImportedUnits(tx, plan.inserts, unitOf, {
      brigadeId: batch.orgId,
      source: 'market_regulation',
      now: ctx.now,
      today,
      history: { ...source, ...actor },
    });
    await updateImportedUnits(
      tx,
      plan.updates.map((u) => ({
        id: u.id,
        rowNumber: u.rowNumber,
        values: u.values,
        statusReason: u.statusChanged ? reason(u.rowNumber) : null,
      })),
      { now: ctx.now, today },
    );
    await insertUnitHistoryBulk(
      tx,
      plan.updates.map((u) => ({
        unitId: u.id,
        summary: {
          ...source,
          rowNumber: u.rowNumber,
          changes: Object.fromEntries(
            u.changes.map((c) => [c.field, [(c.from ?? null) as JsonValue, (c.to ?? null) as JsonValue]]),
          ),
        },
      })),
      { ...actor, at: ctx.now, kind: 'import' },
    );
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
      registry: 'units',
      fileName: batch.fileName,
      fileSha256: batch.fileSha256,
      mode,
      totalRows: summary.totalRows,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      invalid: counts.invalid,
      warnings: counts.warnings,
      // The first rows that were left out, so the entry alone says where to look.
      invalidRows: summary.invalidRows.slice(0, 20).map((r) => r.rowNumber),
    },
  });
  return result;
}

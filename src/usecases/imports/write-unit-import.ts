import type { JsonValue } from '../../domain/canonical-json.ts';
import type { ImportTable } from '../../domain/import/import-table.ts';
import { localDate } from '../../domain/local-date.ts';
import type { Tx } from '../../db/client.ts';
import {
  importedUnitInserts,
  importedUnitUpdates,
  statementQueue,
  unitHistoryInserts,
  updateImportBatch,
  type ImportBatchRecord,
} from '../../db/import-queries.ts';
import type { UnitInsertPlan, UnitUpdatePlan } from '../../domain/import/classify-unit-import.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { importResult } from './import-result.ts';
import { analyzeUnitImport } from './analyze-unit-import.ts';
import { rowsImportSummary } from './rows-import-summary.ts';
import type { StoredImportResult } from '../../domain/import/import-summary.ts';
import { createTimeOrderedUuids } from '../../lib/time-ordered-uuid.ts';

/** Imported units' ids in the order they are written: appended to the primary key's index (decision 0031). */
const nextUnitId = createTimeOrderedUuids();

/** Thrown inside the savepoint of a refuse-mode commit to take back what was written before an invalid row. */
const REFUSED = Symbol('refused');

/**
 * The commit of a units batch, inside the caller's transaction: the dry run again against the registry as
 * it is now, then either the refusal (refuse mode with an invalid row: nothing written but the batch's
 * status) or the writes — new units inserted, changed ones updated, unchanged ones untouched (no timestamp
 * moves), one 'import' history entry per written unit — and one audit entry with the counts.
 *
 * The writes start with the dry run's first classified slice and go on while the rest is classified (decision 0031):
 * the database writes while this thread classifies. Refuse mode knows before the first write whether any row is
 * invalid (countInvalidRows) and then writes nothing; its writes still run in a savepoint, taken back should the
 * classification find an invalid row that count did not (the dry run reads to the end either way, for the report).
 */
export async function writeUnitImport(
  tx: Tx,
  ctx: UseCaseContext,
  batch: ImportBatchRecord,
  table: ImportTable,
  mode: 'refuse' | 'skip',
): Promise<StoredImportResult> {
  const brigade = { id: batch.orgId, divisionCode: batch.orgDivisionCode };
  const analyzeAndWrite = async (db: Tx) => {
    const writes = unitImportWrites(db, ctx, batch);
    let refused = false;
    const analysis = await analyzeUnitImport(
      db,
      {
        table,
        mapping: batch.mapping,
        brigade,
        onPlan: async (part, invalid) => {
          if (mode === 'refuse' && invalid > 0) refused = true;
          if (!refused) await writes.add(part);
        },
      },
      ctx.actor,
    );
    // Refused: what was sent is taken back with the savepoint; its outcome, whatever it is, no longer matters.
    if (refused) await writes.settle();
    else await writes.finish();
    return { summary: analysis.summary, written: writes.written(), refused };
  };

  let outcome: Awaited<ReturnType<typeof analyzeAndWrite>>;
  if (mode === 'skip') {
    outcome = await analyzeAndWrite(tx);
  } else {
    let kept: typeof outcome | null = null;
    try {
      await tx.transaction(async (savepoint) => {
        kept = await analyzeAndWrite(savepoint);
        if (kept.refused) throw REFUSED;
      });
    } catch (e) {
      if (e !== REFUSED) throw e;
    }
    outcome = kept!;
  }
  const { summary } = outcome;
  const { counts } = summary;
  const result = importResult(mode, counts, outcome.written, ctx.now);
  const refused = result.status === 'refused';

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

/**
 * The writes of a units commit, given a part of the plan at a time, on one statement queue: new units with their
 * history entries, changed units, then the changed units' history entries (each in chunks as they fill).
 */
function unitImportWrites(tx: Tx, ctx: UseCaseContext, batch: ImportBatchRecord) {
  const today = localDate(ctx.now);
  const reason = (rowNumber: number) => `批量导入：${batch.fileName} 第 ${rowNumber} 行`;
  const source = { importId: batch.id, fileName: batch.fileName };
  const actor = { actorId: ctx.actor.accountId, actorName: ctx.actor.displayName };
  const queue = statementQueue(tx);
  const inserts = importedUnitInserts(
    queue,
    (p: UnitInsertPlan) => ({
      id: nextUnitId(),
      values: p.values,
      statusReason: p.values.status === 'active' ? null : reason(p.rowNumber),
      rowNumber: p.rowNumber,
    }),
    { brigadeId: batch.orgId, source: 'market_regulation', now: ctx.now, today, history: { ...source, ...actor } },
  );
  const updates = importedUnitUpdates(queue, { now: ctx.now, today });
  const history = unitHistoryInserts(queue, { ...actor, at: ctx.now, kind: 'import' });
  return {
    async add(part: { inserts: readonly UnitInsertPlan[]; updates: readonly UnitUpdatePlan[] }): Promise<void> {
      await inserts.add(part.inserts);
      await updates.add(
        part.updates.map((u) => ({
          id: u.id,
          rowNumber: u.rowNumber,
          values: u.values,
          statusReason: u.statusChanged ? reason(u.rowNumber) : null,
        })),
      );
      await history.add(
        part.updates.map((u) => ({
          unitId: u.id,
          summary: {
            ...source,
            rowNumber: u.rowNumber,
            changes: Object.fromEntries(
              u.changes.map((c) => [c.field, [(c.from ?? null) as JsonValue, (c.to ?? null) as JsonValue]]),
            ),
          },
        })),
      );
    },
    async finish(): Promise<void> {
      await inserts.flush();
      await updates.flush();
      await history.flush();
      await queue.done();
    },
    settle: (): Promise<void> => queue.done().catch(() => undefined),
    written: () => ({ created: inserts.count, updated: updates.count }),
  };
}

import { DomainError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  analyzeUnitTables,
  findImportBatch,
  lockImportBatch,
  type ImportBatchRecord,
} from '../../db/import-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadImportBatch } from './load-import-batch.ts';
import { forgetBatchFile, readBatchFile } from './read-import-file.ts';
import { writeInspectorImport } from './write-inspector-import.ts';
import { writeUnitImport } from './write-unit-import.ts';
import { writeCreditGradeImport } from './write-credit-grade-import.ts';

/** Written units from which the planner's statistics are refreshed after the commit. */
const BULK_WRITE = 1_000;

const alreadyDone = (status: ImportBatchRecord['status'] | undefined) =>
  new DomainError(
    'CONFLICT',
    `该批次${status === 'refused' ? '已被拒绝' : status === 'discarded' ? '已放弃' : '已导入'}，不能重复提交`,
  );

/**
 * Commits a previewed units, inspectors or credit-grade batch in ONE transaction. mode 'refuse': any invalid row refuses
 * the whole file and nothing is written but the batch's status; mode 'skip': exactly the valid rows are
 * written. The file is read again from the stored bytes (outside the transaction: PGlite has one
 * connection) and the dry run is repeated inside it, so what is written matches the registry at commit time.
 */
export async function commitImport(ctx: UseCaseContext, id: string, mode: 'refuse' | 'skip'): Promise<ImportBatchRecord> {
  const batch = await loadImportBatch(ctx, id, { permission: 'registry.manage', kinds: ['units', 'inspectors', 'credit_grades'] });
  if (batch.status !== 'previewed') throw alreadyDone(batch.status);
  const table = await readBatchFile(ctx.db, batch);
  try {
    const result = await ctx.db.transaction(async (tx) => {
      const status = await lockImportBatch(tx, id);
      if (status !== 'previewed') throw alreadyDone(status);
      if (batch.kind === 'credit_grades') return writeCreditGradeImport(tx, ctx, batch, table, mode);
      return batch.kind === 'units'
        ? writeUnitImport(tx, ctx, batch, table, mode)
        : writeInspectorImport(tx, ctx, batch, table, mode);
    });
    forgetBatchFile(batch);
    if (batch.kind === 'units' && result.created + result.updated >= BULK_WRITE) await analyzeUnitTables(ctx.db);
  } catch (e) {
    if (isUniqueViolation(e, 'units_uscc_key') || isUniqueViolation(e, 'inspectors_badge_no_key')) {
      throw new DomainError('CONFLICT', '提交期间有人登记了文件中的单位或人员，未导入任何数据；请重新打开预览后再提交');
    }
    throw e;
  }
  return (await findImportBatch(ctx.db, id))!;
}

import { applyMappingChanges } from '../../domain/import/column-mapping.ts';
import { INSPECTOR_IMPORT_SPEC } from '../../domain/import/inspector-import-fields.ts';
import { UNIT_IMPORT_SPEC } from '../../domain/import/unit-import-spec.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { findImportBatch, updateImportBatch, type ImportBatchRecord } from '../../db/import-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { analyzeInspectorImport } from './analyze-inspector-import.ts';
import { analyzeUnitImport } from './analyze-unit-import.ts';
import { analyzeCreditGradeImport } from './analyze-credit-grade-import.ts';
import { CREDIT_GRADE_SPEC } from '../../domain/import/credit-grade-import.ts';
import { loadImportBatch } from './load-import-batch.ts';
import { readBatchFile } from './read-import-file.ts';
import { rowsImportSummary } from './rows-import-summary.ts';

const ALREADY_DONE = () => new DomainError('CONFLICT', '该批次已提交，不能再修改列映射；如需调整请重新上传文件');

/**
 * Changes which column fills which field (see applyMappingChanges) and recomputes the dry run from the
 * stored file. Only while the batch is still a preview.
 */
export async function updateImportMapping(
  ctx: UseCaseContext,
  id: string,
  changes: Readonly<Record<string, string | null>>,
): Promise<ImportBatchRecord> {
  const batch = await loadImportBatch(ctx, id, { permission: 'registry.manage', kinds: ['units', 'inspectors', 'credit_grades'] });
  if (batch.status !== 'previewed') throw ALREADY_DONE();
  const table = await readBatchFile(ctx.db, batch);
  if (batch.kind === 'credit_grades') {
    const mapping = applyMappingChanges(batch.mapping, changes, table.headers.length, CREDIT_GRADE_SPEC);
    const analysis = await analyzeCreditGradeImport(ctx.db, { table, mapping, today: localDate(ctx.now), scopePath: batch.orgPath });
    if (!(await updateImportBatch(ctx.db, id, { mapping, summary: rowsImportSummary(table, analysis.summary, null) }, 'previewed'))) throw ALREADY_DONE();
    return (await findImportBatch(ctx.db, id))!;
  }
  const mapping =
    batch.kind === 'units'
      ? applyMappingChanges(batch.mapping, changes, table.headers.length, UNIT_IMPORT_SPEC)
      : applyMappingChanges(batch.mapping, changes, table.headers.length, INSPECTOR_IMPORT_SPEC);
  const analysis =
    batch.kind === 'units'
      ? await analyzeUnitImport(
          ctx.db,
          { table, mapping, brigade: { id: batch.orgId, divisionCode: batch.orgDivisionCode }, plan: false },
          ctx.actor,
        )
      : await analyzeInspectorImport(ctx.db, { table, mapping, orgId: batch.orgId, today: localDate(ctx.now) }, ctx.actor);
  const updated = await updateImportBatch(
    ctx.db,
    id,
    { mapping, summary: rowsImportSummary(table, analysis.summary, null) },
    'previewed',
  );
  if (!updated) throw ALREADY_DONE();
  return (await findImportBatch(ctx.db, id))!;
}

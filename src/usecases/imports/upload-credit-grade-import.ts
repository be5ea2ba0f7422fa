import { localDate } from '../../domain/local-date.ts';
import { findImportBatch, insertImportBatch, type ImportBatchRecord } from '../../db/import-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { analyzeCreditGradeImport } from './analyze-credit-grade-import.ts';
import { baseFileName, fileDigest } from './file-digest.ts';
import { readImportFile } from './read-import-file.ts';
import { rowsImportSummary } from './rows-import-summary.ts';

export type UploadCreditGradeImportInput = { orgId: string; fileName: string; bytes: Uint8Array };

/**
 * Stores an uploaded credit-grade file (信用等级导入, decision 0027) for an org of the actor's subtree and returns its
 * dry run (status 'previewed'), through the registry import pipeline. Nothing is written to the units.
 */
export async function uploadCreditGradeImport(ctx: UseCaseContext, input: UploadCreditGradeImportInput): Promise<ImportBatchRecord> {
  requirePermission(ctx.actor, 'registry.manage');
  const org = await requireOrgInScope(ctx, ctx.db, input.orgId, { name: 'orgId', label: '所属机构' });
  const fileName = baseFileName(input.fileName);
  const fileSha256 = fileDigest(input.bytes);
  const table = await readImportFile(input.bytes, fileName, fileSha256);
  const analysis = await analyzeCreditGradeImport(ctx.db, { table, mapping: null, today: localDate(ctx.now), scopePath: org.path });
  const id = await insertImportBatch(ctx.db, {
    kind: 'credit_grades',
    orgId: org.id,
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

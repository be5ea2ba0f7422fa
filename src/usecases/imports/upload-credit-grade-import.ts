import { localDate } from '../../domain/local-date.ts';
import type { ImportBatchRecord } from '../../db/import-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { storeUploadedFile } from './store-uploaded-file.ts';
import { analyzeCreditGradeImport } from './analyze-credit-grade-import.ts';

export type UploadCreditGradeImportInput = { orgId: string; fileName: string; bytes: Uint8Array };

/**
 * Stores an uploaded credit-grade file (信用等级导入, decision 0027) for an org of the actor's subtree and returns its
 * dry run (status 'previewed'), through the registry import pipeline. Nothing is written to the units.
 */
export async function uploadCreditGradeImport(
  ctx: UseCaseContext,
  input: UploadCreditGradeImportInput,
): Promise<ImportBatchRecord> {
  requirePermission(ctx.actor, 'registry.manage');
  const org = await requireOrgInScope(ctx, ctx.db, input.orgId, { name: 'orgId', label: '所属机构' });
  return storeUploadedFile(ctx, 'credit_grades', org.id, input, (table) =>
    analyzeCreditGradeImport(ctx.db, { table, mapping: null, today: localDate(ctx.now), scopePath: org.path }),
  );
}

import { localDate } from '../../domain/local-date.ts';
import type { ImportBatchRecord } from '../../db/import-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { storeUploadedFile } from './store-uploaded-file.ts';
import { analyzeInspectorImport } from './analyze-inspector-import.ts';

export type UploadInspectorImportInput = { orgId: string; fileName: string; bytes: Uint8Array };

/**
 * Stores an uploaded inspectors file for an org of the actor's subtree and returns its dry run (status
 * 'previewed'). Nothing is written to the registry; an unreadable file is refused before anything is stored.
 */
export async function uploadInspectorImport(ctx: UseCaseContext, input: UploadInspectorImportInput): Promise<ImportBatchRecord> {
  requirePermission(ctx.actor, 'registry.manage');
  const org = await requireOrgInScope(ctx, ctx.db, input.orgId, { name: 'orgId', label: '所属机构' });

  return storeUploadedFile(ctx, 'inspectors', org.id, input, (table) =>
    analyzeInspectorImport(ctx.db, { table, mapping: null, orgId: org.id, today: localDate(ctx.now) }, ctx.actor),
  );
}

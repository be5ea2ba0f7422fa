import type { ImportBatchRecord } from '../../db/import-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadImportBatch } from './load-import-batch.ts';

/** A units or inspectors batch with its latest dry run (and result, once committed or refused). */
export async function getImportPreview(ctx: UseCaseContext, id: string): Promise<ImportBatchRecord> {
  return loadImportBatch(ctx, id, { permission: 'registry.read', kinds: ['units', 'inspectors', 'credit_grades'] });
}

import type { StoredImportResult } from '../../domain/import/import-summary.ts';

/**
 * The outcome of committing a dry run: refuse mode with any invalid row writes nothing; otherwise the new
 * and changed rows are written and the invalid ones skipped. Shared by the unit and inspector imports.
 */
export function importResult(
  mode: 'refuse' | 'skip',
  counts: { invalid: number; unchanged: number },
  /** What is (or would be) written: the plan's rows, or their counts. */
  plan: { inserts: { readonly length: number }; updates: { readonly length: number } },
  now: Date,
): StoredImportResult {
  const refused = mode === 'refuse' && counts.invalid > 0;
  return {
    status: refused ? 'refused' : 'committed',
    mode,
    created: refused ? 0 : plan.inserts.length,
    updated: refused ? 0 : plan.updates.length,
    unchanged: refused ? 0 : counts.unchanged,
    skipped: counts.invalid,
    committedAt: now.toISOString(),
  };
}

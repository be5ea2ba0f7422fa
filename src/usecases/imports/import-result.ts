import type { StoredImportResult } from '../../domain/import/import-summary.ts';

/**
 * The outcome of committing a dry run: refuse mode with any invalid row writes nothing; otherwise the new
 * and changed rows are written and the invalid ones skipped. Shared by the unit and inspector imports.
 */
export function importResult(
  mode: 'refuse' | 'skip',
  counts: { invalid: number; unchanged: number },
  /** How many units or people are (or would be) created and updated. */
  written: { created: number; updated: number },
  now: Date,
): StoredImportResult {
  const refused = mode === 'refuse' && counts.invalid > 0;
  return {
    status: refused ? 'refused' : 'committed',
    mode,
    created: refused ? 0 : written.created,
    updated: refused ? 0 : written.updated,
    unchanged: refused ? 0 : counts.unchanged,
    skipped: counts.invalid,
    committedAt: now.toISOString(),
  };
}

import type { ImportCounts, ImportProblemRow, ImportRowResult } from './import-outcome.ts';
import type { FlagProposal } from './reconcile-market-snapshot.ts';

/**
 * What import_batches.summary holds for a units or inspectors file: the latest dry run (at upload, after
 * each re-mapping, and the one the commit acted on) and, once committed or refused, the result.
 */
export type RowsImportSummary = {
  type: 'rows';
  format: 'xlsx' | 'csv';
  sheetName: string | null;
  headers: string[];
  totalRows: number;
  counts: ImportCounts;
  rows: ImportRowResult[];
  rowsTruncated: boolean;
  /** Every invalid row, for the report. Large: loaded only when the report is built. */
  invalidRows: ImportProblemRow[];
  result: StoredImportResult | null;
};

export type StoredImportResult = {
  status: 'committed' | 'refused';
  mode: 'refuse' | 'skip';
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  committedAt: string;
};

/** What import_batches.summary holds for a market-regulation snapshot. */
export type SnapshotImportSummary = {
  type: 'snapshot';
  full: boolean;
  snapshotRows: number;
  toFlag: FlagProposal[];
  alreadyFlagged: number;
  unknownInRegistry: number;
  result: { flagged: number; committedAt: string } | null;
};

export type ImportBatchSummary = RowsImportSummary | SnapshotImportSummary;

/** The summary of a units or inspectors batch. A market-snapshot summary here is a programming error. */
export function rowsSummaryOf(batch: { id: string; summary: ImportBatchSummary }): RowsImportSummary {
  if (batch.summary.type !== 'rows') throw new Error(`import batch ${batch.id} holds a ${batch.summary.type} summary, not rows`);
  return batch.summary;
}

/** The summary of a market-snapshot batch. A rows summary here is a programming error. */
export function snapshotSummaryOf(batch: { id: string; summary: ImportBatchSummary }): SnapshotImportSummary {
  if (batch.summary.type !== 'snapshot')
    throw new Error(`import batch ${batch.id} holds a ${batch.summary.type} summary, not a snapshot`);
  return batch.summary;
}

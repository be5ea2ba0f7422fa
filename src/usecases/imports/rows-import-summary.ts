import type { ImportSummary } from '../../domain/import/import-outcome.ts';
import type { ImportTable } from '../../domain/import/import-table.ts';
import type { RowsImportSummary, StoredImportResult } from '../../domain/import/import-summary.ts';

/** What a units or inspectors batch stores as its summary: the file's shape, the dry run, the result. */
export function rowsImportSummary(
  table: ImportTable,
  summary: ImportSummary,
  result: StoredImportResult | null,
): RowsImportSummary {
  return {
    type: 'rows',
    format: table.format,
    sheetName: table.sheetName,
    headers: table.headers,
    totalRows: summary.totalRows,
    counts: summary.counts,
    rows: summary.rows,
    rowsTruncated: summary.rowsTruncated,
    invalidRows: summary.invalidRows,
    result,
  };
}

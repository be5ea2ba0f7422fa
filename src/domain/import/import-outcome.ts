/**
 * The dry-run result of an import, row by row, and its summary: counts, the rows worth showing, and every
 * row that cannot be imported (for the downloadable report). Shared by the unit and inspector imports.
 */

/** new: not in the registry; changed: in it, with differences; unchanged: in it, identical; invalid: cannot be imported. */
export type ImportRowOutcome = 'new' | 'changed' | 'unchanged' | 'invalid';

/** One field that importing the row would change, as display text. */
export type ImportDiffEntry = { field: string; label: string; before: string | null; after: string | null };

export type ImportRowResult = {
  rowNumber: number;
  outcome: ImportRowOutcome;
  /** The row's key as read: the credit code of a unit, the badge number of an inspector. */
  key: string | null;
  name: string | null;
  /** Chinese messages naming the row and the field; non-empty exactly when the outcome is invalid. */
  errors: string[];
  warnings: string[];
  diff: ImportDiffEntry[];
  /** Invalid because an earlier row of the file has the same key. */
  duplicateInFile: boolean;
  /** Looks like another unit or person (same name and address, same certificate …): for a person to judge. */
  probableDuplicate: boolean;
};

/**
 * A prepared row's result before it is classified against the registry: invalid until a step decides otherwise, with
 * the row's own errors and warnings (copied: classification adds to them).
 */
export function pendingRowResult(row: {
  rowNumber: number;
  key: string | null;
  name: string | null;
  errors: readonly string[];
  warnings: readonly string[];
  duplicateInFile: boolean;
  probableDuplicate?: boolean;
}): ImportRowResult {
  return {
    rowNumber: row.rowNumber,
    outcome: 'invalid',
    key: row.key,
    name: row.name,
    errors: [...row.errors],
    warnings: [...row.warnings],
    diff: [],
    duplicateInFile: row.duplicateInFile,
    probableDuplicate: row.probableDuplicate ?? false,
  };
}

export type ImportCounts = Record<ImportRowOutcome, number> & {
  /** Rows with at least one warning. */
  warnings: number;
  duplicatesInFile: number;
  probableDuplicates: number;
};

/** A row that was (or would be) left out, and why: one line of the report. */
export type ImportProblemRow = { rowNumber: number; key: string | null; name: string | null; problems: string[] };

/** The preview lists at most this many rows; the report lists every invalid row. */
export const PREVIEW_ROW_LIMIT = 500;

export type ImportSummary = {
  totalRows: number;
  counts: ImportCounts;
  /** Invalid rows, then rows with warnings, then changed rows, then new rows, each by row number; at most 500. */
  rows: ImportRowResult[];
  rowsTruncated: boolean;
  invalidRows: ImportProblemRow[];
};

export function summarizeImportRows(results: readonly ImportRowResult[]): ImportSummary {
  const summarizer = createImportSummarizer();
  summarizer.add(results);
  return summarizer.finish();
}

/**
 * summarizeImportRows over rows given a part at a time (in any order), keeping only what the summary needs: the
 * counts, every invalid row as a line of the report, and the 500 lowest-numbered rows of each listed group. A caller
 * classifying 100,000 rows in slices need not hold a result object for each of them (decision 0031).
 *
 * `complete` finishes each row the summary lists (at most 500), when the summary is made: a caller can leave work
 * that only a listed row shows (the field-by-field diff of the units import) until then, instead of doing it for
 * every row of the file. Counts and the report read only what `add` is given.
 */
export function createImportSummarizer<R extends ImportRowResult = ImportRowResult>(
  complete: (row: R) => ImportRowResult = (row) => row,
): { add(results: readonly R[]): void; finish(): ImportSummary } {
  const counts: ImportCounts = {
    new: 0,
    changed: 0,
    unchanged: 0,
    invalid: 0,
    warnings: 0,
    duplicatesInFile: 0,
    probableDuplicates: 0,
  };
  let totalRows = 0;
  let listedRows = 0;
  // Invalid rows, rows with warnings, changed rows, new rows: the lowest-numbered PREVIEW_ROW_LIMIT of each (at most
  // twice that between two trims).
  const groups: R[][] = [[], [], [], []];
  const invalidRows: ImportProblemRow[] = [];
  const byRowNumber = (a: { rowNumber: number }, b: { rowNumber: number }) => a.rowNumber - b.rowNumber;
  return {
    add(results) {
      for (const row of results) {
        totalRows++;
        counts[row.outcome]++;
        if (row.warnings.length > 0) counts.warnings++;
        if (row.duplicateInFile) counts.duplicatesInFile++;
        if (row.probableDuplicate) counts.probableDuplicates++;
        const group =
          row.outcome === 'invalid'
            ? 0
            : row.warnings.length > 0
              ? 1
              : row.outcome === 'changed'
                ? 2
                : row.outcome === 'new'
                  ? 3
                  : -1;
        if (group < 0) continue;
        listedRows++;
        if (group === 0) invalidRows.push({ rowNumber: row.rowNumber, key: row.key, name: row.name, problems: row.errors });
        const kept = groups[group]!;
        kept.push(row);
        if (kept.length >= 2 * PREVIEW_ROW_LIMIT) kept.sort(byRowNumber).length = PREVIEW_ROW_LIMIT;
      }
    },
    finish() {
      const listed = groups.flatMap((g) => g.sort(byRowNumber).slice(0, PREVIEW_ROW_LIMIT));
      return {
        totalRows,
        counts,
        rows: listed.slice(0, PREVIEW_ROW_LIMIT).map(complete),
        rowsTruncated: listedRows > PREVIEW_ROW_LIMIT,
        invalidRows: invalidRows.sort(byRowNumber),
      };
    },
  };
}

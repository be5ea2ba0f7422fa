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
  const counts: ImportCounts = {
    new: 0,
    changed: 0,
    unchanged: 0,
    invalid: 0,
    warnings: 0,
    duplicatesInFile: 0,
    probableDuplicates: 0,
  };
  const groups: ImportRowResult[][] = [[], [], [], []];
  for (const row of results) {
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
    if (group >= 0) groups[group]!.push(row);
  }
  const listed = groups.flatMap((g) => g.sort((a, b) => a.rowNumber - b.rowNumber));
  return {
    totalRows: results.length,
    counts,
    rows: listed.slice(0, PREVIEW_ROW_LIMIT),
    rowsTruncated: listed.length > PREVIEW_ROW_LIMIT,
    invalidRows: groups[0]!.map((r) => ({ rowNumber: r.rowNumber, key: r.key, name: r.name, problems: r.errors })),
  };
}

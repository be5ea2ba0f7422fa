import { describe, expect, it } from 'vitest';
import { createImportSummarizer, summarizeImportRows, type ImportRowOutcome, type ImportRowResult } from './import-outcome.ts';

/** Row n: every 97th invalid, every 5th with a warning, every 3rd changed, every 11th unchanged, the rest new. */
function result(n: number): ImportRowResult {
  const outcome: ImportRowOutcome = n % 97 === 0 ? 'invalid' : n % 3 === 0 ? 'changed' : n % 11 === 0 ? 'unchanged' : 'new';
  return {
    rowNumber: n,
    outcome,
    key: `K${n}`,
    name: `单位${n}`,
    errors: outcome === 'invalid' ? [`第 ${n} 行：错误`] : [],
    warnings: n % 5 === 0 ? [`第 ${n} 行：提醒`] : [],
    diff: [],
    duplicateInFile: n % 49 === 0,
    probableDuplicate: n % 13 === 0,
  };
}

/** The summary as first written: every row kept, each group sorted, the first 500 listed. */
function referenceSummary(results: readonly ImportRowResult[]) {
  const groupOf = (r: ImportRowResult) =>
    r.outcome === 'invalid' ? 0 : r.warnings.length > 0 ? 1 : r.outcome === 'changed' ? 2 : r.outcome === 'new' ? 3 : -1;
  const listed = [0, 1, 2, 3].flatMap((g) => results.filter((r) => groupOf(r) === g).sort((a, b) => a.rowNumber - b.rowNumber));
  return {
    totalRows: results.length,
    counts: {
      new: results.filter((r) => r.outcome === 'new').length,
      changed: results.filter((r) => r.outcome === 'changed').length,
      unchanged: results.filter((r) => r.outcome === 'unchanged').length,
      invalid: results.filter((r) => r.outcome === 'invalid').length,
      warnings: results.filter((r) => r.warnings.length > 0).length,
      duplicatesInFile: results.filter((r) => r.duplicateInFile).length,
      probableDuplicates: results.filter((r) => r.probableDuplicate).length,
    },
    rows: listed.slice(0, 500),
    rowsTruncated: listed.length > 500,
    invalidRows: listed
      .filter((r) => r.outcome === 'invalid')
      .map((r) => ({ rowNumber: r.rowNumber, key: r.key, name: r.name, problems: r.errors })),
  };
}

describe('createImportSummarizer', () => {
  const results = Array.from({ length: 5_000 }, (_, i) => result(i + 2));

  it('gives the summary of all rows at once when fed slices in file order', () => {
    const summarizer = createImportSummarizer();
    for (let i = 0; i < results.length; i += 700) summarizer.add(results.slice(i, i + 700));
    expect(summarizer.finish()).toEqual(referenceSummary(results));
    expect(summarizeImportRows(results)).toEqual(referenceSummary(results));
  });

  it('gives the same summary whatever the order of the rows', () => {
    const shuffled = [...results].sort((a, b) => ((a.rowNumber * 7919) % 5003) - ((b.rowNumber * 7919) % 5003));
    const summarizer = createImportSummarizer();
    for (let i = 0; i < shuffled.length; i += 333) summarizer.add(shuffled.slice(i, i + 333));
    expect(summarizer.finish()).toEqual(referenceSummary(results));
  });

  it('lists invalid rows first, then rows with warnings, then changes, then new rows, at most 500', () => {
    const summary = summarizeImportRows(results);
    expect(summary.rows).toHaveLength(500);
    expect(summary.rowsTruncated).toBe(true);
    expect(summary.rows[0]).toMatchObject({ rowNumber: 97, outcome: 'invalid' });
    expect(summary.rows[51]).toMatchObject({ rowNumber: 5, outcome: 'new', warnings: ['第 5 行：提醒'] });
  });

  it('completes only the rows it lists, and gives the summary the completed rows would give', () => {
    const diffOf = (r: ImportRowResult) => [{ field: 'name', label: '单位名称', before: null, after: r.name }];
    const completed: number[] = [];
    const summarizer = createImportSummarizer((r: ImportRowResult) => {
      completed.push(r.rowNumber);
      return { ...r, diff: diffOf(r) };
    });
    for (let i = 0; i < results.length; i += 700) summarizer.add(results.slice(i, i + 700));
    const summary = summarizer.finish();
    expect(completed).toHaveLength(500);
    expect(summary).toEqual(summarizeImportRows(results.map((r) => ({ ...r, diff: diffOf(r) }))));
  });
});

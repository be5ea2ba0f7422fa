/**
 * Which column of an import file fills which field. A mapping is stored with the upload as
 * `{ "<column index>": field | null }` for every column, starts from the recognised headers and is then
 * corrected by the user. The same rules serve every kind of import (units, inspectors, snapshots).
 */
import { DomainError } from '../errors.ts';
import { normalizeHeader } from './recognize-headers.ts';

/** Column index (0-based, as a string key, as JSON stores it) → field, or null for an ignored column. */
export type ColumnMapping = Record<string, string | null>;

export type ImportFieldSpec<F extends string> = {
  fields: readonly F[];
  labels: Readonly<Record<F, string>>;
  required: readonly F[];
};

export type FieldColumn<F extends string> = { index: number; field: F };

/** A full mapping for `columnCount` columns from the recognised columns; the others are ignored. */
export function mappingFromColumns(columnCount: number, mapped: readonly FieldColumn<string>[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (let i = 0; i < columnCount; i++) mapping[String(i)] = null;
  for (const { index, field } of mapped) if (index < columnCount) mapping[String(index)] = field;
  return mapping;
}

/**
 * The mapped columns in column order, keeping only fields of `spec` (a stored mapping is trusted, but a
 * field that a later version no longer knows is ignored rather than crashing the preview).
 */
export function mappedColumns<F extends string>(mapping: ColumnMapping, spec: ImportFieldSpec<F>): FieldColumn<F>[] {
  const known = new Set<string>(spec.fields);
  return Object.entries(mapping)
    .filter((entry): entry is [string, F] => entry[1] !== null && known.has(entry[1]))
    .map(([index, field]) => ({ index: Number(index), field }))
    .sort((a, b) => a.index - b.index);
}

/** Required fields of `spec` that no column fills, in the order of `spec.required`. */
export function missingRequiredFields<F extends string>(mapping: ColumnMapping, spec: ImportFieldSpec<F>): F[] {
  const filled = new Set(mappedColumns(mapping, spec).map((c) => c.field));
  return spec.required.filter((f) => !filled.has(f));
}

/**
 * Applies the user's changes to a mapping. Each change sets one column's field (or null to ignore it);
 * columns not mentioned keep theirs, except that a column whose field the user has just given to another
 * column is cleared: choosing 单位名称 for column 3 moves it there from column 1. Refuses, with a Chinese
 * message, a column that does not exist, a field the import does not know and one field given to two
 * columns in the same request.
 */
export function applyMappingChanges<F extends string>(
  current: ColumnMapping,
  changes: Readonly<Record<string, string | null>>,
  columnCount: number,
  spec: ImportFieldSpec<F>,
): ColumnMapping {
  const known = new Set<string>(spec.fields);
  const assigned = new Map<string, number>();
  for (const [key, field] of Object.entries(changes)) {
    const index = Number(key);
    if (!/^[0-9]+$/.test(key) || index >= columnCount) {
      throw new DomainError('VALIDATION_FAILED', `列映射：第 ${index + 1} 列不存在（文件共 ${columnCount} 列）`, {
        field: 'mapping',
      });
    }
    if (field === null) continue;
    if (!known.has(field))
      throw new DomainError('VALIDATION_FAILED', `列映射：「${field}」不是可导入的字段`, { field: 'mapping' });
    const other = assigned.get(field);
    if (other !== undefined) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `列映射：「${spec.labels[field as F]}」同时指定给了第 ${other + 1} 列和第 ${index + 1} 列，每个字段只能对应一列`,
        { field: 'mapping' },
      );
    }
    assigned.set(field, index);
  }
  const next = mappingFromColumns(columnCount, []);
  for (const [key, field] of Object.entries(current)) {
    if (key in next && field !== null && !assigned.has(field)) next[key] = field;
  }
  for (const [key, field] of Object.entries(changes)) next[String(Number(key))] = field;
  return next;
}

/**
 * Recognises headers against a synonym table (best synonym first per field), as recognizeHeaders does for
 * units: headers are compared after normalizeHeader; each field goes to the best-ranked, then leftmost
 * column; other columns are left for the user to map.
 */
export function recognizeColumns<F extends string>(
  headers: readonly string[],
  synonyms: Readonly<Record<F, readonly string[]>>,
): FieldColumn<F>[] {
  const index = new Map<string, { field: F; rank: number }>();
  for (const field of Object.keys(synonyms) as F[]) {
    synonyms[field].forEach((synonym, rank) => {
      const key = normalizeHeader(synonym);
      if (!index.has(key)) index.set(key, { field, rank });
    });
  }
  const best = new Map<F, { column: number; rank: number }>();
  headers.forEach((header, column) => {
    const normalized = normalizeHeader(header);
    if (normalized === '') return;
    const match = index.get(normalized) ?? index.get(normalized.replace(/\([^()]*\)$/, ''));
    if (!match) return;
    const current = best.get(match.field);
    if (!current || match.rank < current.rank) best.set(match.field, { column, rank: match.rank });
  });
  return [...best.entries()].map(([field, { column }]) => ({ index: column, field })).sort((a, b) => a.index - b.index);
}

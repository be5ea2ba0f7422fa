/**
 * Maps the header row of an import file to unit fields. What is not recognised is returned for the user
 * to map by hand; nothing is dropped silently.
 */
import { foldFullWidth, stripInvisible } from '../registry/text.ts';
import {
  REQUIRED_UNIT_IMPORT_FIELDS,
  UNIT_HEADER_SYNONYMS,
  UNIT_IMPORT_FIELDS,
  type UnitImportField,
} from './unit-import-fields.ts';

export type MappedColumn = { index: number; header: string; field: UnitImportField };

export type UnmappedColumn = {
  index: number;
  header: string;
  /** 'unknown': no field has this header; 'duplicate': another column already fills `field`; 'empty': no header. */
  reason: 'unknown' | 'duplicate' | 'empty';
  /** For 'duplicate': the field the header would have filled. */
  field?: UnitImportField;
};

export type HeaderRecognition = {
  /** In column order. */
  mapped: MappedColumn[];
  /** In column order. */
  unmapped: UnmappedColumn[];
  /** Required fields (单位名称, 统一社会信用代码) that no column fills. */
  missingRequired: UnitImportField[];
};

/**
 * A header as compared: invisible characters and all spaces removed, full-width to half-width (so （）
 * become () and ： becomes :), a leading * (required-column mark) and trailing colons dropped, "(必填)"
 * / "(选填)" dropped, Latin letters upper-cased. "＊ 单位名称：" → "单位名称".
 */
export function normalizeHeader(header: string): string {
  return stripInvisible(foldFullWidth(header))
    .replace(/\s+/g, '')
    .replace(/^\*+/, '')
    .replace(/\((必填|选填|可选|必须)\)/g, '')
    .replace(/:+$/, '')
    .replace(/\*+$/, '')
    .toUpperCase();
}

type Match = { field: UnitImportField; rank: number };

const SYNONYM_INDEX: ReadonlyMap<string, Match> = (() => {
  const index = new Map<string, Match>();
  for (const field of UNIT_IMPORT_FIELDS) {
    UNIT_HEADER_SYNONYMS[field].forEach((synonym, rank) => {
      const key = normalizeHeader(synonym);
      if (!index.has(key)) index.set(key, { field, rank });
    });
  }
  return index;
})();

/** The field and rank for a header: exact synonym first, then without a trailing "(…)" remark. */
function matchHeader(normalized: string): Match | undefined {
  const exact = SYNONYM_INDEX.get(normalized);
  if (exact) return exact;
  const withoutRemark = normalized.replace(/\([^()]*\)$/, '');
  return withoutRemark !== normalized && withoutRemark !== '' ? SYNONYM_INDEX.get(withoutRemark) : undefined;
}

/**
 * Recognises the usual Chinese headers (单位名称, 统一社会信用代码, 住所/地址, 联系人, 联系电话, 法定代表人 …;
 * the full list and the choices behind it are in UNIT_HEADER_SYNONYMS). Each field is filled by at most
 * one column: the best-ranked header wins, then the leftmost; the others come back as 'duplicate'.
 */
export function recognizeHeaders(headers: readonly string[]): HeaderRecognition {
  const best = new Map<UnitImportField, { index: number; rank: number }>();
  const matches = headers.map((header, index) => {
    const normalized = normalizeHeader(header);
    const match = normalized === '' ? undefined : matchHeader(normalized);
    if (match) {
      const current = best.get(match.field);
      if (!current || match.rank < current.rank) best.set(match.field, { index, rank: match.rank });
    }
    return { normalized, match };
  });

  const mapped: MappedColumn[] = [];
  const unmapped: UnmappedColumn[] = [];
  matches.forEach(({ normalized, match }, index) => {
    const header = headers[index] ?? '';
    if (normalized === '') unmapped.push({ index, header, reason: 'empty' });
    else if (!match) unmapped.push({ index, header, reason: 'unknown' });
    else if (best.get(match.field)?.index === index) mapped.push({ index, header, field: match.field });
    else unmapped.push({ index, header, reason: 'duplicate', field: match.field });
  });
  const missingRequired = REQUIRED_UNIT_IMPORT_FIELDS.filter((field) => !best.has(field));
  return { mapped, unmapped, missingRequired };
}

/**
 * One data row as a field → cell record, through the mapping (recognised columns plus the user's choices).
 * Cells beyond the row's end read as ''. Throws when two columns are mapped to the same field: a mapping
 * must be one-to-one, and the caller validates the user's choices before applying them.
 */
export function applyColumnMapping(
  cells: readonly string[],
  columns: readonly Pick<MappedColumn, 'index' | 'field'>[],
): Partial<Record<UnitImportField, string>> {
  const record: Partial<Record<UnitImportField, string>> = {};
  for (const { index, field } of columns) {
    if (field in record) throw new RangeError(`column mapping fills ${field} twice`);
    record[field] = cells[index] ?? '';
  }
  return record;
}

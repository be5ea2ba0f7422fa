/**
 * A small RFC 4180 CSV parser: quoted fields, "" for a quote inside quotes, line breaks inside quotes,
 * CRLF, LF or CR line ends, a final line with or without a line break.
 *
 * Lenient where spreadsheet programs are: a quote inside an unquoted field is an ordinary character
 * (5"管), and text after a closing quote joins the field ("ab"c → abc). Strict where data would be lost: a
 * quote left open swallows the rest of the file, so it is an error naming the line it opened on.
 */

export type CsvRow = {
  /** 1-based physical line on which the record starts (a quoted line break makes a record span lines). */
  line: number;
  cells: string[];
};

export type CsvProblem = { line: number; message: string };

export type CsvParseResult = { rows: CsvRow[]; errors: CsvProblem[] };

export type CsvOptions = {
  /** One character; default ",". Use "\t" for tab-separated text. */
  delimiter?: string;
  /** Drop records whose cells are all empty or blank (",,,," rows Excel leaves at the end). Default true. */
  skipBlankRows?: boolean;
};

/** Limits that stop the parse: one field's characters, one record's fields. */
export type CsvLimits = { maxFieldChars?: number; maxFields?: number };

/** Where a limit stopped the parse: the line, the 1-based field of the record, and which limit. */
export type CsvLimitExceeded = { line: number; field: number; limit: 'field_chars' | 'fields' };

/** Parses CSV text into records. A leading BOM is ignored. Cells are returned exactly as written. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvParseResult {
  const rows: CsvRow[] = [];
  const { errors } = forEachCsvRecord(text, options, (row) => rows.push(row));
  return { rows, errors };
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Reads the records one after the other, handing each to `onRecord` (which may throw to stop the parse), so a
 * caller can refuse a file at its first bad record without every record of a 30 MB file held at once. Fields are
 * cut from the text in runs, never built a character at a time, and a limit is checked before a field grows past
 * it: a 30 MB field is refused without being built. A field that runs past `maxFieldChars` inside a quote that is
 * never closed is reported as the unclosed quote (the real problem), not as a long field.
 */
export function forEachCsvRecord(
  text: string,
  options: CsvOptions & CsvLimits,
  onRecord: (row: CsvRow) => void,
): { errors: CsvProblem[]; exceeded: CsvLimitExceeded | null } {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new RangeError('CSV delimiter must be one character other than a quote or a line break');
  }
  const delimiterCode = delimiter.charCodeAt(0);
  const skipBlankRows = options.skipBlankRows ?? true;
  const maxFieldChars = options.maxFieldChars ?? Infinity;
  const maxFields = options.maxFields ?? Infinity;
  const errors: CsvProblem[] = [];

  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let field = '';
  let atFieldStart = true;
  let inQuotes = false;
  let quoteLine = 0;

  const endRecord = () => {
    cells.push(field);
    if (!(skipBlankRows && cells.every((c) => c.trim() === ''))) onRecord({ line: recordLine, cells });
    cells = [];
    field = '';
    atFieldStart = true;
  };
  const unclosed = (): CsvProblem => ({ line: quoteLine, message: `第 ${quoteLine} 行：引号未闭合，该字段一直延续到文件末尾` });
  const fieldTooLong = (at: number) => {
    if (inQuotes && text.indexOf('"', at) < 0) return { errors: [unclosed()], exceeded: null };
    return { errors, exceeded: { line: recordLine, field: cells.length + 1, limit: 'field_chars' as const } };
  };

  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    if (inQuotes) {
      const close = text.indexOf('"', i);
      const end = close < 0 ? n : close;
      if (field.length + (end - i) > maxFieldChars) return fieldTooLong(i);
      for (let k = i; k < end; k++) {
        const ch = text.charCodeAt(k);
        if (ch === LF || (ch === CR && text.charCodeAt(k + 1) !== LF)) line++;
      }
      field += text.slice(i, end);
      if (close < 0) break;
      if (text.charCodeAt(close + 1) === QUOTE) {
        if (field.length + 1 > maxFieldChars) return fieldTooLong(close + 2);
        field += '"';
        i = close + 2;
      } else {
        inQuotes = false;
        i = close + 1;
      }
      continue;
    }
    const ch = text.charCodeAt(i);
    if (ch === QUOTE && atFieldStart) {
      inQuotes = true;
      quoteLine = line;
      atFieldStart = false;
      i++;
    } else if (ch === delimiterCode) {
      if (cells.length + 2 > maxFields)
        return { errors, exceeded: { line: recordLine, field: cells.length + 2, limit: 'fields' } };
      cells.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (ch === CR || ch === LF) {
      i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // A run of ordinary characters (a quote inside an unquoted field is one of them).
      let end = i + 1;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === delimiterCode || c === CR || c === LF) break;
        end++;
      }
      if (field.length + (end - i) > maxFieldChars) return fieldTooLong(i);
      field += text.slice(i, end);
      atFieldStart = false;
      i = end;
    }
  }
  if (inQuotes) errors.push(unclosed());
  if (inQuotes || field !== '' || cells.length > 0) endRecord();
  return { errors, exceeded: null };
}

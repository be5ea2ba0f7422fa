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

/** Parses CSV text into records. A leading BOM is ignored. Cells are returned exactly as written. */
export function parseCsv(text: string, options: CsvOptions = {}): CsvParseResult {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new RangeError('CSV delimiter must be one character other than a quote or a line break');
  }
  const skipBlankRows = options.skipBlankRows ?? true;
  const rows: CsvRow[] = [];
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
    if (!(skipBlankRows && cells.every((c) => c.trim() === ''))) rows.push({ line: recordLine, cells });
    cells = [];
    field = '';
    atFieldStart = true;
  };

  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      quoteLine = line;
      atFieldStart = false;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (inQuotes) errors.push({ line: quoteLine, message: `第 ${quoteLine} 行：引号未闭合，该字段一直延续到文件末尾` });
  if (inQuotes || field !== '' || cells.length > 0) endRecord();
  return { rows, errors };
}

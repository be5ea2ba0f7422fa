/**
 * An uploaded registry file as a table: the header row and the data rows as text, each with the row number
 * the user sees (the Excel row, or the CSV line). The limits, the format detection and the CSV reading are
 * here; reading .xlsx needs zlib and exceljs and lives with the use cases (src/usecases/imports/read-xlsx-table.ts),
 * its guards in zip-directory.ts and xml-guard.ts.
 */
import { DomainError } from '../errors.ts';
import { cleanCell } from '../registry/text.ts';
import { decodeText, type TextEncoding } from './decode-text.ts';
import { forEachCsvRecord } from './parse-csv.ts';

/** The largest file accepted (the HTTP body limit is the same). */
export const MAX_IMPORT_FILE_BYTES = 30 * 1024 * 1024;
/** The most data rows one file may hold: twice the largest brigade registry we know of. */
export const MAX_IMPORT_ROWS = 200_000;
/** More columns than this is a stray cell far to the right, or not a registry at all. */
export const MAX_IMPORT_COLUMNS = 256;
/**
 * The longest cell, in characters: Excel's own limit, so no file Excel wrote is refused for it. Registry fields are
 * far shorter and are checked field by field as invalid rows; a column nobody maps (经营范围 in a market-regulation
 * export runs to a few thousand characters) must not sink the file.
 */
export const MAX_IMPORT_CELL_CHARS = 32_767;
/**
 * All the text of one table, in characters: six times a 100,000-row registry of 18 columns (10.6 million). Bounds
 * what a table costs in memory (≈ 2 bytes a character plus ~24 per cell) whatever the rows and cells hold.
 */
export const MAX_IMPORT_TEXT_CHARS = 64_000_000;
/** The most fields in one CSV record, blank or not: Excel's 16,384 columns. */
export const MAX_CSV_FIELDS = 16_384;

const MIB = 1024 * 1024;
/**
 * The inflated parts of an .xlsx (decision 0014). A 100,000-row, 18-column registry written by exceljs has a
 * 66 MB worksheet and 19 MB of shared strings (14 MB zipped): the limits leave room for the 200,000-row maximum of
 * a wider sheet and refuse anything that only a zip bomb would declare. Parts not listed are never inflated.
 */
export const XLSX_LIMITS = {
  /** All the parts read, together. */
  totalBytes: 320 * MIB,
  /** The worksheet read (the first visible one). */
  sheetBytes: 256 * MIB,
  /** xl/sharedStrings.xml: kept whole in memory while the sheet is read. */
  sharedStringsBytes: 128 * MIB,
  sharedStrings: 4_000_000,
  /** xl/workbook.xml, its relationships, xl/styles.xml. */
  otherPartBytes: 32 * MIB,
  /** Declared uncompressed : compressed, for parts of 1 MB or more; real parts are 4–10 : 1, deflate's ceiling ~1,032 : 1. */
  maxRatio: 200,
  /**
   * One cell (or shared string, or any single XML token): 32,767 characters take at most ~330 KB of XML even as
   * numeric character references; rich-text markup aside, a cell beyond 1 MB is not a spreadsheet's.
   */
  cellBytes: MIB,
  /** One row: 256 columns of long text fit many times over. */
  rowBytes: 16 * MIB,
} as const;

export type ImportFileFormat = 'xlsx' | 'csv';

export type ImportTableRow = {
  /** 1-based, as shown to the user: the Excel row number, or the CSV line on which the record starts. */
  rowNumber: number;
  cells: string[];
  /** Columns whose cell was a number with more digits than Excel keeps (see isImpreciseNumber). */
  impreciseColumns?: number[];
};

export type ImportTable = {
  format: ImportFileFormat;
  /** The detected text encoding of a CSV file; null for .xlsx. */
  encoding: TextEncoding | null;
  /** The worksheet read (the first one); null for CSV. */
  sheetName: string | null;
  headerRowNumber: number;
  /** One per column; '' where the header cell is empty. */
  headers: string[];
  rows: ImportTableRow[];
};

const NOT_XLSX = '文件无法读取：不是有效的 Excel (.xlsx) 文件';

const ZIP_MAGIC = [0x50, 0x4b]; // "PK": .xlsx is a zip archive
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // legacy .xls / .doc

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const extensionOf = (fileName: string) => /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';

/**
 * Decides how to read an upload, by its content first: a zip archive is read as .xlsx whatever its name
 * (a renamed file still works); a legacy .xls is refused with advice; a file named .xlsx that is not a zip
 * archive is refused (random bytes, a renamed PDF …); text named .csv/.txt/.tsv (or without an extension)
 * is read as CSV. Empty and over-large files are refused. Errors are Chinese and user-facing.
 */
export function detectImportFileFormat(bytes: Uint8Array, fileName: string): ImportFileFormat {
  if (bytes.length === 0) throw new DomainError('VALIDATION_FAILED', '文件为空：请选择有内容的 .xlsx 或 .csv 文件');
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `文件过大：最大 ${MAX_IMPORT_FILE_BYTES / MIB} MB，本文件 ${(bytes.length / MIB).toFixed(1)} MB`,
    );
  }
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new DomainError(
      'UNSUPPORTED_FILE',
      '文件格式不受支持：这是旧版 Excel (.xls) 文件，请在 Excel 中“另存为”.xlsx 或 CSV 后重新上传',
    );
  }
  const extension = extensionOf(fileName);
  if (extension === 'xlsx' || extension === 'xlsm') throw new DomainError('UNSUPPORTED_FILE', NOT_XLSX);
  if (extension === '' || extension === 'csv' || extension === 'txt' || extension === 'tsv') return 'csv';
  throw new DomainError('UNSUPPORTED_FILE', `文件类型不受支持（.${extension}）：请上传 .xlsx 或 .csv 文件`);
}

/** The message for a zip archive that is not a readable workbook. */
export function notAnXlsxFileError(): DomainError {
  return new DomainError('UNSUPPORTED_FILE', NOT_XLSX);
}

/** The letters of a 1-based column number, as Excel names columns: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export type TableCollector = ReturnType<typeof createTableCollector>;

/** Who hears a table while it is read: the data rows in slices, and the header row as soon as it is read. */
export type TableListeners = {
  handOver?: (rows: ImportTableRow[]) => void;
  /** Told the header row as soon as it is read (the table's headers may still widen with a wider data row). */
  onHeader?: (headers: string[], headerRowNumber: number) => void;
};

/**
 * Collects rows as a reader produces them and enforces the limits as it goes, so an over-long file is
 * refused at row 200,001 instead of after reading everything, a cell over 32,767 characters at that cell, and
 * the table's text at 64 million characters. The first row with any non-blank cell is the header row; rows whose
 * cells are all blank are skipped (their numbers are not reused). With `handOver`, the data rows are handed over
 * in slices of `sliceRows` as they are collected (a reader on a worker thread posts them) and `finish` returns
 * the table with the rows not yet handed over.
 */
export function createTableCollector(options: TableListeners & { sliceRows?: number } = {}) {
  const sliceRows = options.sliceRows ?? 2_000;
  let headerRowNumber = 0;
  let headers: string[] | null = null;
  let rows: ImportTableRow[] = [];
  let rowCount = 0;
  let width = 0;
  let textChars = 0;

  return {
    add(row: ImportTableRow): void {
      const last = lastNonBlank(row.cells);
      if (last < 0) return;
      if (last + 1 > width) {
        width = last + 1;
        if (width > MAX_IMPORT_COLUMNS) {
          throw new DomainError(
            'PAYLOAD_TOO_LARGE',
            `文件列数过多：第 ${row.rowNumber} 行有内容的列超过 ${MAX_IMPORT_COLUMNS} 列`,
          );
        }
      }
      for (let c = 0; c < row.cells.length; c++) {
        const length = (row.cells[c] as string).length;
        textChars += length;
        if (length > MAX_IMPORT_CELL_CHARS) {
          throw new DomainError(
            'PAYLOAD_TOO_LARGE',
            `第 ${row.rowNumber} 行第 ${c + 1} 列（${columnLetters(c + 1)} 列）的内容超过 ${MAX_IMPORT_CELL_CHARS.toLocaleString('en-US')} 个字符（实际 ${length.toLocaleString('en-US')} 个），已拒绝`,
          );
        }
      }
      if (textChars > MAX_IMPORT_TEXT_CHARS) {
        throw new DomainError(
          'PAYLOAD_TOO_LARGE',
          `文件内容过多：文字总量超过 ${(MAX_IMPORT_TEXT_CHARS / 10_000).toLocaleString('en-US')} 万个字符（超出处：第 ${row.rowNumber} 行），请拆分后分批导入`,
        );
      }
      if (headers === null) {
        headers = row.cells.slice(0, last + 1);
        headerRowNumber = row.rowNumber;
        options.onHeader?.(headers, headerRowNumber);
        return;
      }
      if (rowCount >= MAX_IMPORT_ROWS) {
        throw new DomainError(
          'PAYLOAD_TOO_LARGE',
          `文件行数过多：每个文件最多 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 行数据（超出处：第 ${row.rowNumber} 行），请拆分后分批导入`,
        );
      }
      rowCount++;
      rows.push(row.impreciseColumns && row.impreciseColumns.length > 0 ? row : { rowNumber: row.rowNumber, cells: row.cells });
      if (options.handOver && rows.length >= sliceRows) {
        options.handOver(rows);
        rows = [];
      }
    },
    /** The table, with the rows not handed over; refuses a file without a header row or without data rows. */
    finish(meta: Pick<ImportTable, 'format' | 'encoding' | 'sheetName'>): ImportTable {
      if (headers === null) throw new DomainError('VALIDATION_FAILED', '文件中没有内容：未找到表头行');
      if (rowCount === 0)
        throw new DomainError('VALIDATION_FAILED', `文件中没有数据行：第 ${headerRowNumber} 行是表头，其后没有内容`);
      const padded = Array.from({ length: width }, (_, i) => headers![i] ?? '');
      return { ...meta, headerRowNumber, headers: padded, rows };
    },
  };
}

function lastNonBlank(cells: readonly string[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (cleanCell(cells[i] ?? '') !== '') return i;
  return -1;
}

/**
 * The delimiter of a CSV text, from its first line (outside quotes): the most frequent of comma, tab and
 * semicolon; comma when none occurs. Excel's "Unicode text" is tab-separated, some European settings use ";".
 */
export function guessCsvDelimiter(text: string): ',' | '\t' | ';' {
  const counts = { ',': 0, '\t': 0, ';': 0 };
  let inQuotes = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (counts[','] + counts['\t'] + counts[';'] > 0) break;
    } else if (!inQuotes && (ch === ',' || ch === '\t' || ch === ';')) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/**
 * Reads a CSV upload: detects the encoding (UTF-8 with or without BOM, GBK/GB18030, UTF-16 with BOM) and
 * the delimiter, parses the records and collects the table as they come. Refuses bytes that do not decode
 * cleanly (the Chinese would be damaged), binary content, a quote left open (the rest of the file would be one
 * cell), a field over 32,767 characters and a record of more than 16,384 fields — at that field, without building it.
 */
export function readCsvTable(bytes: Uint8Array, collector: TableCollector = createTableCollector()): ImportTable {
  const decoded = decodeText(bytes);
  if (decoded.text.includes('\u0000'))
    throw new DomainError('UNSUPPORTED_FILE', '文件无法读取：不是有效的 CSV 文本文件，请上传 .xlsx 或 .csv 文件');
  if (decoded.replacementCount > 0) {
    throw new DomainError(
      'UNSUPPORTED_FILE',
      `文件无法读取：按 ${decoded.encoding.toUpperCase()} 解码时有 ${decoded.replacementCount} 处字符无法识别，请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后重新上传`,
    );
  }
  const { errors, exceeded } = forEachCsvRecord(
    decoded.text,
    { delimiter: guessCsvDelimiter(decoded.text), maxFieldChars: MAX_IMPORT_CELL_CHARS, maxFields: MAX_CSV_FIELDS },
    (row) => collector.add({ rowNumber: row.line, cells: row.cells }),
  );
  if (exceeded?.limit === 'field_chars') {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `第 ${exceeded.line} 行第 ${exceeded.field} 列（${columnLetters(exceeded.field)} 列）的内容超过 ${MAX_IMPORT_CELL_CHARS.toLocaleString('en-US')} 个字符，已拒绝`,
    );
  }
  if (exceeded?.limit === 'fields') {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `文件列数过多：第 ${exceeded.line} 行超过 ${MAX_CSV_FIELDS.toLocaleString('en-US')} 列（Excel 的上限），已拒绝`,
    );
  }
  const [firstError] = errors;
  if (firstError) throw new DomainError('VALIDATION_FAILED', `文件无法读取：${firstError.message}`);
  return collector.finish({ format: 'csv', encoding: decoded.encoding, sheetName: null });
}

/**
 * What a table costs in memory, roughly and on the high side: per row an object and an array (~64 bytes), per cell
 * a slot and a string header (~32), two bytes a character (Chinese text is stored two bytes a character). Measured
 * for a 100,000-row, 18-column registry: 75 MB of heap; this says 84 MB. For the cache of recent tables.
 */
export function estimateTableBytes(table: Pick<ImportTable, 'headers' | 'rows'>): number {
  let bytes = 256 + 32 * table.headers.length;
  for (const row of table.rows) {
    bytes += 64 + 32 * row.cells.length;
    for (const cell of row.cells) bytes += 2 * cell.length;
  }
  return bytes;
}

/** Distinct values a column may have for its cells to be shared (see createCellInterner). */
export const INTERNED_VALUES_PER_COLUMN = 256;

/**
 * Makes equal cells of a column one string, as rows arrive from the parsing worker (decision 0031). A message between
 * threads copies every string, so the 100,000 rows of a registry arrive as 1.8 million strings although a column such
 * as 单位类别, 是否, 风险等级 or 行政区划 holds a handful of values; the table is kept for the dry run, the commit and
 * a change of mapping, and those copies were ~35 MB of it. A column with more than INTERNED_VALUES_PER_COLUMN distinct
 * values (names, addresses, codes) is left alone from then on. Rows are changed in place; the text is never changed.
 */
export function createCellInterner(): (rows: ImportTableRow[]) => void {
  const columns: (Map<string, string> | null)[] = [];
  return (rows) => {
    for (const row of rows) {
      const cells = row.cells;
      for (let c = 0; c < cells.length; c++) {
        let known = columns[c];
        if (known === null) continue;
        if (known === undefined) known = columns[c] = new Map();
        const cell = cells[c]!;
        const same = known.get(cell);
        if (same !== undefined) cells[c] = same;
        else if (known.size < INTERNED_VALUES_PER_COLUMN) known.set(cell, cell);
        else columns[c] = null;
      }
    }
  };
}

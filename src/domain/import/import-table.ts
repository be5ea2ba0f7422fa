/**
 * An uploaded registry file as a table: the header row and the data rows as text, each with the row number
 * the user sees (the Excel row, or the CSV line). The limits, the format detection and the CSV reading are
 * here; reading .xlsx needs a zip library and lives with the use cases (src/usecases/imports/read-import-file.ts).
 */
import { DomainError } from '../errors.ts';
import { cleanCell } from '../registry/text.ts';
import { decodeText, type TextEncoding } from './decode-text.ts';
import { parseCsv } from './parse-csv.ts';

/** The largest file accepted (the HTTP body limit is the same). */
export const MAX_IMPORT_FILE_BYTES = 30 * 1024 * 1024;
/** The most data rows one file may hold: twice the largest brigade registry we know of. */
export const MAX_IMPORT_ROWS = 200_000;
/** More columns than this is a stray cell far to the right, or not a registry at all. */
export const MAX_IMPORT_COLUMNS = 256;

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

const MIB = 1024 * 1024;
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

/**
 * Collects rows as a reader produces them and enforces the limits as it goes, so an over-long file is
 * refused at row 200,001 instead of after reading everything. The first row with any non-blank cell is the
 * header row; rows whose cells are all blank are skipped (their numbers are not reused).
 */
export function createTableCollector() {
  let headerRowNumber = 0;
  let headers: string[] | null = null;
  const rows: ImportTableRow[] = [];
  let width = 0;

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
      if (headers === null) {
        headers = row.cells.slice(0, last + 1);
        headerRowNumber = row.rowNumber;
        return;
      }
      if (rows.length >= MAX_IMPORT_ROWS) {
        throw new DomainError(
          'PAYLOAD_TOO_LARGE',
          `文件行数过多：每个文件最多 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 行数据（超出处：第 ${row.rowNumber} 行），请拆分后分批导入`,
        );
      }
      rows.push(row.impreciseColumns && row.impreciseColumns.length > 0 ? row : { rowNumber: row.rowNumber, cells: row.cells });
    },
    finish(meta: Pick<ImportTable, 'format' | 'encoding' | 'sheetName'>): ImportTable {
      if (headers === null) throw new DomainError('VALIDATION_FAILED', '文件中没有内容：未找到表头行');
      if (rows.length === 0)
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
 * the delimiter, parses the records and collects the table. Refuses bytes that do not decode cleanly (the
 * Chinese would be damaged), binary content, and a quote left open (the rest of the file would be one cell).
 */
export function readCsvTable(bytes: Uint8Array): ImportTable {
  const decoded = decodeText(bytes);
  if (decoded.text.includes('\u0000'))
    throw new DomainError('UNSUPPORTED_FILE', '文件无法读取：不是有效的 CSV 文本文件，请上传 .xlsx 或 .csv 文件');
  if (decoded.replacementCount > 0) {
    throw new DomainError(
      'UNSUPPORTED_FILE',
      `文件无法读取：按 ${decoded.encoding.toUpperCase()} 解码时有 ${decoded.replacementCount} 处字符无法识别，请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后重新上传`,
    );
  }
  const parsed = parseCsv(decoded.text, { delimiter: guessCsvDelimiter(decoded.text) });
  const [firstError] = parsed.errors;
  if (firstError) throw new DomainError('VALIDATION_FAILED', `文件无法读取：${firstError.message}`);
  const collector = createTableCollector();
  for (const row of parsed.rows) collector.add({ rowNumber: row.line, cells: row.cells });
  return collector.finish({ format: 'csv', encoding: decoded.encoding, sheetName: null });
}

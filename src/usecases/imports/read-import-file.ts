import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError } from '../../domain/errors.ts';
import {
  MAX_IMPORT_ROWS,
  createTableCollector,
  detectImportFileFormat,
  notAnXlsxFileError,
  readCsvTable,
  type ImportTable,
} from '../../domain/import/import-table.ts';
import { cellValueToText, isImpreciseNumber } from '../../domain/import/spreadsheet-cell.ts';
import type { DbOrTx } from '../../db/client.ts';
import { loadImportFileBytes } from '../../db/import-queries.ts';
import { fileDigest } from './file-digest.ts';

/** The parts of exceljs's streaming worksheet reader used here (its typings omit them). */
type StreamedWorksheet = AsyncIterable<ExcelJS.Row> & { id?: number | string; name?: string };
type SheetModel = { id: number | string; name: string; state?: string };

/**
 * Reads an uploaded .xlsx or .csv into a table (see detectImportFileFormat for how the format is chosen).
 * .xlsx is read with exceljs's streaming reader: the first visible worksheet in tab order (the others are
 * read through and ignored), rows as they come, so a 100,000-row file needs a fraction of the memory of loading the whole workbook and an
 * over-long file stops at the row limit. Anything exceljs cannot read is one clear Chinese error.
 */
export async function readImportFile(bytes: Uint8Array, fileName: string, digest = fileDigest(bytes)): Promise<ImportTable> {
  const recent = recentTable(digest, fileName);
  if (recent) return recent;
  const table = await parseImportFile(bytes, fileName);
  recentTables.set(`${digest}\u0000${fileName}`, { table, at: Date.now() });
  while (recentTables.size > RECENT_TABLES) recentTables.delete(recentTables.keys().next().value as string);
  return table;
}

/**
 * The table of a stored batch's file: the one the preview has just read when it is still kept (found by the
 * batch's stored SHA-256, without loading the file), otherwise the stored bytes read again.
 */
export async function readBatchFile(db: DbOrTx, batch: { id: string; fileName: string; fileSha256: string }): Promise<ImportTable> {
  return (
    recentTable(batch.fileSha256, batch.fileName) ??
    readImportFile(await loadImportFileBytes(db, batch.id), batch.fileName, batch.fileSha256)
  );
}

function recentTable(digest: string, fileName: string): ImportTable | undefined {
  const now = Date.now();
  for (const [k, entry] of recentTables) if (now - entry.at > RECENT_TABLE_TTL_MS) recentTables.delete(k);
  return recentTables.get(`${digest}\u0000${fileName}`)?.table;
}

/**
 * The tables of the last files read, by content and name: the commit (and a mapping change) reads the file
 * the preview has just read — 100,000 .xlsx rows take seconds to parse — and the same bytes always give the
 * same table. Callers never change a table. Two entries, each kept half an hour; a miss simply parses again.
 */
const recentTables = new Map<string, { table: ImportTable; at: number }>();
const RECENT_TABLES = 2;
const RECENT_TABLE_TTL_MS = 30 * 60_000;

async function parseImportFile(bytes: Uint8Array, fileName: string): Promise<ImportTable> {
  const format = detectImportFileFormat(bytes, fileName);
  if (format === 'csv') return readCsvTable(bytes);

  const collector = createTableCollector();
  let sheetName: string | null = null;
  let sheetRead = false;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(
      Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
      {
        worksheets: 'emit',
        sharedStrings: 'cache',
        // Styles say which numbers are dates; hyperlinks are read as their text without the link table.
        styles: 'cache',
        hyperlinks: 'ignore',
        entries: 'ignore',
      },
    );
    for await (const worksheet of reader as AsyncIterable<StreamedWorksheet>) {
      const sheets = ((reader as unknown as { model?: { sheets?: SheetModel[] } }).model?.sheets ?? []).filter(
        (s) => s.state !== 'hidden',
      );
      const first = sheets[0];
      const isFirst = first === undefined || worksheet.id === undefined || String(worksheet.id) === String(first.id);
      if (sheetRead || !isFirst) {
        // Other sheets are read through and dropped: exceljs may have parked them in temporary files, which it
        // deletes only once the sheet is consumed. A sheet beyond the row limit is abandoned (and its file
        // left to exceljs's clean-up at exit) rather than parsed to the end.
        let skipped = 0;
        for await (const _row of worksheet) if (++skipped > MAX_IMPORT_ROWS) break;
        continue;
      }
      sheetRead = true;
      sheetName = worksheet.name ?? first?.name ?? null;
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        const impreciseColumns: number[] = [];
        // exceljs rows are 1-based: values[0] is always empty.
        for (let c = 1; c < values.length; c++) {
          const value: unknown = values[c];
          cells.push(cellValueToText(value));
          if (isImpreciseNumber(value)) impreciseColumns.push(c - 1);
        }
        collector.add({ rowNumber: row.number, cells, impreciseColumns });
      }
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw notAnXlsxFileError();
  }
  if (!sheetRead) throw notAnXlsxFileError();
  return collector.finish({ format: 'xlsx', encoding: null, sheetName });
}

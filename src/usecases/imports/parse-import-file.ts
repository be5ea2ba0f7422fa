import { DomainError } from '../../domain/errors.ts';
import {
  createTableCollector,
  detectImportFileFormat,
  notAnXlsxFileError,
  readCsvTable,
  type ImportTable,
  type TableListeners,
} from '../../domain/import/import-table.ts';
import { readXlsxTable } from './read-xlsx-table.ts';

/**
 * Reads an uploaded .xlsx or .csv into a table (see detectImportFileFormat for how the format is chosen), within
 * the limits of decision 0014. Runs on the import-parsing worker thread (src/workers/), or here when it cannot
 * start. With `listeners.handOver`, the data rows are handed over in slices as they are read and the table returned
 * holds the rest; `listeners.onHeader` hears the header row first. Anything exceljs or zlib cannot read is one clear Chinese error.
 */
export async function parseImportFile(
  bytes: Uint8Array,
  fileName: string,
  listeners: TableListeners = {},
): Promise<ImportTable> {
  const format = detectImportFileFormat(bytes, fileName);
  const collector = createTableCollector(listeners);
  if (format === 'csv') return readCsvTable(bytes, collector);
  let sheetName: string | null;
  try {
    sheetName = await readXlsxTable(bytes, collector);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw notAnXlsxFileError();
  }
  return collector.finish({ format: 'xlsx', encoding: null, sheetName });
}

import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { DomainError } from '../../domain/errors.ts';
import { XLSX_LIMITS, notAnXlsxFileError, type TableCollector } from '../../domain/import/import-table.ts';
import { cellValueToText, isImpreciseNumber } from '../../domain/import/spreadsheet-cell.ts';
import { createSharedStringsScanner } from '../../domain/import/shared-strings-scanner.ts';
import { type WorksheetContext, createWorksheetScanner, isDateFormat } from '../../domain/import/worksheet-scanner.ts';
import { createXmlGuard, type XmlGuardOptions } from '../../domain/import/xml-guard.ts';
import { checkDeclaredEntry, readZipDirectory, type ZipEntry } from '../../domain/import/zip-directory.ts';

type SheetModel = { id: number | string; name: string; state?: string; rId?: string };

/**
 * The part parsers of exceljs 4.4's streaming WorkbookReader (not in its typings). Its own `parse` reads the zip
 * with unzipper as one stream of local headers and inflates whatever it meets; here the archive is opened from its
 * central directory and each part the reader needs is handed to these parsers inflated through a guard
 * (decision 0014). exceljs is pinned to 4.4.0 for this; read-import-file.test.ts fails if they change.
 */
type WorkbookReaderParts = {
  model?: { sheets?: SheetModel[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  styles?: { getStyleModel(id: number): { numFmt?: string } | null };
  properties?: { model?: { date1904?: boolean } };
};

const MIB = 1024 * 1024;
/** Compressed bytes handed to zlib at a time: one step inflates to at most ~1 MB, whatever the ratio. */
const INFLATE_STEP = 1024;

/** The compressed bytes of an entry, inflated as they are read. Stops (and frees zlib) when the reader stops. */
async function* inflateEntry(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const data = bytes.subarray(entry.dataStart, entry.dataEnd);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += 64 * 1024) yield data.subarray(at, at + 64 * 1024);
    return;
  }
  function* steps() {
    for (let at = 0; at < data.length; at += INFLATE_STEP) yield data.subarray(at, at + INFLATE_STEP);
  }
  const inflater = Readable.from(steps(), { objectMode: false }).pipe(zlib.createInflateRaw({ chunkSize: 64 * 1024 }));
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } finally {
    inflater.destroy();
  }
}

/** An entry's XML as text, every byte passed through `guard` before the XML parser sees it. */
async function* guardedText(
  bytes: Uint8Array,
  entry: ZipEntry,
  guard: ReturnType<typeof createXmlGuard>,
): AsyncGenerator<string> {
  // One decoder for the whole part: a character split between two inflated chunks stays whole.
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of inflateEntry(bytes, entry)) {
    guard.write(chunk);
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** Where a workbook relationship's target lives in the archive (targets are relative to xl/ unless absolute). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/**
 * Reads the first visible worksheet of an .xlsx into `collector`, never holding more than the shared strings, the
 * styles and one row. Before a part is inflated its declared size and ratio are judged (checkDeclaredEntry, and
 * all parts together against 320 MB); while it inflates, the guard counts the bytes and watches cells, rows and
 * tokens (createXmlGuard). Only the parts the table needs are ever inflated: the workbook and its relationships,
 * the styles (which numbers are dates), the shared strings and the one worksheet. Returns the sheet's name.
 */
export async function readXlsxTable(bytes: Uint8Array, collector: TableCollector): Promise<string | null> {
  const entries = readZipDirectory(bytes);
  let inflatedTotal = 0;

  const open = (
    name: string,
    limits: { label: string; maxBytes: number } & Omit<XmlGuardOptions, 'partName' | 'label' | 'declaredBytes'>,
  ): AsyncGenerator<string> | null => {
    const entry = entries.get(name);
    if (entry === undefined) return null;
    checkDeclaredEntry(entry, { maxBytes: limits.maxBytes, label: limits.label, maxRatio: XLSX_LIMITS.maxRatio });
    inflatedTotal += entry.uncompressedSize;
    if (inflatedTotal > XLSX_LIMITS.totalBytes) {
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        `文件解压后过大：读取所需的内容解压后超过 ${XLSX_LIMITS.totalBytes / MIB} MB 的上限，疑似压缩炸弹，已拒绝`,
      );
    }
    const { maxBytes: _maxBytes, ...guard } = limits;
    return guardedText(bytes, entry, createXmlGuard({ ...guard, partName: name, declaredBytes: entry.uncompressedSize }));
  };
  const structure = { label: '工作簿结构', maxBytes: XLSX_LIMITS.otherPartBytes, maxTokenBytes: XLSX_LIMITS.cellBytes };

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as never, {
    // The worksheet and the shared strings are read by our own scanners below (decision 0031).
    worksheets: 'ignore',
    sharedStrings: 'ignore',
    // Styles say which numbers are dates; hyperlinks are read as their text without the link table.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as WorkbookReaderParts;

  const rels = open('xl/_rels/workbook.xml.rels', structure);
  if (rels) await reader._parseRels(Readable.from(rels));
  const workbook = open('xl/workbook.xml', structure);
  if (workbook) await reader._parseWorkbook(Readable.from(workbook));
  const styles = open('xl/styles.xml', { ...structure, label: '样式表' });
  if (styles) await reader._parseStyles(Readable.from(styles));
  const sharedStrings = open('xl/sharedStrings.xml', {
    label: '共享字符串表',
    maxBytes: XLSX_LIMITS.sharedStringsBytes,
    maxTokenBytes: XLSX_LIMITS.cellBytes,
    maxCellBytes: XLSX_LIMITS.cellBytes,
    maxSharedStrings: XLSX_LIMITS.sharedStrings,
  });
  // The shared strings by our own scanner too (decision 0031): each entry as the text Excel shows.
  const sharedStringTexts: string[] = [];
  if (sharedStrings) {
    const scanner = createSharedStringsScanner((text) => sharedStringTexts.push(text));
    for await (const text of sharedStrings) scanner.write(text);
    scanner.end();
  }

  // The first visible sheet in tab order, found through its relationship; without a workbook part, the first
  // worksheet in the archive (as exceljs would).
  const first = (reader.model?.sheets ?? []).find((s) => s.state !== 'hidden');
  const target = first && reader.workbookRels?.find((r) => r.Id === first.rId)?.Target;
  let sheetPath: string | undefined;
  if (reader.model) sheetPath = target ? partPath(target) : undefined;
  else sheetPath = [...entries.keys()].find((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
  if (sheetPath === undefined) throw notAnXlsxFileError();
  const sheetXml = open(sheetPath, {
    label: '工作表',
    maxBytes: XLSX_LIMITS.sheetBytes,
    maxTokenBytes: XLSX_LIMITS.cellBytes,
    maxCellBytes: XLSX_LIMITS.cellBytes,
    maxRowBytes: XLSX_LIMITS.rowBytes,
  });
  if (sheetXml === null) throw notAnXlsxFileError();
  const sheetNo = /(\d+)\.xml$/.exec(sheetPath)?.[1] ?? '1';

  // The worksheet itself by our own scanner (decision 0031): the workbook's shared strings, date styles and date system.
  const dateStyles = new Map<number, boolean>();
  const context: WorksheetContext = {
    sharedStrings: sharedStringTexts,
    isDateStyle(style) {
      let isDate = dateStyles.get(style);
      if (isDate === undefined) {
        isDate = isDateFormat(reader.styles?.getStyleModel(style)?.numFmt);
        dateStyles.set(style, isDate);
      }
      return isDate;
    },
    date1904: reader.properties?.model?.date1904 === true,
  };
  const scanner = createWorksheetScanner(context, ({ rowNumber, values }) => {
    const cells: string[] = [];
    const impreciseColumns: number[] = [];
    // Sparse: only the cells present are converted.
    values.forEach((value, c) => {
      cells[c] = cellValueToText(value);
      if (isImpreciseNumber(value)) impreciseColumns.push(c);
    });
    for (let c = 0; c < cells.length; c++) cells[c] ??= '';
    collector.add({ rowNumber, cells, impreciseColumns });
  });
  for await (const text of sheetXml) scanner.write(text);
  scanner.end();
  return first?.name ?? `Sheet${sheetNo}`;
}

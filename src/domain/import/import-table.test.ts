import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  createCellInterner,
  INTERNED_VALUES_PER_COLUMN,
  MAX_IMPORT_CELL_CHARS,
  MAX_IMPORT_ROWS,
  columnLetters,
  createTableCollector,
  detectImportFileFormat,
  guessCsvDelimiter,
  readCsvTable,
} from './import-table.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('no error');
};

describe('detectImportFileFormat', () => {
  it('reads a zip archive as .xlsx whatever its name, and text as CSV', () => {
    expect(detectImportFileFormat(new Uint8Array([0x50, 0x4b, 3, 4, 0]), '名录.csv')).toBe('xlsx');
    expect(detectImportFileFormat(bytes('a,b'), '名录.csv')).toBe('csv');
    expect(detectImportFileFormat(bytes('a,b'), '名录.TXT')).toBe('csv');
    expect(detectImportFileFormat(bytes('a,b'), '名录')).toBe('csv');
  });

  it('refuses a file named .xlsx that is not a zip archive, a legacy .xls and other types', () => {
    expect(errorOf(() => detectImportFileFormat(bytes('not a workbook'), 'x.xlsx'))).toEqual({
      code: 'UNSUPPORTED_FILE',
      message: '文件无法读取：不是有效的 Excel (.xlsx) 文件',
    });
    expect(
      errorOf(() => detectImportFileFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'x.xls')).message,
    ).toMatch(/旧版 Excel/);
    expect(errorOf(() => detectImportFileFormat(bytes('%PDF-1.7'), 'x.pdf')).message).toBe(
      '文件类型不受支持（.pdf）：请上传 .xlsx 或 .csv 文件',
    );
  });

  it('refuses an empty file and one over 30 MB', () => {
    expect(errorOf(() => detectImportFileFormat(new Uint8Array(), 'x.csv')).message).toMatch(/^文件为空/);
    expect(errorOf(() => detectImportFileFormat(new Uint8Array(30 * 1024 * 1024 + 1), 'x.csv'))).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '文件过大：最大 30 MB，本文件 30.0 MB',
    });
  });
});

describe('readCsvTable', () => {
  it('reads a GBK file with its Chinese intact, numbering rows by line and skipping blank ones', () => {
    const table = readCsvTable(
      iconv.encode('\r\n单位名称,统一社会信用代码\r\n好运来超市,91330702MA2LGC4C37\r\n,\r\n老街坊餐饮店,\r\n', 'gbk'),
    );
    expect(table).toEqual({
      format: 'csv',
      encoding: 'gb18030',
      sheetName: null,
      headerRowNumber: 2,
      headers: ['单位名称', '统一社会信用代码'],
      rows: [
        { rowNumber: 3, cells: ['好运来超市', '91330702MA2LGC4C37'] },
        { rowNumber: 5, cells: ['老街坊餐饮店', ''] },
      ],
    });
  });

  it('reads tab-separated UTF-16 text as Excel saves “Unicode text”', () => {
    const text = '单位名称\t地址\n甲\t人民路1号, 2楼\n';
    const table = readCsvTable(new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf16le')]));
    expect(table.rows[0]?.cells).toEqual(['甲', '人民路1号, 2楼']);
  });

  it('refuses text that does not decode cleanly, binary content and an unclosed quote', () => {
    expect(errorOf(() => readCsvTable(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x0a, 0x62]))).message).toMatch(
      /有 1 处字符无法识别/,
    );
    expect(errorOf(() => readCsvTable(bytes('a\u0000b')))).toMatchObject({ code: 'UNSUPPORTED_FILE' });
    expect(errorOf(() => readCsvTable(bytes('a,b\n1,"open\n')))).toEqual({
      code: 'VALIDATION_FAILED',
      message: '文件无法读取：第 2 行：引号未闭合，该字段一直延续到文件末尾',
    });
    expect(errorOf(() => readCsvTable(bytes('单位名称\n'))).message).toBe('文件中没有数据行：第 1 行是表头，其后没有内容');
    expect(errorOf(() => readCsvTable(bytes('\n ,\n'))).message).toBe('文件中没有内容：未找到表头行');
  });

  it('refuses a 29 MB CSV of one cell at that cell, without building it, and a line of 20,000 fields', () => {
    const huge = bytes(`单位名称,备注\n甲,"${'长'.repeat(10 * 1024 * 1024)}"\n`);
    expect(huge.length).toBeGreaterThan(29 * 1024 * 1024);
    expect(errorOf(() => readCsvTable(huge))).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '第 2 行第 2 列（B 列）的内容超过 32,767 个字符，已拒绝',
    });
    expect(errorOf(() => readCsvTable(bytes(`单位名称\n${','.repeat(20_000)}甲\n`)))).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '文件列数过多：第 2 行超过 16,384 列（Excel 的上限），已拒绝',
    });
  });

  it('accepts a cell of exactly 32,767 characters', () => {
    const table = readCsvTable(bytes(`单位名称,经营范围\n甲,${'营'.repeat(MAX_IMPORT_CELL_CHARS)}\n`));
    expect(table.rows[0]!.cells[1]).toHaveLength(MAX_IMPORT_CELL_CHARS);
  });
});

describe('guessCsvDelimiter', () => {
  it('picks the most frequent separator of the first line, ignoring quoted text', () => {
    expect(guessCsvDelimiter('a,b,c\n1;2;3;4;5')).toBe(',');
    expect(guessCsvDelimiter('a\tb\t"c,d,e"\n')).toBe('\t');
    expect(guessCsvDelimiter('a;b;c\n')).toBe(';');
    expect(guessCsvDelimiter('\n\nsingle\n')).toBe(',');
  });
});

describe('createTableCollector', () => {
  it('widens the header to the widest row so a value without a header is not lost', () => {
    const collector = createTableCollector();
    collector.add({ rowNumber: 1, cells: ['单位名称', ''] });
    collector.add({ rowNumber: 2, cells: ['甲', '', '备注'] });
    expect(collector.finish({ format: 'xlsx', encoding: null, sheetName: 'Sheet1' }).headers).toEqual(['单位名称', '', '']);
  });

  it('stops at the row limit with the row where it stopped', () => {
    const collector = createTableCollector();
    collector.add({ rowNumber: 1, cells: ['h'] });
    for (let i = 0; i < MAX_IMPORT_ROWS; i++) collector.add({ rowNumber: i + 2, cells: ['x'] });
    expect(errorOf(() => collector.add({ rowNumber: MAX_IMPORT_ROWS + 2, cells: ['x'] }))).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '文件行数过多：每个文件最多 200,000 行数据（超出处：第 200002 行），请拆分后分批导入',
    });
  });

  it('refuses a row with content beyond column 256', () => {
    const collector = createTableCollector();
    const cells = Array.from({ length: 257 }, () => '');
    cells[256] = 'x';
    expect(errorOf(() => collector.add({ rowNumber: 7, cells })).message).toBe('文件列数过多：第 7 行有内容的列超过 256 列');
  });

  it('refuses a cell over 32,767 characters, naming its row and column', () => {
    const collector = createTableCollector();
    collector.add({ rowNumber: 1, cells: ['单位名称', '地址', '经营范围'] });
    expect(errorOf(() => collector.add({ rowNumber: 12, cells: ['甲', '', 'x'.repeat(40_000)] }))).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '第 12 行第 3 列（C 列）的内容超过 32,767 个字符（实际 40,000 个），已拒绝',
    });
  });

  it('refuses a table whose text passes 64 million characters, at the row where it does', () => {
    const collector = createTableCollector();
    const long = 'x'.repeat(MAX_IMPORT_CELL_CHARS);
    const cells = Array.from({ length: 256 }, () => long); // 8.4 million characters a row, one string shared
    for (let row = 1; row <= 7; row++) collector.add({ rowNumber: row, cells });
    expect(errorOf(() => collector.add({ rowNumber: 8, cells }))).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '文件内容过多：文字总量超过 6,400 万个字符（超出处：第 8 行），请拆分后分批导入',
    });
  });

  it('hands the data rows over in slices as they come, and finishes with the rest', () => {
    const slices: number[][] = [];
    const collector = createTableCollector({ handOver: (rows) => slices.push(rows.map((r) => r.rowNumber)), sliceRows: 2 });
    for (let row = 1; row <= 6; row++) collector.add({ rowNumber: row, cells: [`v${row}`] });
    const table = collector.finish({ format: 'csv', encoding: 'utf-8', sheetName: null });
    expect(slices).toEqual([
      [2, 3],
      [4, 5],
    ]);
    expect(table).toMatchObject({ headers: ['v1'], headerRowNumber: 1, rows: [{ rowNumber: 6, cells: ['v6'] }] });
  });
});

describe('columnLetters', () => {
  it('names columns as Excel does', () => {
    expect([1, 3, 26, 27, 52, 256, 16_384].map(columnLetters)).toEqual(['A', 'C', 'Z', 'AA', 'AZ', 'IV', 'XFD']);
  });
});

describe('createCellInterner', () => {
  it('leaves every cell as it reads, whether its column has few values or many, however the rows arrive', () => {
    const rows = Array.from({ length: 3 * INTERNED_VALUES_PER_COLUMN }, (_, i) => ({
      rowNumber: i + 2,
      // A column of few values, one of a value per row, one that passes the limit half way, one short in some rows.
      cells: ['是否'[i % 2]!, `单位${i}`, i < INTERNED_VALUES_PER_COLUMN * 1.5 ? '甲' : `乙${i}`, ...(i % 3 === 0 ? [] : ['中'])],
    }));
    const copy = structuredClone(rows);
    const intern = createCellInterner();
    for (let i = 0; i < rows.length; i += 100) intern(rows.slice(i, i + 100));
    expect(rows).toEqual(copy);
  });
});

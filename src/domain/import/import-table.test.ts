import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  MAX_IMPORT_ROWS,
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
});

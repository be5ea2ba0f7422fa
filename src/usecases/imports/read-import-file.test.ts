import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildZip, inlineCell, repeatedDeflate, sheetXml, xlsxWith, zipBomb } from '../../../test/harness/zip-files.ts';
import { DomainError } from '../../domain/errors.ts';
import { readImportFile } from './read-import-file.ts';

const MIB = 1024 * 1024;

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readImportFile', () => {
  it('reads the first sheet from its first non-empty row, with cells as the text Excel shows', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('单位');
      sheet.getCell('B3').value = '单位名称';
      sheet.getCell('C3').value = '联系电话';
      sheet.getCell('D3').value = '成立日期';
      sheet.getCell('E3').value = '备注';
      sheet.getCell('B4').value = { richText: [{ text: '好运来' }, { text: '超市', font: { bold: true } }] };
      sheet.getCell('C4').value = 13812345678;
      sheet.getCell('D4').value = new Date(Date.UTC(2021, 5, 30));
      sheet.getCell('E4').value = { formula: 'B4&"（总店）"', result: '好运来超市（总店）' };
      sheet.getCell('B6').value = '老街坊';
      sheet.getCell('C6').value = 913301007517011000;
      wb.addWorksheet('说明').getCell('A1').value = '填表说明';
    });
    const table = await readImportFile(bytes, '单位.xlsx');
    expect(table).toEqual({
      format: 'xlsx',
      encoding: null,
      sheetName: '单位',
      headerRowNumber: 3,
      headers: ['', '单位名称', '联系电话', '成立日期', '备注'],
      rows: [
        { rowNumber: 4, cells: ['', '好运来超市', '13812345678', '2021-06-30', '好运来超市（总店）'] },
        { rowNumber: 6, cells: ['', '老街坊', '913301007517011000'], impreciseColumns: [2] },
      ],
    });
  });

  it('takes the first visible sheet in tab order, whatever order the archive stores them in', async () => {
    const bytes = await workbook((wb) => {
      const hidden = wb.addWorksheet('模板', { state: 'hidden' });
      hidden.addRow(['不要读我']);
      hidden.addRow(['x']);
      const data = wb.addWorksheet('数据');
      data.addRow(['单位名称']);
      data.addRow(['甲']);
    });
    const table = await readImportFile(bytes, 'x.xlsx');
    expect(table.sheetName).toBe('数据');
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['甲'] }]);
  });

  it('refuses a zip archive that is not a workbook, and a workbook without rows', async () => {
    const notWorkbook = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    await expect(readImportFile(notWorkbook, 'x.xlsx')).rejects.toThrow(new DomainError('UNSUPPORTED_FILE', '文件无法读取：不是有效的 Excel (.xlsx) 文件'));
    const empty = await workbook((wb) => void wb.addWorksheet('空'));
    await expect(readImportFile(empty, 'x.xlsx')).rejects.toThrow('文件中没有内容：未找到表头行');
  });

  it('reads CSV through the same entry point', async () => {
    const table = await readImportFile(new TextEncoder().encode('单位名称\n甲\n'), 'x.csv');
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', rows: [{ rowNumber: 2, cells: ['甲'] }] });
  });

  it('gives the commit the table the preview read: the same bytes and name are parsed once, anything else afresh', async () => {
    const bytes = new TextEncoder().encode('单位名称\n甲\n');
    const first = await readImportFile(bytes, 'same.csv');
    expect(await readImportFile(bytes.slice(), 'same.csv')).toBe(first);
    expect(await readImportFile(bytes, 'other.csv')).not.toBe(first);
    const changed = await readImportFile(new TextEncoder().encode('单位名称\n乙\n'), 'same.csv');
    expect(changed.rows[0]!.cells).toEqual(['乙']);
  });

  it('reads every kind of cell a workbook holds as the text Excel shows', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('单位');
      sheet.addRow(['单位名称', '数量', '是否', '错误', '日期时间', '链接', '公式', '符号']);
      sheet.addRow([
        '  前后有空格  ',
        1234.5,
        true,
        { error: '#DIV/0!' },
        new Date(Date.UTC(2024, 1, 29, 8, 30, 5)),
        { text: '官网', hyperlink: 'https://example.org/' },
        { formula: 'B2*2', result: 2469 },
        '<甲&乙> "丙" \'丁\' 😀',
      ]);
      sheet.addRow([false, -0.000123, { formula: 'B3>0', result: false }, null, 0]);
    });
    const expected = [
      { rowNumber: 2, cells: ['  前后有空格  ', '1234.5', 'TRUE', '#DIV/0!', '2024-02-29 08:30:05', '官网', '2469', '<甲&乙> "丙" \'丁\' 😀'] },
      { rowNumber: 3, cells: ['FALSE', '-0.000123', 'FALSE', '', '0'] },
    ];
    const table = await readImportFile(bytes, '各种单元格.xlsx');
    expect(table.headers).toEqual(['单位名称', '数量', '是否', '错误', '日期时间', '链接', '公式', '符号']);
    // (A formula's boolean result shows as FALSE, as in Excel; inline strings are covered by worksheet-scanner.test.ts.)
    expect(table.rows).toEqual(expected);
  });

  it('keeps Chinese text whole where the inflated stream cuts a character in two', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => [`金华市婺城区第${i}号好运来超市有限公司`, `浙江省金华市婺城区人民路${i}号`]);
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('单位');
      sheet.addRow(['单位名称', '实际经营地址']);
      for (const row of rows) sheet.addRow(row);
    });
    const table = await readImportFile(bytes, '长名录.xlsx');
    expect(table.rows.map((r) => r.cells)).toEqual(rows);
  });
});

describe('readImportFile and files built to exhaust the server', () => {
  it('refuses a worksheet that declares 1 GB inflated, before inflating it', async () => {
    await expect(readImportFile(zipBomb('sheet', 1024), 'bomb.xlsx')).rejects.toThrow(
      new DomainError('PAYLOAD_TOO_LARGE', '文件解压后过大：工作表（xl/worksheets/sheet1.xml）解压后 1,024 MB，超过 256 MB 的上限，疑似压缩炸弹，已拒绝'),
    );
  });

  it('refuses shared strings that inflate past the size they declare, as soon as they do', async () => {
    await expect(readImportFile(zipBomb('sharedStrings', 1024, 8), 'bomb.xlsx')).rejects.toThrow(
      new DomainError(
        'UNSUPPORTED_FILE',
        '文件已损坏或被篡改：共享字符串表（xl/sharedStrings.xml）解压后的大小超过了文件目录中声明的 8,388,608 字节，疑似压缩炸弹，已拒绝',
      ),
    );
  });

  it('refuses a 300 MB cell at that cell while it streams, when the archive understates it', async () => {
    await expect(readImportFile(zipBomb('cell', 300, 50), 'cell.xlsx')).rejects.toThrow(
      new DomainError('PAYLOAD_TOO_LARGE', '第 2 行第 1 列（A2）的内容过长：超过 1 MB（一个单元格最多 32,767 个字符），已拒绝'),
    );
    await expect(readImportFile(zipBomb('cell', 300), 'cell.xlsx')).rejects.toThrow('解压后 300 MB，超过 256 MB 的上限');
  });

  it('refuses a cell just over 32,767 characters by its row and column', async () => {
    const sheet = sheetXml([[inlineCell('A1', '单位名称'), inlineCell('B1', '经营范围')], [inlineCell('A2', '甲'), inlineCell('B2', '营'.repeat(32_768))]]);
    await expect(readImportFile(xlsxWith({ content: sheet }), 'long.xlsx')).rejects.toThrow(
      new DomainError('PAYLOAD_TOO_LARGE', '第 2 行第 2 列（B 列）的内容超过 32,767 个字符（实际 32,768 个），已拒绝'),
    );
  });

  it('never inflates a part it does not read, whatever that part declares', async () => {
    const bomb = repeatedDeflate('<worksheet><sheetData>', '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(1000), 1024 * MIB, '</sheetData></worksheet>');
    const normal = xlsxWith({ content: sheetXml([[inlineCell('A1', '单位名称')], [inlineCell('A2', '甲')]]) });
    const withBomb = buildZip([
      ...readParts(normal),
      { name: 'xl/worksheets/sheet2.xml', deflated: bomb },
    ]);
    const table = await readImportFile(withBomb, 'two-sheets.xlsx');
    expect(table.rows).toEqual([{ rowNumber: 2, cells: ['甲'] }]);
  });
});

/** The parts of a zip made by buildZip, to build another archive from them. */
function readParts(zip: Buffer): { name: string; content: Buffer }[] {
  const parts: { name: string; content: Buffer }[] = [];
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString();
    const data = zip.subarray(at + 30 + nameLength, at + 30 + nameLength + size);
    parts.push({ name, content: zlib.inflateRawSync(data) });
    at += 30 + nameLength + size;
  }
  return parts;
}

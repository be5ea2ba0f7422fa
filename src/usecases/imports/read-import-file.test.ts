import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { readImportFile } from './read-import-file.ts';

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
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineCell, sheetXml } from '../../../test/harness/zip-files.ts';
import { DomainError } from '../errors.ts';
import { XLSX_LIMITS } from './import-table.ts';
import { createXmlGuard, type XmlGuardOptions } from './xml-guard.ts';

const SHEET: XmlGuardOptions = {
  partName: 'xl/worksheets/sheet1.xml',
  label: '工作表',
  declaredBytes: Number.MAX_SAFE_INTEGER,
  maxTokenBytes: XLSX_LIMITS.cellBytes,
  maxCellBytes: XLSX_LIMITS.cellBytes,
  maxRowBytes: XLSX_LIMITS.rowBytes,
};
const SHARED_STRINGS: XmlGuardOptions = {
  partName: 'xl/sharedStrings.xml',
  label: '共享字符串表',
  declaredBytes: Number.MAX_SAFE_INTEGER,
  maxTokenBytes: XLSX_LIMITS.cellBytes,
  maxCellBytes: XLSX_LIMITS.cellBytes,
  maxSharedStrings: XLSX_LIMITS.sharedStrings,
};

/** Feeds the text to a guard in chunks of `size` bytes; the DomainError it throws, or null. */
function scan(text: string, options: XmlGuardOptions, size = 64 * 1024): { code: string; message: string } | null {
  const bytes = new TextEncoder().encode(text);
  const guard = createXmlGuard(options);
  try {
    for (let at = 0; at < bytes.length; at += size) guard.write(bytes.subarray(at, at + size));
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, message: e.message };
    throw e;
  }
  return null;
}

const OVER_A_CELL = 'x'.repeat(XLSX_LIMITS.cellBytes + 1);

describe('createXmlGuard', () => {
  it('lets a worksheet through, whatever its comments, CDATA, processing instructions and namespaces', () => {
    const xml = sheetXml([
      [inlineCell('A1', '单位名称'), inlineCell('B1', '地址 &amp; 电话')],
      [inlineCell('A2', '好运来超市'), '<c r="B2"><![CDATA[<a> & ]]]]></c>', '<!-- 备注 -- > -->'],
    ]).replace(
      '<sheetData>',
      '<?mso-application progid="Excel.Sheet"?><sheetData><x:row r="3"><x:c r="A3"><x:v>1</x:v></x:c></x:row>',
    );
    expect(scan(xml, SHEET, 1)).toBeNull();
    expect(scan(xml, SHEET)).toBeNull();
  });

  it('refuses a cell over 1 MB at that cell, naming its row and column, even as it streams by', () => {
    const xml = sheetXml([[inlineCell('A1', '单位名称')], [], [inlineCell('A3', '甲'), inlineCell('C3', OVER_A_CELL)]]);
    const expected = {
      code: 'PAYLOAD_TOO_LARGE',
      message: '第 3 行第 3 列（C3）的内容过长：超过 1 MB（一个单元格最多 32,767 个字符），已拒绝',
    };
    expect(scan(xml, SHEET)).toEqual(expected);
    expect(scan(xml, SHEET, 1000)).toEqual(expected);
  });

  it('refuses a cell whose rich-text runs are each short but together over 1 MB', () => {
    const runs = '<r><t>甲乙丙丁</t></r>'.repeat(Math.ceil(XLSX_LIMITS.cellBytes / 20) + 1);
    const xml = sheetXml([[`<c r="AB7" t="inlineStr"><is>${runs}</is></c>`]]);
    expect(scan(xml, SHEET)?.message).toBe('第 7 行第 28 列（AB7）的内容过长：超过 1 MB（一个单元格最多 32,767 个字符），已拒绝');
  });

  it('names the row when a long cell has no reference', () => {
    const xml = `<worksheet><sheetData><row r="5"><c t="inlineStr"><is><t>${OVER_A_CELL}</t></is></c></row></sheetData></worksheet>`;
    expect(scan(xml, SHEET)?.message).toBe('第 5 行有一个单元格的内容过长：超过 1 MB（一个单元格最多 32,767 个字符），已拒绝');
  });

  it('refuses a row over 16 MB, and a long attribute or text between the cells as not a spreadsheet’s', () => {
    const cell = inlineCell('A9', 'x'.repeat(1000));
    const row = `<row r="9">${cell.repeat(Math.ceil(XLSX_LIMITS.rowBytes / cell.length) + 1)}</row>`;
    expect(scan(`<worksheet><sheetData>${row}</sheetData></worksheet>`, SHEET)).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '第 9 行的内容超过 16 MB，已拒绝：请检查该行是否有异常的单元格',
    });
    const attribute = `<worksheet><sheetData><row r="4" x="${'>'.repeat(XLSX_LIMITS.cellBytes)}"></row></sheetData></worksheet>`;
    expect(scan(attribute, SHEET)?.message).toBe(
      '文件无法读取：工作表（xl/worksheets/sheet1.xml）中有一段超过 1 MB 的内容（第 4 行附近），不是正常的 Excel 文件，已拒绝',
    );
    const text = `<worksheet><sheetData><row r="4"></row>${' '.repeat(XLSX_LIMITS.cellBytes + 1)}</sheetData></worksheet>`;
    expect(scan(text, SHEET)?.message).toMatch(/中有一段超过 1 MB 的内容（第 4 行附近）/);
    const comment = `<worksheet><!--${'<>'.repeat(XLSX_LIMITS.cellBytes)}--></worksheet>`;
    expect(scan(comment, SHEET)?.message).toBe(
      '文件无法读取：工作表（xl/worksheets/sheet1.xml）中有一段超过 1 MB 的内容，不是正常的 Excel 文件，已拒绝',
    );
  });

  it('refuses a shared string over 1 MB by its position, and more shared strings than the limit', () => {
    const strings = `<sst><si><t>甲</t></si><si/><si><r><t>${OVER_A_CELL}</t></r></si></sst>`;
    expect(scan(strings, SHARED_STRINGS)).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '文件中第 3 个文本（共享字符串）过长：超过 1 MB（一个单元格最多 32,767 个字符），已拒绝',
    });
    expect(
      scan('<sst><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>', { ...SHARED_STRINGS, maxSharedStrings: 2 }),
    ).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: '文件中的文本（共享字符串）超过 2 个，已拒绝：请拆分后分批导入',
    });
  });

  it('refuses a part that inflates to more than its zip entry declared', () => {
    expect(
      scan('<sst>' + '<si><t>单位</t></si>'.repeat(100) + '</sst>', { ...SHARED_STRINGS, declaredBytes: 1000 }, 512),
    ).toEqual({
      code: 'UNSUPPORTED_FILE',
      message:
        '文件已损坏或被篡改：共享字符串表（xl/sharedStrings.xml）解压后的大小超过了文件目录中声明的 1,000 字节，疑似压缩炸弹，已拒绝',
    });
  });

  it('refuses a document type declaration', () => {
    expect(scan('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet/>', SHEET)).toEqual({
      code: 'UNSUPPORTED_FILE',
      message: '文件无法读取：不是有效的 Excel (.xlsx) 文件',
    });
  });

  it('judges the same bytes the same way however they are cut into chunks', () => {
    const piece = fc.constantFrom(
      inlineCell('B2', '好运来'),
      '<c r="C2"><v>1</v></c>',
      '<!-- - -->',
      '<![CDATA[]]>]]>',
      '<c r="D2" s="1"/>',
      `<c r="E2" t="inlineStr"><is><t>${'x'.repeat(400)}</t></is></c>`,
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 300 }), (cells, size) => {
        const xml = sheetXml([cells, cells]);
        const small = { ...SHEET, maxTokenBytes: 300, maxCellBytes: 350, maxRowBytes: 4000 };
        expect(scan(xml, small, size)).toEqual(scan(xml, small, xml.length * 3));
      }),
    );
  });
});

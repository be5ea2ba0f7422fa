import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellValueToText } from './spreadsheet-cell.ts';
import { type WorksheetContext, type WorksheetRow, createWorksheetScanner, decodeText, excelDate, isDateFormat } from './worksheet-scanner.ts';

const context: WorksheetContext = {
  sharedStrings: ['单位名称', { richText: [{ text: '好运来' }, { text: '超市' }] }, 'A&B'],
  // Style 2 is a date format, style 3 a date-time one.
  isDateStyle: (style) => style === 2 || style === 3,
  date1904: false,
};

/** The rows of `xml` written in pieces of `size` characters, each as the text a person sees in Excel. */
function rowsOf(xml: string, size = xml.length, ctx: WorksheetContext = context): { rowNumber: number; cells: string[] }[] {
  const rows: WorksheetRow[] = [];
  const scanner = createWorksheetScanner(ctx, (row) => rows.push(row));
  for (let at = 0; at < xml.length; at += size) scanner.write(xml.slice(at, at + size));
  scanner.end();
  return rows.map(({ rowNumber, values }) => {
    const cells: string[] = [];
    values.forEach((v, c) => (cells[c] = cellValueToText(v)));
    for (let c = 0; c < cells.length; c++) cells[c] ??= '';
    return { rowNumber, cells };
  });
}

const sheet = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D3"/><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;

describe('createWorksheetScanner', () => {
  it('reads shared, inline and formula strings, numbers, booleans, errors and dates as Excel shows them', () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
        '<row r="3" spans="1:6"><c r="A3"><v>13812345678</v></c><c r="B3" s="2"><v>44377</v></c><c r="C3" s="3"><v>44377.5</v></c>' +
        '<c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="str"><f>B4&amp;"店"</f><v>好运来&lt;店&gt;</v></c></row>' +
        '<row r="4"><c r="A4" t="inlineStr"><is><r><t>甲</t></r><r><rPr><b/></rPr><t xml:space="preserve">乙 </t></r><rPh sb="0" eb="1"><t>コウ</t></rPh></is></c>' +
        '<c r="B4"><f>1/0</f><v>9.13301007517011E+17</v></c><c r="C4" t="b"><f>TRUE()</f><v>0</v></c><c r="D4" t="e"><f>NA()</f><v>#N/A</v></c>' +
        '<c r="E4" t="d"><v>2021-06-30T08:00:00</v></c><c r="F4" t="s"><v>2</v></c><c r="G4" t="s"><v>99</v></c></row>',
    );
    expect(rowsOf(xml)).toEqual([
      { rowNumber: 1, cells: ['单位名称', '', '好运来超市'] },
      { rowNumber: 3, cells: ['13812345678', '2021-06-30', '2021-06-30 12:00:00', 'TRUE', '#N/A', '好运来<店>'] },
      { rowNumber: 4, cells: ['甲乙 ', '913301007517011000', 'FALSE', '#N/A', '2021-06-30 08:00:00', 'A&B', ''] },
    ]);
  });

  it('numbers rows and cells that lack their reference after the one before', () => {
    const xml = sheet('<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row><row><c t="inlineStr"><is><t>x</t></is></c></row>');
    expect(rowsOf(xml)).toEqual([
      { rowNumber: 1, cells: ['1', '2'] },
      { rowNumber: 5, cells: ['', '', '3', '4'] },
      { rowNumber: 6, cells: ['x'] },
    ]);
  });

  it('reads element names with a namespace prefix, CDATA, comments, processing instructions and self-closing tags', () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="2"><!-- a comment with <c r="Z9"><v>9</v></c> --><x:c r="A2" t="inlineStr"><x:is><x:t><![CDATA[<不是标签>]]></x:t></x:is></x:c>' +
      '<?pi something?><x:c r="B2" s="0"/><x:c r=\'C2\' t=\'str\'><x:v>单引号</x:v></x:c></x:row><x:row r="3"/></x:sheetData></x:worksheet>';
    expect(rowsOf(xml)).toEqual([
      { rowNumber: 2, cells: ['<不是标签>', '', '单引号'] },
      { rowNumber: 3, cells: [] },
    ]);
  });

  it('decodes entities and character references, leaving unknown ones as written', () => {
    expect(decodeText('&lt;a&gt; &amp;amp; &quot;&apos; &#20013;&#x56FD; &#x1F600; &nbsp; &#0;')).toBe('<a> &amp; "\' 中国 😀 &nbsp; &#0;');
  });

  it('tells date formats from others as Excel does, and counts days from 1900 or 1904', () => {
    for (const f of ['yyyy-mm-dd', 'm/d/yy h:mm', '[$-804]yyyy"年"m"月"d"日"', 'hh:mm:ss', 'mmm-yy']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0.00', '#,##0', '"元"0.00', '[Red]0', '@', '', undefined]) expect(isDateFormat(f), String(f)).toBe(false);
    expect(excelDate(44377, false).toISOString()).toBe('2021-06-30T00:00:00.000Z');
    expect(excelDate(44377 - 1462, true).toISOString()).toBe('2021-06-30T00:00:00.000Z');
  });

  it('counts quotes only after an element name, as the XML guard does, and refuses a run it would have to keep whole', () => {
    // A quote inside a malformed name once made the scanner wait for the next quote of the sheet (found by review).
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row><a"b/><row r="2"><c r="A2" t="str"><v>a\r\nb\rc&#13;</v></c></row>');
    expect(rowsOf(xml, 7)).toEqual([
      { rowNumber: 1, cells: ['1'] },
      { rowNumber: 2, cells: ['a\nb\nc\r'] },
    ]);
    const scanner = createWorksheetScanner(context, () => undefined);
    scanner.write('<worksheet><sheetData><row r="1"><c t="str"><v>');
    expect(() => {
      for (let i = 0; i < 80; i++) scanner.write('x'.repeat(64 * 1024));
    }).toThrow('文件无法读取：工作表中有一段过长的内容');
  });

  it('ignores rows outside sheetData and anything after it', () => {
    const xml = '<worksheet><row r="1"><c><v>1</v></c></row><sheetData><row r="2"><c><v>2</v></c></row></sheetData><row r="3"><c><v>3</v></c></row></worksheet>';
    expect(rowsOf(xml)).toEqual([{ rowNumber: 2, cells: ['2'] }]);
  });

  it('gives the same rows wherever the text is cut into pieces', () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>甲&amp;乙&#x4E19;</t></is></c><c r="B1" s="2"><v>44377</v></c></row><!-- x -->' +
        '<row r="2"><c r="A2" t="str"><f>A1</f><v><![CDATA[丁]]></v></c><c r="AB2" t="s"><v>1</v></c></row>',
    );
    const whole = rowsOf(xml);
    expect(whole[1]!.cells[27]).toBe('好运来超市');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (size) => {
        expect(rowsOf(xml, size)).toEqual(whole);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachCsvRecord, parseCsv } from './parse-csv.ts';

describe('parseCsv', () => {
  it('splits plain records and numbers them by line', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual({
      rows: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 2, cells: ['1', '2', '3'] },
      ],
      errors: [],
    });
  });

  it('handles CRLF, a lone CR and a last line without a line break', () => {
    expect(parseCsv('a,b\r\n1,2\r3,4').rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'name,address\r\n"好运来超市, 婺城店","人民路""88""号\r\n3幢"\r\n下一家,解放路1号\r\n';
    expect(parseCsv(text).rows).toEqual([
      { line: 1, cells: ['name', 'address'] },
      { line: 2, cells: ['好运来超市, 婺城店', '人民路"88"号\r\n3幢'] },
      { line: 4, cells: ['下一家', '解放路1号'] },
    ]);
  });

  it('keeps empty fields, quoted or not, including a trailing one', () => {
    expect(parseCsv('a,,"",d,\n').rows).toEqual([{ line: 1, cells: ['a', '', '', 'd', ''] }]);
  });

  it('reads a quote inside an unquoted field as a character, as spreadsheets do', () => {
    expect(parseCsv('5"管,x\n').rows[0]?.cells).toEqual(['5"管', 'x']);
    expect(parseCsv('"ab"c,x\n').rows[0]?.cells).toEqual(['abc', 'x']);
  });

  it('skips blank lines and rows of empty cells but still counts their lines', () => {
    expect(parseCsv('a,b\n\n,,\n1,2\n').rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 4, cells: ['1', '2'] },
    ]);
    expect(parseCsv('a\n\n', { skipBlankRows: false }).rows).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: [''] },
    ]);
  });

  it('reports a quote left open with the line it opened on', () => {
    const result = parseCsv('a,b\n1,"unterminated\n2,3\n');
    expect(result.errors).toEqual([{ line: 2, message: '第 2 行：引号未闭合，该字段一直延续到文件末尾' }]);
    expect(result.rows).toHaveLength(2);
  });

  it('ignores a BOM left at the start of the text', () => {
    expect(parseCsv('\uFEFF单位名称,地址\n').rows[0]?.cells).toEqual(['单位名称', '地址']);
  });

  it('reads tab-separated text when told to', () => {
    expect(parseCsv('a\tb,c\n', { delimiter: '\t' }).rows[0]?.cells).toEqual(['a', 'b,c']);
    expect(() => parseCsv('', { delimiter: '"' })).toThrow(RangeError);
  });

  it('gives back exactly the cells that were written, whatever they contain', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '单', ',', '"', '\n', '\r\n', ' ', 'x') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (records) => {
        const nonBlank = records.filter((r) => r.some((c) => c.trim() !== ''));
        const text = records.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        const parsed = parseCsv(text);
        expect(parsed.errors).toEqual([]);
        expect(parsed.rows.map((r) => r.cells)).toEqual(nonBlank);
      }),
    );
  });
});

describe('forEachCsvRecord', () => {
  it('hands the records over one by one, so a caller can stop at the first it refuses', () => {
    const seen: number[] = [];
    expect(() =>
      forEachCsvRecord('a\nb\nc\nd\n', {}, (row) => {
        seen.push(row.line);
        if (row.line === 2) throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(seen).toEqual([1, 2]);
  });

  it('stops at a field longer than the limit, quoted or not, with its line and field', () => {
    const rows: string[][] = [];
    const push = (row: { cells: string[] }) => rows.push(row.cells);
    expect(forEachCsvRecord('a,b\n1,22222\n', { maxFieldChars: 4 }, push)).toEqual({
      errors: [],
      exceeded: { line: 2, field: 2, limit: 'field_chars' },
    });
    expect(rows).toEqual([['a', 'b']]);
    expect(forEachCsvRecord('a,b\n"x\ny","1\n""2345"\n', { maxFieldChars: 4 }, () => {}).exceeded).toEqual({
      line: 2,
      field: 2,
      limit: 'field_chars',
    });
    expect(forEachCsvRecord('"ab""cd"\n', { maxFieldChars: 4 }, push).exceeded).toEqual({
      line: 1,
      field: 1,
      limit: 'field_chars',
    });
    expect(forEachCsvRecord('"ab""cd"\n', { maxFieldChars: 5 }, push).exceeded).toBeNull();
  });

  it('reports a quote that is never closed rather than the long field it swallows', () => {
    expect(forEachCsvRecord('a,b\n1,"open\n' + 'x'.repeat(100), { maxFieldChars: 10 }, () => {})).toEqual({
      errors: [{ line: 2, message: '第 2 行：引号未闭合，该字段一直延续到文件末尾' }],
      exceeded: null,
    });
  });

  it('stops at a record with more fields than the limit', () => {
    expect(forEachCsvRecord('a,b,c\n1,2,3,4\n', { maxFields: 3 }, () => {}).exceeded).toEqual({
      line: 2,
      field: 4,
      limit: 'fields',
    });
  });
});

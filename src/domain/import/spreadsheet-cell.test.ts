import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellValueToText, isImpreciseNumber } from './spreadsheet-cell.ts';

describe('cellValueToText', () => {
  it('writes numbers as Excel shows them, never in exponent form', () => {
    expect(cellValueToText(13812345678)).toBe('13812345678');
    expect(cellValueToText(913301007517011000)).toBe('913301007517011000');
    expect(cellValueToText(1e21)).toBe('1000000000000000000000');
    expect(cellValueToText(0.1 + 0.2)).toBe('0.3');
    expect(cellValueToText(1.5e-7)).toBe('0.00000015');
    expect(cellValueToText(-42.5)).toBe('-42.5');
    expect(cellValueToText(0)).toBe('0');
  });

  it('gives any integer Excel can hold exactly back digit for digit', () => {
    fc.assert(fc.property(fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), (n) => cellValueToText(n) === String(n)));
  });

  it('writes dates as YYYY-MM-DD, with the time only when there is one', () => {
    expect(cellValueToText(new Date(Date.UTC(2026, 2, 1)))).toBe('2026-03-01');
    expect(cellValueToText(new Date(Date.UTC(2026, 2, 1, 8, 30)))).toBe('2026-03-01 08:30:00');
    expect(cellValueToText(new Date(Number.NaN))).toBe('');
  });

  it('joins rich text, reads hyperlinks by their text and formulas by their result', () => {
    expect(cellValueToText({ richText: [{ text: '金华市' }, { font: { bold: true }, text: '好运来' }, { text: '超市' }] })).toBe(
      '金华市好运来超市',
    );
    expect(cellValueToText({ text: '官网', hyperlink: 'https://example.cn' })).toBe('官网');
    expect(cellValueToText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' })).toBe('ab');
    expect(cellValueToText({ formula: 'A1&B1', result: '人民路88号' })).toBe('人民路88号');
    expect(cellValueToText({ sharedFormula: 'A2', result: 13900001111 })).toBe('13900001111');
    expect(cellValueToText({ formula: 'NOW()' })).toBe('');
    expect(cellValueToText({ error: '#N/A' })).toBe('#N/A');
  });

  it('reads empty cells, booleans and unknown shapes without inventing text', () => {
    expect(cellValueToText(null)).toBe('');
    expect(cellValueToText(undefined)).toBe('');
    expect(cellValueToText(true)).toBe('TRUE');
    expect(cellValueToText(false)).toBe('FALSE');
    expect(cellValueToText({ something: 'else' })).toBe('');
  });
});

describe('isImpreciseNumber', () => {
  it('flags numbers with more digits than Excel keeps, such as an 18-digit code typed as a number', () => {
    expect(isImpreciseNumber(913301007517011000)).toBe(true);
    expect(isImpreciseNumber({ formula: 'A1', result: 1e16 })).toBe(true);
    expect(isImpreciseNumber(13812345678)).toBe(false);
    expect(isImpreciseNumber('913301007517011234')).toBe(false);
  });
});

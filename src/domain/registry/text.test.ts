import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCell, foldFullWidth, stripInvisible } from './text.ts';

/** The folds as written before their shortcut (text they would not change is returned at once). */
const cleanCellFully = (text: string) => stripInvisible(text).replace(/[\s\u3000]+/g, ' ').trim();
const foldFullWidthFully = (text: string) =>
  text.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[\u3000\u00A0]/g, ' ');

describe('cell folds', () => {
  it('clean a cell as a person means it and fold full-width forms', () => {
    expect(cleanCell(' 金华市\u3000好运来\u200b超市\n')).toBe('金华市 好运来超市');
    expect(cleanCell('好运来超市')).toBe('好运来超市');
    expect(foldFullWidth('ＡＢＣ\u3000１２３')).toBe('ABC 123');
    expect(foldFullWidth('好运来')).toBe('好运来');
  });

  it('give what the folds spelled out give, for every UTF-16 code unit and any text', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const text = `好运来${String.fromCharCode(c)}超市`;
      expect(cleanCell(text), `U+${c.toString(16)}`).toBe(cleanCellFully(text));
      expect(foldFullWidth(text), `U+${c.toString(16)}`).toBe(foldFullWidthFully(text));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(cleanCell(text)).toBe(cleanCellFully(text));
        expect(foldFullWidth(text)).toBe(foldFullWidthFully(text));
      }),
    );
  });
});

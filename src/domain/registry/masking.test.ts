import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPersonName, maskPhone } from './masking.ts';

describe('maskPhone', () => {
  it('shows a mobile as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
  });

  it('keeps a landline’s area code and last four digits and hides the extension', () => {
    expect(maskPhone('0579-82345678')).toBe('0579-****5678');
    expect(maskPhone('010-6552-1234')).toBe('010-****1234');
    expect(maskPhone('0579-82345678转123')).toBe('0579-****5678转***');
    expect(maskPhone('8234567')).toBe('***4567');
  });

  it('masks every number in a cell that holds several', () => {
    expect(maskPhone('13812345678 / 0579-82345678')).toBe('138****5678、0579-****5678');
  });

  it('shows organisations’ 400 numbers and masks what it cannot read', () => {
    expect(maskPhone('400-123-4567')).toBe('400-123-4567');
    expect(maskPhone('1381234567')).toBe('******4567');
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone(null)).toBe('');
  });

  it('never shows more than the last four digits of a mobile’s subscriber part', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (mobile) => {
        const masked = maskPhone(mobile);
        expect(masked).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
        expect(masked).not.toContain(mobile.slice(3, 7));
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it('keeps the first and last four characters of an ID number', () => {
    expect(maskIdNumber('11010119900307123X')).toBe('1101**********123X');
    expect(maskIdNumber('110101900307123')).toBe('1101*******7123');
    expect(maskIdNumber('１１０１０１１９９００３０７１２３４')).toBe('1101**********1234');
  });

  it('stars short values entirely', () => {
    expect(maskIdNumber('12345678')).toBe('********');
    expect(maskIdNumber(null)).toBe('');
  });
});

describe('maskPersonName', () => {
  it('keeps the surname and stars each other character', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('张三丰')).toBe('张**');
  });

  it('keeps both characters of a compound surname', () => {
    expect(maskPersonName('欧阳修')).toBe('欧阳*');
    expect(maskPersonName('诸葛孔明')).toBe('诸葛**');
  });

  it('does not treat a two-character name as a bare compound surname', () => {
    expect(maskPersonName('司马')).toBe('司*');
  });

  it('keeps separators in minority and Latin names', () => {
    expect(maskPersonName('买买提·艾力')).toBe('买**·**');
    expect(maskPersonName('John Smith')).toBe('J*** *****');
  });

  it('masks a one-character name and passes empty input through', () => {
    expect(maskPersonName('张')).toBe('*');
    expect(maskPersonName('  ')).toBe('');
    expect(maskPersonName(null)).toBe('');
  });
});

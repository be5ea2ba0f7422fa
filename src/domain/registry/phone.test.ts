import { describe, expect, it } from 'vitest';
import { checkPhone, splitPhoneList } from './phone.ts';

describe('checkPhone', () => {
  it('accepts a mobile written with spaces, dashes, full-width digits or a country code', () => {
    for (const input of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '１３８１２３４５６７８',
      '+86 138 1234 5678',
      '8613812345678',
    ]) {
      expect(checkPhone(input)).toMatchObject({ valid: true, kind: 'mobile', normalized: '13812345678' });
    }
  });

  it('accepts landlines with three- and four-digit area codes in the usual spellings', () => {
    expect(checkPhone('0579-82345678')).toMatchObject({ valid: true, kind: 'landline', normalized: '0579-82345678' });
    expect(checkPhone('(0579)82345678')).toMatchObject({ normalized: '0579-82345678' });
    expect(checkPhone('057982345678')).toMatchObject({ normalized: '0579-82345678' });
    expect(checkPhone('010-6552-1234')).toMatchObject({ normalized: '010-65521234' });
    expect(checkPhone('021 5432 1000')).toMatchObject({ normalized: '021-54321000' });
    expect(checkPhone('+86 579 8234 5678')).toMatchObject({ normalized: '0579-82345678' });
  });

  it('keeps an extension written with 转, 分机 or a trailing dash', () => {
    expect(checkPhone('0579-82345678转123').normalized).toBe('0579-82345678转123');
    expect(checkPhone('0579-82345678 分机 8').normalized).toBe('0579-82345678转8');
    expect(checkPhone('0579-82345678-123').normalized).toBe('0579-82345678转123');
  });

  it('accepts a local number without area code but warns about it', () => {
    expect(checkPhone('82345678')).toMatchObject({ valid: true, kind: 'landline', warnings: ['固定电话「82345678」未带区号'] });
  });

  it('accepts 400 and 800 service numbers', () => {
    expect(checkPhone('400-123-4567')).toMatchObject({ valid: true, kind: 'service', normalized: '400-123-4567' });
  });

  it('explains in Chinese what is wrong with a bad number', () => {
    expect(checkPhone('1381234567').errors).toEqual(['手机号码应为 11 位，实际为 10 位']);
    expect(checkPhone('12345678901').errors).toEqual(['手机号码「12345678901」的第 2 位应为 3–9']);
    expect(checkPhone('0579-0234567').errors[0]).toMatch(/本地号码不应以 0 或 1 开头/);
    expect(checkPhone('0579-123').errors[0]).toMatch(/应为 7 或 8 位号码/);
    expect(checkPhone('打电话给张三').errors[0]).toMatch(/含有数字以外的字符/);
    expect(checkPhone('   ').errors).toEqual(['为空']);
  });
});

describe('splitPhoneList', () => {
  it('splits a cell holding several numbers but not a landline written with one space', () => {
    expect(splitPhoneList('13812345678 / 0579-82345678；13987654321、0579 82345678')).toEqual([
      '13812345678',
      '0579-82345678',
      '13987654321',
      '0579 82345678',
    ]);
  });
});

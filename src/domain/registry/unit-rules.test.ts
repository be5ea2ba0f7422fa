import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regionPrefixesOf } from './divisions.ts';
import {
  UNIT_CATEGORIES,
  UNIT_CATEGORY_LABELS,
  UNIT_SOURCE_LABELS,
  UNIT_STATUSES,
  UNIT_STATUS_LABELS,
  duplicateKey,
  foldAddress,
  isCompactAddress,
  isUnitDrawable,
  isUsableAddress,
  normalizeAddress,
  normalizeAddressFully,
  normalizeUnitName,
  normalizeUnitNameFully,
  type UnitDrawFacts,
} from './unit-rules.ts';

const activeUnit: UnitDrawFacts = { status: 'active', flaggedForReview: false, address: '金华市婺城区人民路88号' };

describe('unit categories, statuses and sources', () => {
  it('labels every category and status in Chinese as the registry shows them', () => {
    expect(UNIT_CATEGORIES.map((c) => UNIT_CATEGORY_LABELS[c])).toEqual(['重点单位', '一般单位', '九小场所', '其他']);
    expect(UNIT_STATUSES.map((s) => UNIT_STATUS_LABELS[s])).toEqual(['正常', '停业', '注销', '迁出', '查无此单位']);
    expect(Object.values(UNIT_SOURCE_LABELS)).toEqual(['市场监管导入', '部门共享', '手工录入']);
  });
});

describe('isUnitDrawable', () => {
  it('draws an active unit with a usable address', () => {
    expect(isUnitDrawable(activeUnit, '2026-03-01')).toEqual({ drawable: true });
  });

  it('keeps every non-active status out of the pool with its own reason', () => {
    expect(isUnitDrawable({ ...activeUnit, status: 'suspended' }, '2026-03-01')).toEqual({
      drawable: false,
      reason: 'STATUS_SUSPENDED',
    });
    expect(isUnitDrawable({ ...activeUnit, status: 'deregistered' }, '2026-03-01')).toEqual({
      drawable: false,
      reason: 'STATUS_DEREGISTERED',
    });
    expect(isUnitDrawable({ ...activeUnit, status: 'relocated' }, '2026-03-01')).toEqual({
      drawable: false,
      reason: 'STATUS_RELOCATED',
    });
    expect(isUnitDrawable({ ...activeUnit, status: 'not_found' }, '2026-03-01')).toEqual({
      drawable: false,
      reason: 'STATUS_NOT_FOUND',
    });
  });

  it('applies a status from its effective date, inclusive, and not before', () => {
    const closing: UnitDrawFacts = { ...activeUnit, status: 'suspended', statusEffectiveOn: '2026-05-01' };
    expect(isUnitDrawable(closing, '2026-04-30')).toEqual({ drawable: true });
    expect(isUnitDrawable(closing, '2026-05-01')).toEqual({ drawable: false, reason: 'STATUS_SUSPENDED' });
  });

  it('keeps a suspected zombie unit out until it is reviewed', () => {
    expect(isUnitDrawable({ ...activeUnit, flaggedForReview: true }, '2026-03-01')).toEqual({
      drawable: false,
      reason: 'FLAGGED_FOR_REVIEW',
    });
  });

  it('reports the status before the review flag when both apply', () => {
    expect(isUnitDrawable({ ...activeUnit, status: 'deregistered', flaggedForReview: true }, '2026-03-01')).toMatchObject({
      reason: 'STATUS_DEREGISTERED',
    });
  });

  it('does not draw a unit whose actual address is missing or only a placeholder', () => {
    expect(isUnitDrawable({ ...activeUnit, address: null }, '2026-03-01')).toEqual({ drawable: false, reason: 'NO_ADDRESS' });
    expect(isUnitDrawable({ ...activeUnit, address: '不详' }, '2026-03-01')).toEqual({ drawable: false, reason: 'NO_ADDRESS' });
    expect(isUnitDrawable({ ...activeUnit, address: '浙江省金华市婺城区' }, '2026-03-01')).toEqual({
      drawable: false,
      reason: 'NO_ADDRESS',
    });
  });

  it('accepts the registered address in place of the actual one only when told to', () => {
    const unit: UnitDrawFacts = { ...activeUnit, address: null, registeredAddress: '金华市婺城区八一南街1号' };
    expect(isUnitDrawable(unit, '2026-03-01')).toMatchObject({ reason: 'NO_ADDRESS' });
    expect(isUnitDrawable(unit, '2026-03-01', { acceptRegisteredAddress: true })).toEqual({ drawable: true });
  });

  it('rejects a draw date that is not YYYY-MM-DD', () => {
    expect(() => isUnitDrawable(activeUnit, '2026/03/01')).toThrow(RangeError);
  });

  it('never draws a unit that is not active, whatever else is true of it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UNIT_STATUSES.filter((s) => s !== 'active')),
        fc.boolean(),
        fc.option(fc.string()),
        (status, flaggedForReview, address) => {
          expect(isUnitDrawable({ status, flaggedForReview, address }, '2026-03-01').drawable).toBe(false);
        },
      ),
    );
  });
});

describe('isUsableAddress', () => {
  it('accepts a street address and a named place', () => {
    expect(isUsableAddress('人民路88号')).toBe(true);
    expect(isUsableAddress('义乌国际商贸城')).toBe(true);
  });

  it('rejects empty cells, placeholders and bare administrative names', () => {
    for (const a of [null, '', '  ', '无', '暂无', '－', 'N/A', '金华市', '浙江省金华市婺城区'])
      expect(isUsableAddress(a)).toBe(false);
  });

  it('treats full-width, spaced, lower-case and invisible-character spellings like the plain ones', () => {
    for (const a of ['ｎ／ａ', ' n/a ', '\u200b无\u3000', '－－', 'null']) expect(isUsableAddress(a)).toBe(false);
    expect(isUsableAddress('金华市 婺城区')).toBe(false);
    expect(isUsableAddress('金华市婺城区\u00a0人民路８８号')).toBe(true);
  });

  it('skips the folding only for text the folding leaves unchanged (every UTF-16 code unit, alone and in an address)', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `人民路${ch}88号`]) {
        if (isCompactAddress(text)) expect(foldAddress(text), `U+${c.toString(16)}`).toBe(text);
      }
    }
    expect(isCompactAddress('浙江省金华市婺城区人民路88号')).toBe(true);
    expect(isCompactAddress('人民路88号 ')).toBe(false);
  });

  it('answers the same with and without the fast path', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const folded = foldAddress(raw);
        expect(isUsableAddress(raw)).toBe(isUsableAddress(folded));
      }),
    );
  });
});

describe('normalizeUnitName', () => {
  it('folds spaces, full-width forms and brackets so the same name written twice compares equal', () => {
    expect(normalizeUnitName(' 金华市 好运来超市（婺城店） ')).toBe(normalizeUnitName('金华市好运来超市(婺城店)'));
    expect(normalizeUnitName('金华市【好运来】超市')).toBe('金华市(好运来)超市');
    expect(normalizeUnitName('ＡＢＣ商贸有限公司')).toBe('ABC商贸有限公司');
    expect(normalizeUnitName('“好运来”超市')).toBe('好运来超市');
  });

  it('keeps legal-form suffixes, so a branch stays distinct from its company', () => {
    expect(normalizeUnitName('金华好运来有限公司')).not.toBe(normalizeUnitName('金华好运来有限公司婺城分公司'));
    expect(normalizeUnitName('金华好运来有限公司')).not.toBe(normalizeUnitName('金华好运来有限责任公司'));
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normalizeUnitName(normalizeUnitName(s))).toBe(normalizeUnitName(s));
      }),
    );
  });
});

describe('normalizeAddress', () => {
  it('strips the brigade region and folds digits, 號, 栋 and Chinese house numbers', () => {
    const regionPrefixes = regionPrefixesOf('330702');
    const a = normalizeAddress('浙江省金华市婺城区 人民路八十八號３栋', { regionPrefixes });
    const b = normalizeAddress('婺城区人民路88号3幢', { regionPrefixes });
    expect(a).toBe('人民路88号3幢');
    expect(b).toBe(a);
  });

  it('reads 88# as 88号 and collapses a doubled 号', () => {
    expect(normalizeAddress('人民路88#')).toBe('人民路88号');
    expect(normalizeAddress('人民路88号号')).toBe('人民路88号');
  });

  it('converts 一百零五 and 二〇三 before a house-number word', () => {
    expect(normalizeAddress('解放路一百零五号二〇三室')).toBe('解放路105号203室');
    expect(normalizeAddress('十二弄')).toBe('12弄');
  });

  it('leaves a region name that is not the brigade’s in place', () => {
    expect(normalizeAddress('杭州市延安路1号', { regionPrefixes: regionPrefixesOf('330702') })).toBe('杭州市延安路1号');
  });
});

describe('the shortcut of normalizeUnitName and normalizeAddress (text the folding leaves unchanged is returned as it is)', () => {
  it('gives what the rules give for every UTF-16 code unit, alone and among the characters of a name and an address', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      // Where the shortcut is not taken the rules run anyway; where it is, they must change nothing.
      const name = `好运来${ch}超市`;
      if (normalizeUnitName(name) === name) expect(normalizeUnitNameFully(name), `U+${c.toString(16)}`).toBe(name);
      for (const address of [`人民路${ch}88号`, `88${ch}`, `${ch}号`]) {
        if (normalizeAddress(address) === address) expect(normalizeAddressFully(address), `U+${c.toString(16)}`).toBe(address);
      }
    }
    expect(normalizeAddress('人民路88号号')).toBe('人民路88号');
    expect(normalizeAddress('人民路八十八号')).toBe('人民路88号');
    expect(normalizeAddress('人民路88#')).toBe('人民路88号');
    expect(normalizeAddress('人民路88号。')).toBe('人民路88号');
  });

  it('gives what the rules give for any text made of the characters the rules look at', () => {
    const units = [...'好运来人民路号号弄幢楼层室单元88#一二十百千零〇两號衖栋【】〔〕<>ー・"「」。.,，;；ａＡaA （）\u3000\u200b'];
    const text = fc.array(fc.constantFrom(...units), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(normalizeUnitName(t)).toBe(normalizeUnitNameFully(t));
        expect(normalizeAddress(t)).toBe(normalizeAddressFully(t));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('duplicateKey', () => {
  it('gives the same key to the same unit typed differently', () => {
    const options = { regionPrefixes: regionPrefixesOf('330702') };
    expect(duplicateKey('好运来超市（婺城店）', '金华市婺城区人民路８８号', options)).toBe(
      duplicateKey('好运来超市(婺城店)', '人民路88号', options),
    );
  });

  it('separates the same name at different addresses', () => {
    expect(duplicateKey('好运来超市', '人民路88号')).not.toBe(duplicateKey('好运来超市', '人民路90号'));
    expect(duplicateKey('好运来超市', null)).toBe('好运来超市|');
  });
});

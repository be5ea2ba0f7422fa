import { describe, expect, it } from 'vitest';
import { searchGrams, unitSearchGramSet, unitSearchGrams } from './search-grams.ts';

describe('search bigrams', () => {
  it('splits Chinese text into adjacent character pairs without spaces, distinct', () => {
    expect(searchGrams('婺城 区婺城')).toEqual(['婺城', '城区', '区婺']);
  });
  it('lower-cases Latin letters so a credit code matches in any case', () => {
    expect(searchGrams('ma2')).toEqual(['ma', 'a2']);
  });
  it('gives nothing for a single character', () => {
    expect(searchGrams('店')).toEqual([]);
  });
  it('keeps a character outside the Basic Multilingual Plane whole', () => {
    expect(searchGrams('𠀋店')).toEqual(['𠀋店']);
  });
});

describe('unit search bigrams', () => {
  const unit = { name: '婺城 好运来超市', address: '婺城区 人民路1号', registeredAddress: null, uscc: '91330702MA2ABCDE1X' };
  it('takes each field on its own, so no pair spans two fields, sorted', () => {
    const grams = unitSearchGrams(unit);
    expect(grams).toContain('超市');
    expect(grams).not.toContain('市婺');
    expect(grams).toEqual([...grams].sort());
  });
  it('leaves the credit code out: a search never confirms a unit on it', () => {
    expect(unitSearchGrams({ name: '超市', address: null, registeredAddress: null })).toEqual(['超市']);
    expect(unitSearchGrams(unit).filter((g) => /^[0-9a-z]{2}$/.test(g))).toEqual([]);
  });
  it('gives the bulk writers the same bigrams, unsorted', () => {
    expect([...unitSearchGramSet(unit)].sort()).toEqual(unitSearchGrams(unit));
  });
});

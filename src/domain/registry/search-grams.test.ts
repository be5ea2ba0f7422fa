import { describe, expect, it } from 'vitest';
import { searchGrams } from './search-grams.ts';

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
});

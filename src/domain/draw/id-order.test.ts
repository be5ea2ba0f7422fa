import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareIds, idOrder, idOrderPermutation, isAsciiId, sortByIdOrder, sortUniqueByIdOrder, indexOfId } from './id-order.ts';

/** The definition itself (draw-algorithm.md §2): compare the UTF-8 bytes of the NFC forms. */
function byUtf8(a: string, b: string): number {
  return Math.sign(Buffer.compare(Buffer.from(a.normalize('NFC'), 'utf8'), Buffer.from(b.normalize('NFC'), 'utf8')));
}

/** Ids from a small alphabet so that long shared prefixes, equal ids and the tricky characters are common. */
const trickyId = fc.string({
  unit: fc.constantFrom('a', 'b', 'e', 'f', 'Z', '0', '-', '\u0000', '\u0301', 'é', '中', '\uFF01', '\uE000', '𠀀', '\u{1F525}'),
  maxLength: 12,
});
const asciiId = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '0', '1', '-'), maxLength: 24 });
const anyId = fc.string({ unit: 'binary', maxLength: 10 });
/** Many ASCII ids and one that may not be: the radix sort must notice it and fall back. */
const mostlyAsciiIds = fc
  .tuple(fc.array(asciiId, { minLength: 20, maxLength: 200 }), trickyId, fc.nat())
  .map(([ids, odd, at]) => [...ids.slice(0, at % (ids.length + 1)), odd, ...ids.slice(at % (ids.length + 1))]);
/** ASCII with NUL, which the radix sort packs like the end of an id. */
const asciiNulId = fc.string({ unit: fc.constantFrom('a', 'b', '\u0000'), maxLength: 16 });

describe('compareIds', () => {
  it.each([
    ['a', 'b', -1, 'plain ASCII'],
    ['a', 'ab', -1, 'a prefix comes first'],
    ['Z', 'a', -1, 'upper case before lower case (byte order, not a locale)'],
    ['10', '9', -1, 'digits are characters, not numbers'],
    ['abc', 'abc', 0, 'equal'],
    ['\uFF01', '𠀀', -1, 'U+FF01 (EF BC 81) before U+20000 (F0 A0 80 80), though UTF-16 orders them the other way'],
    ['\uE000', '\u{1F525}', -1, 'a private-use BMP character before an emoji'],
    ['中', '\uFF01', -1, 'two BMP characters by code point'],
    ['z', '中', -1, 'ASCII before any other character'],
    ['e\u0301', 'é', 0, 'a decomposed é is the same id as the composed one (NFC)'],
    ['e\u0301', 'f', 1, 'é (C3 A9) sorts after f although its first code unit e is before f'],
    ['ae\u0301x', 'afx', 1, 'the composition is seen at the first difference'],
    ['e', 'e\u0301', -1, 'e (65) before é (C3 A9), its composed form'],
    ['2026-北京-1', '2026-上海-1', 1, 'Chinese ids by code point: 北 U+5317 after 上 U+4E0A'],
  ])('compareIds(%j, %j) has sign %i: %s', (a, b, sign) => {
    expect(Math.sign(compareIds(a, b))).toBe(sign);
    expect(Math.sign(compareIds(b, a))).toBe(-sign || 0);
  });

  it('agrees with the UTF-8 bytes of the NFC forms for any two ids', () => {
    fc.assert(
      fc.property(fc.oneof(trickyId, anyId, asciiId), fc.oneof(trickyId, anyId, asciiId), (a, b) => {
        expect(Math.sign(compareIds(a, b))).toBe(byUtf8(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('is antisymmetric and transitive on tricky ids', () => {
    fc.assert(
      fc.property(trickyId, trickyId, trickyId, (a, b, c) => {
        expect(Math.sign(compareIds(a, b))).toBe(-Math.sign(compareIds(b, a)) || 0);
        if (compareIds(a, b) <= 0 && compareIds(b, c) <= 0) expect(compareIds(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('isAsciiId', () => {
  it('is true for a UUID and false for a Chinese id', () => {
    expect(isAsciiId('0f8c2a9e-7d1b-4c3a-9e5f-1a2b3c4d5e6f')).toBe(true);
    expect(isAsciiId('婺城-001')).toBe(false);
  });
});

describe('sortByIdOrder', () => {
  it('sorts by id order and keeps equal ids in their input order', () => {
    const rows = [
      { id: 'b', n: 1 },
      { id: '𠀀', n: 2 },
      { id: 'a', n: 3 },
      { id: '\uFF01', n: 4 },
      { id: 'é', n: 5 },
      { id: 'e\u0301', n: 6 },
    ];
    expect(sortByIdOrder(rows, (r) => r.id).map((r) => r.n)).toEqual([3, 1, 5, 6, 4, 2]);
  });

  it('never modifies its input', () => {
    const rows = ['c', 'a', 'b'];
    expect(sortByIdOrder(rows, (r) => r)).toEqual(['a', 'b', 'c']);
    expect(rows).toEqual(['c', 'a', 'b']);
  });

  it('gives the same order as a stable sort by UTF-8 bytes, for any ids (radix path included)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(asciiId, { maxLength: 400 }),
          fc.array(asciiNulId, { maxLength: 400 }),
          mostlyAsciiIds,
          fc.array(trickyId, { maxLength: 200 }),
          fc.array(anyId, { maxLength: 50 }),
        ),
        (ids) => {
          const expected = ids.map((id, i) => ({ id, i })).sort((x, y) => byUtf8(x.id, y.id) || x.i - y.i);
          expect(Array.from(idOrderPermutation(ids))).toEqual(expected.map((e) => e.i));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sorts thousands of ids with long shared prefixes and NULs', () => {
    const ids = Array.from(
      { length: 5000 },
      (_, i) => `unit-${String((i * 7919) % 5000).padStart(12, '0')}${i % 3 === 0 ? '\u0000' : ''}`,
    );
    const sorted = Array.from(idOrderPermutation(ids), (i) => ids[i] as string);
    expect(sorted).toEqual([...ids].sort(byUtf8));
  });
});

describe('idOrder', () => {
  it('reports an id listed twice, NFC forms included, on every path', () => {
    expect(idOrder(['a', 'b', 'b']).duplicate).toBe('b'); // already sorted
    expect(idOrder(Array.from({ length: 40 }, (_, i) => `id-${i % 39}`)).duplicate).toBe('id-0'); // radix path
    expect(idOrder(['é', 'x', 'e\u0301']).duplicate).not.toBeNull(); // NFC path
    expect(idOrder(['a', 'a\u0000']).duplicate).toBeNull();
    expect(() => sortUniqueByIdOrder(['p2', 'p1', 'p2'], (id) => id, 'inspector')).toThrow('inspector p2 is listed twice');
  });

  it('finds a duplicate exactly when two ids have the same NFC form', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(asciiId, { maxLength: 300 }),
          fc.array(asciiNulId, { maxLength: 300 }),
          mostlyAsciiIds,
          fc.array(trickyId, { maxLength: 60 }),
        ),
        (ids) => {
          const hasTwin = new Set(ids.map((id) => id.normalize('NFC'))).size < ids.length;
          expect(idOrder(ids).duplicate !== null).toBe(hasTwin);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('indexOfId', () => {
  it('finds an id in rows in id order, under any NFC spelling, and answers -1 otherwise', () => {
    const rows = sortByIdOrder(['b', 'é', 'a', '单位-1', '𠀀', 'ab'].map((id) => [id] as const), (r) => r[0]);
    for (const [i, [id]] of rows.entries()) expect(indexOfId(rows, (r) => r[0], id)).toBe(i);
    expect(indexOfId(rows, (r) => r[0], 'e\u0301')).toBe(rows.findIndex(([id]) => id === 'é'));
    expect(indexOfId(rows, (r) => r[0], 'c')).toBe(-1);
    expect(indexOfId([], (r: readonly [string]) => r[0], 'a')).toBe(-1);
  });
});

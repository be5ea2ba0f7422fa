import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 0, y: -3 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":-3,"z":0}}',
    );
  });

  it('sorts keys by UTF-16 code units as RFC 8785 requires', () => {
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, '1': 4, ö: 5 })).toBe(
      '{"\\r":2,"1":4,"ö":5,"€":1,"😀":3}',
    );
  });

  it('normalises strings to NFC so visually equal text hashes the same', () => {
    expect(canonicalJson('e\u0301')).toBe(canonicalJson('\u00e9'));
  });

  it('writes numbers in ECMAScript shortest form and omits undefined members', () => {
    expect(canonicalJson({ n: 1e21, m: 0.000001, k: undefined })).toBe('{"m":0.000001,"n":1e+21}');
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ a: () => 1 })).toThrow();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow();
  });
});

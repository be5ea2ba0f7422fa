import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonical-json.ts';
import { sha256Hex, toHex } from '../crypto/sha256.ts';
import { utf8 } from './bytes.ts';
import type { Manifest } from './draw-types.ts';
import { digestManifest, hashJcs, jcsEquals, manifestHashBytes, writeJcs } from './jcs-hash.ts';

function chunked(value: unknown): { text: string; chunks: number } {
  const parts: string[] = [];
  writeJcs(value, (chunk) => parts.push(chunk));
  return { text: parts.join(''), chunks: parts.length };
}

/** Strings that exercise JSON escaping, NFC and UTF-16 key order. */
const awkwardString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('e\u0301', 'é', '"', '\\', '\u0000', '\u007f', '\u2028', '单位-甲', '𠀀', '\uff01', '\ud800', 'Å', '\u212b'),
);

/** Any JSON value, its strings awkward. */
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    awkwardString,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(awkwardString, tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('JCS written in chunks and hashed as it comes', { timeout: 60_000 }, () => {
  it('writes exactly the characters of canonicalJson for any JSON value', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(chunked(value).text).toBe(canonicalJson(value));
        expect(toHex(hashJcs(value))).toBe(sha256Hex(canonicalJson(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts each shape of object once and still leaves out the keys whose value is undefined', () => {
    const values = [
      { a: undefined, b: 1 },
      { b: 1, a: undefined },
      { a: 1, b: undefined },
      { b: undefined },
      [{ z: 1, é: 2, a: undefined }, { z: 1, é: undefined, a: 3 }, { z: 1, é: 2, a: 3 }, { 'e\u0301': 1, z: 2 }],
      Array.from({ length: 12 }, (_, i) => ({ [`k${i % 10}`]: i, a: i % 2 === 0 ? undefined : i, [`m${i % 9}`]: [i] })),
    ];
    for (const value of [...values, ...values]) expect(chunked(value).text).toBe(canonicalJson(value));
  });

  it('compares JCS with bytes as it writes: equal exactly when the bytes are canonicalJson, with its UTF-16 length', () => {
    fc.assert(
      fc.property(json, fc.nat(), fc.integer({ min: 1, max: 255 }), (value, at, flip) => {
        const text = canonicalJson(value);
        const bytes = utf8(text);
        expect(jcsEquals(value, bytes)).toEqual({ same: true, chars: text.length });
        // One byte changed, one missing, one too many: not the same.
        const changed = bytes.slice();
        changed[at % bytes.length] = changed[at % bytes.length]! ^ flip;
        expect(jcsEquals(value, changed).same).toBe(false);
        expect(jcsEquals(value, bytes.subarray(0, bytes.length - 1))).toEqual({ same: false, chars: -1 });
        expect(jcsEquals(value, utf8(`${text} `)).same).toBe(false);
      }),
      { numRuns: 300 },
    );
    // Longer than the sink's buffer, differing only near the end.
    const rows = Array.from({ length: 20_000 }, (_, i) => [`U${i}`, '单位-甲𠀀', i]);
    const bytes = utf8(canonicalJson(rows));
    expect(jcsEquals(rows, bytes)).toEqual({ same: true, chars: canonicalJson(rows).length });
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 1;
    expect(jcsEquals(rows, bytes).same).toBe(false);
  });

  it('splits a long array into chunks whose concatenation is canonicalJson', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`U${String(i).padStart(6, '0')}`, i % 3 === 0 ? '重点' : 'general', (i % 64) + 1, 'B1']);
    const value = { zeta: 1, candidates: rows, alpha: 'e\u0301' };
    const { text, chunks } = chunked(value);
    expect(chunks).toBeGreaterThan(1);
    expect(text).toBe(canonicalJson(value));
    expect(toHex(hashJcs(value))).toBe(sha256Hex(canonicalJson(value)));
  });

  it('rejects what canonicalJson rejects, with its error', () => {
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    for (const bad of [[Number.NaN], { x: Infinity }, [undefined], cyclic, [1n]]) {
      expect(() => chunked(bad)).toThrow(TypeError);
    }
  });

  it('keeps, from the same pass as the manifest hash, the UTF-8 bytes of every plain candidate id', () => {
    const ids = ['U0001', 'a"quote', 'back\\slash', '单位-甲', 'e\u0301', 'ctrl\u0001', 'x'.repeat(70_000), 'U0002', ''];
    fc.assert(
      fc.property(fc.shuffledSubarray(ids), fc.array(awkwardString, { maxLength: 3 }), (chosen, extra) => {
        const candidates = [...chosen, ...extra].map((id, i) => [id, `S${i % 3}`, (i % 64) + 1, `B${i % 2}`]);
        // A row that is not a row, in the middle: it has no bytes, and the hash is still JCS.
        const rows = [...candidates.slice(0, 2), 'not a row', ...candidates.slice(2)] as unknown as Manifest['candidates'];
        const manifest = { algorithm: 'XF-SRS/1', candidates: rows, strata: [], zeta: [['U0001']] } as unknown as Manifest;
        const { hash, candidateIds } = digestManifest(manifest);
        expect(toHex(hash)).toBe(toHex(manifestHashBytes(manifest)));
        expect(candidateIds.start.length).toBe(rows.length + 1);
        rows.forEach((row, i) => {
          const id = Array.isArray(row) ? (row[0] as string) : undefined;
          const plain = id !== undefined && /^[\x20-\x7e]*$/.test(id) && !/["\\]/.test(id) && id.length + 2 <= 1 << 16;
          expect(candidateIds.plain[i], `row ${i}`).toBe(plain ? 1 : 0);
          if (plain) expect(toHex(candidateIds.bytes.subarray(candidateIds.start[i]!, candidateIds.start[i + 1]!))).toBe(toHex(utf8(id!)));
          // The other columns: every well-formed row, whatever its id.
          if (Array.isArray(row)) {
            expect(candidateIds.stratumCodes[candidateIds.stratum[i]!]).toBe(row[1]);
            expect(candidateIds.weight[i]).toBe(row[2]);
            expect(candidateIds.poolCodes[candidateIds.pool[i]!]).toBe(row[3]);
          } else expect(candidateIds.stratum[i]).toBe(-1);
        });
      }),
      { numRuns: 200 },
    );
  });
});

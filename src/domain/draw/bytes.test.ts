import { describe, expect, it } from 'vitest';
import { toHex } from '../crypto/sha256.ts';
import { concatBytes, isLowerHex, lp, pad32, u32be, utf8, writeUtf8 } from './bytes.ts';

describe('the byte primitives of draw-algorithm.md §2', () => {
  it('utf8 encodes the NFC form, so a decomposed é and a composed é give the same bytes', () => {
    expect(toHex(utf8('e\u0301'))).toBe('c3a9');
    expect(toHex(utf8('é'))).toBe('c3a9');
    expect(toHex(utf8('单位'))).toBe('e58d95e4bd8d');
  });

  it('LP prefixes the UTF-8 bytes with their length as 4 big-endian bytes', () => {
    expect(toHex(lp('OBS-1'))).toBe('000000054f42532d31');
    expect(toHex(lp(new Uint8Array(0)))).toBe('00000000');
    expect(toHex(lp('单'))).toBe('00000003e58d95');
  });

  it('pad32 right-pads an ASCII tag with zero bytes to 32 bytes and refuses longer or non-ASCII tags', () => {
    const tag = pad32('XF-SRS/1/unit');
    expect(tag.length).toBe(32);
    expect(toHex(tag)).toBe(`${toHex(new TextEncoder().encode('XF-SRS/1/unit'))}${'00'.repeat(32 - 13)}`);
    expect(() => pad32('x'.repeat(33))).toThrow(RangeError);
    expect(() => pad32('标签')).toThrow(RangeError);
  });

  it('u32be writes 4 big-endian bytes and refuses what does not fit', () => {
    expect(toHex(u32be(0))).toBe('00000000');
    expect(toHex(u32be(258))).toBe('00000102');
    expect(toHex(u32be(0xffffffff))).toBe('ffffffff');
    expect(() => u32be(2 ** 32)).toThrow(RangeError);
    expect(() => u32be(-1)).toThrow(RangeError);
  });

  it('concatenates byte strings in order', () => {
    expect(toHex(concatBytes(u32be(1), utf8('a'), new Uint8Array(0)))).toBe('0000000161');
  });

  it('writeUtf8 writes ASCII directly, normalises other ids, and reports a buffer too short', () => {
    const out = new Uint8Array(8);
    expect(writeUtf8('U01', out, 1)).toBe(3);
    expect(toHex(out.subarray(1, 4))).toBe('553031');
    expect(writeUtf8('e\u0301', out, 0)).toBe(2);
    expect(toHex(out.subarray(0, 2))).toBe('c3a9');
    expect(writeUtf8('123456789', out, 0)).toBe(-1);
  });

  it('accepts only lowercase hex of whole bytes', () => {
    expect(isLowerHex('00ff')).toBe(true);
    expect(isLowerHex('00FF')).toBe(false);
    expect(isLowerHex('0f0')).toBe(false);
    expect(isLowerHex(7)).toBe(false);
  });
});

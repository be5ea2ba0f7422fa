import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256Hex, toHex, fromHex } from './sha256.ts';

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on random inputs of every length around block boundaries', () => {
    for (let n = 0; n < 200; n++) {
      const data = randomBytes(n);
      expect(toHex(new Sha256().update(data).digest())).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('gives the same digest however the input is split into updates', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(300), (data, cut) => {
        const at = Math.min(cut, data.length);
        const split = new Sha256().update(data.subarray(0, at)).update(data.subarray(at)).digest();
        expect(toHex(split)).toBe(createHash('sha256').update(data).digest('hex'));
      }),
    );
  });

  it('lets a cloned prefix state be reused for many messages', () => {
    const prefix = new Sha256().update(new Uint8Array(70).fill(7));
    const a = prefix.clone().update(Uint8Array.of(1)).digest();
    const b = prefix.clone().update(Uint8Array.of(2)).digest();
    const expectA = createHash('sha256').update(Buffer.concat([Buffer.alloc(70, 7), Buffer.of(1)])).digest('hex');
    const expectB = createHash('sha256').update(Buffer.concat([Buffer.alloc(70, 7), Buffer.of(2)])).digest('hex');
    expect(toHex(a)).toBe(expectA);
    expect(toHex(b)).toBe(expectB);
  });

  it('digests a shared prefix followed by a suffix without changing the prefix, for any prefix and suffix length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), fc.nat(8), (prefixBytes, suffixBytes, pad) => {
        const prefix = new Sha256().update(prefixBytes);
        const padded = new Uint8Array(pad + suffixBytes.length + pad).fill(0xee);
        padded.set(suffixBytes, pad);
        const words = new Uint32Array(8);
        prefix.digestWithSuffix(padded, pad, pad + suffixBytes.length, words);
        const bytes = new Uint8Array(32);
        const view = new DataView(bytes.buffer);
        words.forEach((w, i) => view.setUint32(i * 4, w));
        const expected = createHash('sha256').update(prefixBytes).update(suffixBytes).digest('hex');
        expect(toHex(bytes)).toBe(expected);
        prefix.digestWithSuffix(padded, pad, pad + suffixBytes.length, words);
        expect(toHex(prefix.digest())).toBe(createHash('sha256').update(prefixBytes).digest('hex'));
      }),
    );
  });

  it('digests a prefix followed by ASCII text, packed from the string, and declines other text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 200 }), (prefixBytes, text) => {
        const prefix = new Sha256().update(prefixBytes);
        const words = new Uint32Array(8);
        expect(prefix.digestAsciiSuffix(text, words)).toBe(true);
        const bytes = new Uint8Array(32);
        const view = new DataView(bytes.buffer);
        words.forEach((w, i) => view.setUint32(i * 4, w));
        expect(toHex(bytes)).toBe(createHash('sha256').update(prefixBytes).update(text, 'latin1').digest('hex'));
        expect(toHex(prefix.digest())).toBe(createHash('sha256').update(prefixBytes).digest('hex'));
      }),
    );
    const words = new Uint32Array(8).fill(7);
    expect(new Sha256().digestAsciiSuffix('单位-001', words)).toBe(false);
    expect(new Sha256().digestAsciiSuffix('caf\u00e9', words)).toBe(false);
    expect([...words]).toEqual(new Array(8).fill(7));
  });

  it('digests a block-aligned prefix and suffixes of one length patched in place (bytes, unaligned u32, ASCII), at every length', () => {
    const toBytes = (words: Int32Array): Uint8Array => {
      const bytes = new Uint8Array(32);
      const view = new DataView(bytes.buffer);
      words.forEach((w, i) => view.setInt32(i * 4, w));
      return bytes;
    };
    fc.assert(
      fc.property(
        fc.nat(2).map((blocks) => new Uint8Array(64 * blocks).map((_, i) => (i * 37) & 0xff)),
        fc.nat(200),
        fc.array(fc.tuple(fc.nat(300), fc.nat(0xffffffff), fc.constantFrom('byte', 'u32', 'ascii', 'bytes')), { maxLength: 12 }),
        (prefixBytes, length, patches) => {
          const hasher = new Sha256().update(prefixBytes).suffixHasher().start(length);
          const expected = new Uint8Array(length);
          const view = new DataView(expected.buffer);
          for (const [position, value, kind] of patches) {
            if (kind === 'byte' && position < length) {
              hasher.setByte(position, value);
              expected[position] = value & 0xff;
            } else if (kind === 'u32' && position + 4 <= length) {
              hasher.setU32(position, value);
              view.setUint32(position, value);
            } else if (kind === 'ascii') {
              const text = value.toString(36).slice(0, Math.max(0, length - position));
              if (position + text.length > length) continue;
              expect(hasher.setAscii(position, text)).toBe(true);
              for (let i = 0; i < text.length; i++) expected[position + i] = text.charCodeAt(i);
            } else if (kind === 'bytes' && position + 3 <= length) {
              const bytes = Uint8Array.of(9, value & 0xff, 7, 5, 3);
              hasher.setBytes(position, bytes, 1, 4);
              expected.set(bytes.subarray(1, 4), position);
            }
          }
          const out = new Int32Array(8);
          hasher.digest(out, 0);
          expect(toHex(toBytes(out))).toBe(createHash('sha256').update(prefixBytes).update(expected).digest('hex'));
        },
      ),
      { numRuns: 500 },
    );
    const hasher = new Sha256().update(new Uint8Array(64)).suffixHasher().start(8);
    expect(() => hasher.setU32(5, 1)).toThrow(RangeError);
    expect(hasher.setAscii(0, 'ab\u00e9')).toBe(false);
    expect(() => new Sha256().update(new Uint8Array(3)).suffixHasher()).toThrow(RangeError);
  });

  it('round-trips hex and rejects malformed hex', () => {
    expect(toHex(fromHex('00ff10'))).toBe('00ff10');
    expect(() => fromHex('0g')).toThrow();
    expect(() => fromHex('abc')).toThrow();
  });
});

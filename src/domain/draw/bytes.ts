/**
 * The byte primitives of XF-SRS/1 (draw-algorithm.md §2), named as the specification names them so a reader can hold
 * the two side by side: `utf8`, `LP` (here `lp`), `pad32`, `u32be`. Hex is `toHex` / `fromHex` of
 * ../crypto/sha256.ts (lowercase out).
 */

const encoder = new TextEncoder();

/** `utf8(s)`: the UTF-8 bytes of the NFC-normalised string. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s.normalize('NFC'));
}

/** `LP(b)`: the 4-byte big-endian length of `b`, then `b`. A string means `LP(utf8(s))`. */
export function lp(value: Uint8Array | string): Uint8Array {
  const bytes = typeof value === 'string' ? utf8(value) : value;
  const out = new Uint8Array(4 + bytes.length);
  writeU32be(out, 0, bytes.length);
  out.set(bytes, 4);
  return out;
}

/** `pad32(tag)`: the ASCII bytes of `tag`, right-padded with zero bytes to 32 bytes. */
export function pad32(tag: string): Uint8Array {
  if (tag.length > 32 || !/^[\x20-\x7e]*$/.test(tag)) throw new RangeError(`pad32: "${tag}" is not ASCII of at most 32 bytes`);
  const out = new Uint8Array(32);
  for (let i = 0; i < tag.length; i++) out[i] = tag.charCodeAt(i);
  return out;
}

/** `u32be(n)`: `n` (0 ≤ n < 2^32) as 4 big-endian bytes. */
export function u32be(n: number): Uint8Array {
  const out = new Uint8Array(4);
  writeU32be(out, 0, n);
  return out;
}

/** Writes `n` (0 ≤ n < 2^32) as 4 big-endian bytes at `offset`. */
export function writeU32be(out: Uint8Array, offset: number, n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`u32be: ${n} is not an integer 0–2^32−1`);
  out[offset] = n >>> 24;
  out[offset + 1] = n >>> 16;
  out[offset + 2] = n >>> 8;
  out[offset + 3] = n;
}

/** `a ‖ b ‖ …`. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Whether `s` is lowercase hex of whole bytes, as bundles carry hashes and reveals (§2: "Hex output is lowercase"). */
export function isLowerHex(s: unknown): s is string {
  return typeof s === 'string' && s.length % 2 === 0 && /^[0-9a-f]*$/.test(s);
}

/** The domain-separation tags of §4–§6, each hashed as `pad32(tag)`. */
export const TAG_COMMIT = pad32('XF-SRS/1/commit');
export const TAG_SEED = pad32('XF-SRS/1/seed');
export const TAG_UNIT = pad32('XF-SRS/1/unit');
export const TAG_INSPECTOR = pad32('XF-SRS/1/inspector');

/**
 * Writes `utf8(id)` into `out` at `offset` and returns the number of bytes written, or −1 when `out` is too
 * short. ASCII ids (UUIDs, credit codes: nearly all) are copied character by character without allocating;
 * others are normalised and encoded.
 */
export function writeUtf8(id: string, out: Uint8Array, offset: number): number {
  const n = id.length;
  let i = 0;
  if (offset + n <= out.length) {
    for (; i < n; i++) {
      const c = id.charCodeAt(i);
      if (c >= 0x80) break;
      out[offset + i] = c;
    }
    if (i === n) return n;
  }
  const bytes = encoder.encode(id.normalize('NFC'));
  if (offset + bytes.length > out.length) return -1;
  out.set(bytes, offset);
  return bytes.length;
}

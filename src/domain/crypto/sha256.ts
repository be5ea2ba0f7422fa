import { compressScheduled, compressWords, scheduleOf } from './sha256-rounds.ts';

/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, with no Node-only dependency, so that the browser verifier
 * and the server compute the same bytes. Supports incremental hashing and cloning a partial state, so a
 * fixed prefix (e.g. pad32(tag) ‖ seed) is absorbed once and reused for every unit key. The hot paths use the
 * generated rounds of ./sha256-rounds.ts (about twice as fast as the loop in `compress`); long inputs go through the
 * WebAssembly kernel of ./sha256-wasm.ts when it is available (the same digest).
 */

/** Whole blocks from which {@link Sha256.update} hands the input to the WebAssembly kernel. */
const KERNEL_FROM_BLOCKS = 16;

/** What {@link Sha256.update} needs of the kernel: one lane over whole blocks. */
export type BlocksKernel = { compressBlocks(state: Int32Array, data: Uint8Array, offset: number, blocks: number): void };

/**
 * The kernel for long inputs, set by ./sha256-wasm.ts when it is loaded (the draw core loads it). This file does not
 * import it, so a page that only hashes a photo (the field app) does not download the kernel's bytes.
 */
let blocksKernel: () => BlocksKernel | null = () => null;

/** @internal Called by ./sha256-wasm.ts. */
export function setBlocksKernel(provider: () => BlocksKernel | null): void {
  blocksKernel = provider;
}

const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** Message words of {@link compress}. */
const BLOCK_WORDS = new Int32Array(16);

/** Compresses the 64 bytes of `block` from `offset` into `state`. */
function compress(state: Int32Array, block: Uint8Array, offset: number): void {
  const w = BLOCK_WORDS;
  for (let k = 0, j = offset; k < 16; k++, j += 4) w[k] = (block[j]! << 24) | (block[j + 1]! << 16) | (block[j + 2]! << 8) | block[j + 3]!;
  compressWords(state, w, 0);
}

/** Working state and message words of {@link Sha256.digestWithSuffix}: JavaScript is single-threaded, so one of each serves every call. */
const SCRATCH_STATE = new Int32Array(8);
const SCRATCH_WORDS = new Int32Array(16);

export class Sha256 {
  private readonly state = new Int32Array(IV);
  private readonly buffer = new Uint8Array(64);
  private bufferLength = 0;
  private totalLength = 0;

  update(data: Uint8Array): this {
    let offset = 0;
    this.totalLength += data.length;
    if (this.bufferLength > 0) {
      const take = Math.min(64 - this.bufferLength, data.length);
      this.buffer.set(data.subarray(0, take), this.bufferLength);
      this.bufferLength += take;
      offset = take;
      if (this.bufferLength < 64) return this;
      compress(this.state, this.buffer, 0);
      this.bufferLength = 0;
    }
    const blocks = (data.length - offset) >> 6;
    const kernel = blocks >= KERNEL_FROM_BLOCKS ? blocksKernel() : null;
    if (kernel !== null) {
      kernel.compressBlocks(this.state, data, offset, blocks);
      offset += blocks * 64;
    }
    while (offset + 64 <= data.length) {
      compress(this.state, data, offset);
      offset += 64;
    }
    if (offset < data.length) {
      this.buffer.set(data.subarray(offset), 0);
      this.bufferLength = data.length - offset;
    }
    return this;
  }

  /**
   * The state words after everything absorbed so far, which must be whole blocks, and its length in bytes: the
   * prefix of {@link Sha256Kernel.hashMessages}.
   */
  prefixState(): { state: Int32Array; length: number } {
    if (this.bufferLength > 0) throw new RangeError('sha256: a prefix state needs whole 64-byte blocks');
    return { state: this.state.slice(), length: this.totalLength };
  }

  /** A copy of the partial state: hash a shared prefix once, then clone per message. */
  clone(): Sha256 {
    const copy = new Sha256();
    copy.state.set(this.state);
    copy.buffer.set(this.buffer);
    copy.bufferLength = this.bufferLength;
    copy.totalLength = this.totalLength;
    return copy;
  }

  /**
   * The digest of everything absorbed so far followed by `suffix[start, end)`, written to `out` as eight
   * big-endian 32-bit words, without changing this instance and without allocating. For hot loops that hash
   * many short messages after one shared prefix (the draw hashes a million unit ids after
   * `pad32(tag) ‖ seed`): absorb the prefix once, then call this per message.
   */
  digestWithSuffix(suffix: Uint8Array, start: number, end: number, out: Uint32Array): void {
    if (this.bufferLength > 0) {
      // Rare: the prefix is not block-aligned. Join the buffered bytes and the suffix, then as below.
      const joined = new Uint8Array(this.bufferLength + end - start);
      joined.set(this.buffer.subarray(0, this.bufferLength));
      joined.set(suffix.subarray(start, end), this.bufferLength);
      const aligned = this.clone();
      aligned.totalLength -= this.bufferLength;
      aligned.bufferLength = 0;
      aligned.digestWithSuffix(joined, 0, joined.length, out);
      return;
    }
    const state = SCRATCH_STATE;
    const w = SCRATCH_WORDS;
    const own = this.state;
    for (let x = 0; x < 8; x++) state[x] = own[x]!;
    let i = start;
    while (end - i >= 64) {
      for (let k = 0; k < 16; k++, i += 4) w[k] = (suffix[i]! << 24) | (suffix[i + 1]! << 16) | (suffix[i + 2]! << 8) | suffix[i + 3]!;
      compressWords(state, w, 0);
    }
    // The last 0–63 bytes in whole words, then the word holding 0x80, zeros, and the length in bits.
    let k = 0;
    for (; i + 4 <= end; k++, i += 4) w[k] = (suffix[i]! << 24) | (suffix[i + 1]! << 16) | (suffix[i + 2]! << 8) | suffix[i + 3]!;
    let last = 0;
    let shift = 24;
    for (; i < end; i++, shift -= 8) last |= suffix[i]! << shift;
    w[k++] = last | (0x80 << shift);
    if (k > 14) {
      while (k < 16) w[k++] = 0;
      compressWords(state, w, 0);
      k = 0;
    }
    while (k < 14) w[k++] = 0;
    const bitLength = (this.totalLength + end - start) * 8;
    w[14] = Math.floor(bitLength / 0x100000000) | 0;
    w[15] = bitLength | 0;
    compressWords(state, w, 0);
    for (let x = 0; x < 8; x++) out[x] = state[x]! >>> 0;
  }

  /**
   * {@link digestWithSuffix} for a suffix given as text that is all ASCII (its UTF-8 bytes are its char codes):
   * the words are packed straight from the string, with no byte array. Returns false, writing nothing, when
   * the text holds a character from U+0080 up (the caller then encodes it and uses digestWithSuffix).
   */
  digestAsciiSuffix(text: string, out: Uint32Array): boolean {
    const end = text.length;
    const w = SCRATCH_WORDS;
    if (end > 55 || this.bufferLength > 0) {
      // Longer than one block (not an id of the draw) or an unaligned prefix: through the bytes.
      const bytes = new Uint8Array(end);
      for (let i = 0; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) return false;
        bytes[i] = c;
      }
      this.digestWithSuffix(bytes, 0, end, out);
      return true;
    }
    // One block: pack the characters into words while noting whether any is beyond ASCII.
    let any = packAscii(text, end >> 2, w, 0);
    let i = end & ~3;
    let k = end >> 2;
    let last = 0;
    let shift = 24;
    for (; i < end; i++, shift -= 8) {
      const c = text.charCodeAt(i);
      any |= c;
      last |= c << shift;
    }
    if (any >= 0x80) return false;
    w[k++] = last | (0x80 << shift);
    while (k < 14) w[k++] = 0;
    const bitLength = (this.totalLength + end) * 8;
    w[14] = Math.floor(bitLength / 0x100000000) | 0;
    w[15] = bitLength | 0;
    const state = SCRATCH_STATE;
    const own = this.state;
    for (let x = 0; x < 8; x++) state[x] = own[x]!;
    compressWords(state, w, 0);
    for (let x = 0; x < 8; x++) out[x] = state[x]! >>> 0;
    return true;
  }

  /**
   * A {@link SuffixHasher} over everything absorbed so far, which must be whole blocks (the draw's prefixes
   * `pad32(tag) ‖ seed` are 64 bytes).
   */
  suffixHasher(): SuffixHasher {
    if (this.bufferLength > 0) throw new RangeError('sha256: a suffix hasher needs a prefix of whole 64-byte blocks');
    return new SuffixHasher(this.state.slice(), this.totalLength);
  }

  digest(): Uint8Array {
    const bitLength = this.totalLength * 8;
    const padLength = this.bufferLength < 56 ? 56 - this.bufferLength : 120 - this.bufferLength;
    const tail = new Uint8Array(padLength + 8);
    tail[0] = 0x80;
    const high = Math.floor(bitLength / 0x100000000);
    const low = bitLength >>> 0;
    const view = new DataView(tail.buffer);
    view.setUint32(padLength, high);
    view.setUint32(padLength + 4, low);
    const saved = this.totalLength;
    this.update(tail);
    this.totalLength = saved;
    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    for (let i = 0; i < 8; i++) outView.setUint32(i * 4, this.state[i]! >>> 0);
    return out;
  }
}

/**
 * Digests of `prefix ‖ suffix` for one absorbed prefix and many suffixes of one length that differ in a few bytes
 * (the draw's inspector streams differ only in a slot and a counter). The suffix is kept padded, as big-endian
 * words: a change rewrites only the words it touches, and a last block that holds nothing but padding (a suffix
 * of 56–63 bytes modulo 64) has its message schedule worked out once per length, which saves about a third of
 * that block. Make one with {@link Sha256.suffixHasher}.
 */
export class SuffixHasher {
  private words = new Int32Array(32);
  private blocks = 0;
  private length = -1;
  /** K + W of the last block when it holds only padding (see {@link compressScheduled}), else null. */
  private lastSchedule: Int32Array | null = null;
  private readonly schedules = new Map<number, Int32Array | null>();

  /** @internal Use {@link Sha256.suffixHasher}. */
  constructor(
    private readonly prefixState: Int32Array,
    private readonly prefixLength: number,
  ) {}

  /** The suffix length in bytes (−1 before {@link start}). */
  get suffixLength(): number {
    return this.length;
  }

  /** Starts a suffix of `length` bytes, all zero. */
  start(length: number): this {
    if (!(Number.isInteger(length) && length >= 0 && length < 2 ** 28)) throw new RangeError(`sha256: suffix length ${length}`);
    const blocks = Math.floor((length + 8) / 64) + 1;
    const size = blocks * 16;
    if (this.words.length < size) this.words = new Int32Array(size);
    const w = this.words;
    w.fill(0, 0, size);
    this.blocks = blocks;
    this.length = length;
    w[length >> 2] = 0x80 << (24 - (length & 3) * 8);
    const bits = (this.prefixLength + length) * 8;
    w[size - 2] = Math.floor(bits / 0x100000000) | 0;
    w[size - 1] = bits | 0;
    let schedule = this.schedules.get(length);
    if (schedule === undefined) {
      // The last block holds suffix bytes unless the suffix ends (and its 0x80 sits) in an earlier block.
      const onlyPadding = length + 1 <= (blocks - 1) * 64;
      schedule = onlyPadding ? scheduleOf(w.subarray(size - 16, size)) : null;
      this.schedules.set(length, schedule);
    }
    this.lastSchedule = schedule;
    return this;
  }

  /** Writes byte `value` at `at` (0 ≤ at < length). */
  setByte(at: number, value: number): void {
    this.checkRange(at, 1);
    const shift = 24 - (at & 3) * 8;
    const i = at >> 2;
    this.words[i] = (this.words[i]! & ~(0xff << shift)) | ((value & 0xff) << shift);
  }

  /** Writes `n` (0 ≤ n < 2^32) as u32be at `at`. */
  setU32(at: number, n: number): void {
    this.checkRange(at, 4);
    const w = this.words;
    const i = at >> 2;
    const shift = (at & 3) * 8;
    if (shift === 0) {
      w[i] = n | 0;
      return;
    }
    // Bytes 4i + shift/8 … 4i + 3 of word i, and the first ones of word i + 1.
    w[i] = (w[i]! & ~(-1 >>> shift)) | (n >>> shift);
    w[i + 1] = (w[i + 1]! & (-1 >>> shift)) | (n << (32 - shift));
  }

  /** Writes `bytes[start, end)` at `at` (four bytes per word when `at` is a multiple of 4). */
  setBytes(at: number, bytes: Uint8Array, start: number, end: number): void {
    this.checkRange(at, end - start);
    let i = start;
    if ((at & 3) === 0) {
      const w = this.words;
      for (let k = at >> 2; i + 4 <= end; i += 4, k++) w[k] = (bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!;
    }
    for (; i < end; i++) this.setByte(at + i - start, bytes[i]!);
  }

  /**
   * Writes `text` at `at` as its UTF-8 bytes if it is all ASCII (four characters per word when `at` is a multiple
   * of 4) and returns true; returns false, with some bytes written, at the first character from U+0080 up.
   */
  setAscii(at: number, text: string): boolean {
    const n = text.length;
    this.checkRange(at, n);
    let i = 0;
    if ((at & 3) === 0) {
      if (packAscii(text, n >> 2, this.words, at >> 2) >= 0x80) return false;
      i = n & ~3;
    }
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) return false;
      this.setByte(at + i, c);
    }
    return true;
  }

  /** The digest of `prefix ‖ suffix` as big-endian words (signed 32-bit), its first `count` (1–8) written to `out` from `outAt`. */
  digest(out: Int32Array, outAt: number, count = 8): void {
    const state = SCRATCH_STATE;
    const own = this.prefixState;
    for (let x = 0; x < 8; x++) state[x] = own[x]!;
    const last = this.lastSchedule;
    const full = last === null ? this.blocks : this.blocks - 1;
    for (let b = 0; b < full; b++) compressWords(state, this.words, b * 16);
    if (last !== null) compressScheduled(state, last);
    for (let x = 0; x < count; x++) out[outAt + x] = state[x]!;
  }

  private checkRange(at: number, count: number): void {
    if (!(at >= 0 && count >= 0 && at + count <= this.length)) throw new RangeError(`sha256: bytes ${at}…${at + count} are outside the suffix of ${this.length}`);
  }
}

/**
 * Packs the first `4 · count` characters of `text` into `count` big-endian words from `words[at]` and returns
 * the OR of their codes: ≥ 0x80 when one is beyond ASCII (the words are then not its UTF-8).
 */
function packAscii(text: string, count: number, words: Int32Array, at: number): number {
  let any = 0;
  for (let k = 0, i = 0; k < count; k++, i += 4) {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    any |= c0 | c1 | c2 | c3;
    words[at + k] = (c0 << 24) | (c1 << 16) | (c2 << 8) | c3;
  }
  return any;
}

const encoder = new TextEncoder();

export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

export function sha256(data: Uint8Array | string): Uint8Array {
  return new Sha256().update(typeof data === 'string' ? utf8Bytes(data) : data).digest();
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += bytes[i]!.toString(16).padStart(2, '0');
  return out;
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) throw new Error('invalid hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function sha256Hex(data: Uint8Array | string): string {
  return toHex(sha256(data));
}

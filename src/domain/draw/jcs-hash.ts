import { canonicalJson } from '../canonical-json.ts';
import { Sha256, toHex } from '../crypto/sha256.ts';
// Loaded for its effect: a manifest's or result's JCS bytes (tens of MB) are compressed by the WebAssembly kernel.
import '../crypto/sha256-wasm.ts';
import type { DrawResult, Manifest } from './draw-types.ts';

/**
 * `H(JCS(value))` as 32 bytes: the bytes of `canonicalJson` (../canonical-json.ts, the one definition), written
 * straight into a byte buffer that is hashed as it fills. A province's manifest is a million candidate rows
 * (~70 MB of JSON), which `canonicalJson` builds as one string in seconds.
 */
export function hashJcs(value: unknown): Uint8Array {
  const sink = new HashSink();
  serialize(value, sink, []);
  return sink.digest();
}

/**
 * `JCS(value)` as UTF-8 bytes and `H(JCS(value))`, from one pass and without building the text as a string: what a
 * verifier compares byte for byte (a province's result is ~15 MB of JSON).
 */
export function jcsBytesAndHash(value: unknown): { bytes: Uint8Array; hash: Uint8Array } {
  const sink = new HashSink();
  const kept: Uint8Array[] = [];
  sink.keep = kept;
  serialize(value, sink, []);
  const hash = sink.digest();
  let length = 0;
  for (const part of kept) length += part.length;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of kept) {
    bytes.set(part, at);
    at += part.length;
  }
  return { bytes, hash };
}

/**
 * Whether `JCS(value)` is exactly the UTF-8 bytes `expected`, compared as they are written (no text, no copy, no hash):
 * a verifier that holds a result's bytes as received and the hash of those bytes checks the recomputed result
 * against them. `chars`: the UTF-16 length of that text when the same, else −1.
 */
export function jcsEquals(value: unknown, expected: Uint8Array): { same: boolean; chars: number } {
  const sink = new CompareSink(expected);
  serialize(value, sink, []);
  return sink.finish();
}

/** `manifestHash = H(JCS(manifest))` (draw-algorithm.md §3) as 32 bytes. */
export function manifestHashBytes(manifest: Manifest): Uint8Array {
  return hashJcs(manifest);
}

/**
 * The candidates as columns, kept by the manifest hash as it reads each row, so that the draw reads typed arrays
 * instead of a million rows again. Ids: where `plain[i]` is 1, candidate i's id is the UTF-8 bytes
 * `bytes[start[i], start[i + 1])`; where it is 0 (an id JCS escapes, or a row that is not a row), only the string
 * has it. The other fields: where `stratum[i]` ≥ 0, candidate i's stratum code is `stratumCodes[stratum[i]]`, its
 * weight `weight[i]` and its pool code `poolCodes[pool[i]]` (codes as written in the rows); −1: read the row.
 */
export type CandidateIdBytes = {
  readonly bytes: Uint8Array;
  readonly start: Int32Array;
  readonly plain: Uint8Array;
  readonly stratum: Int32Array;
  readonly weight: Uint8Array;
  readonly pool: Int32Array;
  readonly stratumCodes: readonly string[];
  readonly poolCodes: readonly string[];
};

/** The id bytes alone of {@link CandidateIdBytes} (all in shared memory where the platform has it): what hashing reads. */
export type IdBytes = Pick<CandidateIdBytes, 'bytes' | 'start' | 'plain'>;

/**
 * {@link manifestHashBytes} and, from the same pass, the candidates' id bytes ({@link CandidateIdBytes}): the
 * freeze of a draw that is executed next (the usecase, the verifier) reads every id once, not twice.
 */
export function digestManifest(manifest: Manifest): { hash: Uint8Array; candidateIds: CandidateIdBytes } {
  const sink = new HashSink();
  const ids = new IdBytesBuilder(manifest.candidates.length);
  sink.capture = { rows: manifest.candidates, ids };
  serialize(manifest, sink, []);
  return { hash: sink.digest(), candidateIds: ids.build() };
}

/** `manifestHash` (draw-algorithm.md §3) as lowercase hex, as published at the freeze and carried in the result. */
export function manifestHash(manifest: Manifest): string {
  return toHex(hashJcs(manifest));
}

/** `resultHash = H(JCS(result))` (draw-algorithm.md §7) as lowercase hex. */
export function resultHash(result: DrawResult): string {
  return toHex(hashJcs(result));
}

/** Characters per chunk handed to `writeJcs`'s callback; a chunk may exceed it by one value. */
const CHUNK_CHARS = 1 << 16;

/**
 * Writes `canonicalJson(value)` to `onChunk` in chunks of about 64 K characters: the same characters (a
 * property test holds the two equal). Anything `canonicalJson` rejects (non-finite numbers, cycles, bigint …)
 * is handed to it to throw the same error.
 */
export function writeJcs(value: unknown, onChunk: (chunk: string) => void): void {
  const sink = new StringSink(onChunk);
  serialize(value, sink, []);
  sink.flush();
}

/**
 * Where JCS goes: `raw` ASCII text (punctuation, numbers), `text` any text, `string` a string value to quote.
 * `capture`: an array of rows whose first strings the sink keeps (the manifest's candidates), see
 * {@link digestManifest}.
 */
type JcsSink = {
  raw(text: string): void;
  text(text: string): void;
  string(value: string): void;
  number(value: number): void;
  capture?: { rows: readonly unknown[]; ids: IdBytesBuilder } | undefined;
};

/** `ancestors`: the arrays and objects being written around `v`, for canonicalJson's cycle error (a stack, not a Set: rows need no identity hash). */
function serialize(v: unknown, sink: JcsSink, ancestors: object[]): void {
  if (v === null) {
    sink.raw('null');
  } else if (typeof v === 'string') {
    sink.string(v);
  } else if (typeof v === 'number') {
    if (!Number.isFinite(v)) canonicalJson(v);
    sink.number(v);
  } else if (typeof v === 'boolean') {
    sink.raw(v ? 'true' : 'false');
  } else if (Array.isArray(v)) {
    if (ancestors.includes(v)) canonicalJson(v);
    ancestors.push(v);
    sink.raw('[');
    const ids = sink.capture?.rows === v && sink instanceof HashSink ? sink.capture.ids : undefined;
    for (let i = 0; i < v.length; i++) {
      if (i > 0) sink.raw(',');
      if (ids === undefined) serialize(v[i], sink, ancestors);
      else serializeRow(v[i], i, sink as HashSink, ids, ancestors);
    }
    sink.raw(']');
    ancestors.pop();
  } else if (typeof v === 'object' && !(v instanceof Date)) {
    if (ancestors.includes(v)) canonicalJson(v);
    ancestors.push(v);
    const record = v as Record<string, unknown>;
    const entries = sortedEntries(Object.keys(record));
    sink.raw('{');
    let first = true;
    for (let i = 0; i < entries.length; i++) {
      const [name, key] = entries[i] as Entry;
      const value = record[key];
      if (value === undefined) continue;
      if (!first) sink.raw(',');
      first = false;
      sink.string(name);
      sink.raw(':');
      serialize(value, sink, ancestors);
    }
    sink.raw('}');
    ancestors.pop();
  } else {
    sink.text(canonicalJson(v));
  }
}

/** A key as JCS writes it (its NFC form) and as the object has it. */
type Entry = readonly [name: string, key: string];

/** The key lists last sorted, with their entries: a result's 100,000 tasks have two shapes of object between them. */
const recentKeys: (readonly string[])[] = [];
const recentEntries: (readonly Entry[])[] = [];
const RECENT_SHAPES = 8;
/** Objects with more keys than this are sorted each time (not kept: a shape is a handful of keys). */
const SHAPE_KEYS = 32;

/**
 * An object's keys in UTF-16 code-unit order of their NFC forms (plain ASCII keys, all of XF-SRS/1's, are their own
 * NFC form), each with the key it names; the same list for the same keys in the same order, sorted once.
 */
function sortedEntries(keys: readonly string[]): readonly Entry[] {
  for (let c = 0; c < recentKeys.length; c++) if (sameStrings(recentKeys[c] as readonly string[], keys)) return recentEntries[c] as readonly Entry[];
  const entries: readonly Entry[] = keys.every(isPlainString)
    ? [...keys].sort().map((k) => [k, k] as const)
    : keys.map((k) => [k.normalize('NFC'), k] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (keys.length > SHAPE_KEYS) return entries;
  if (recentKeys.length === RECENT_SHAPES) {
    recentKeys.pop();
    recentEntries.pop();
  }
  recentKeys.unshift(keys);
  recentEntries.unshift(entries);
  return entries;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A candidate row `[unitId, …]`, written as {@link serialize} would, keeping the id's bytes as they are written. */
function serializeRow(row: unknown, index: number, sink: HashSink, ids: IdBytesBuilder, ancestors: object[]): void {
  if (!Array.isArray(row) || typeof row[0] !== 'string' || ancestors.includes(row)) return serialize(row, sink, ancestors);
  ancestors.push(row);
  sink.raw('[');
  const at = sink.plainString(row[0]);
  if (at >= 0) ids.add(index, sink.bytes, at, at + row[0].length);
  ids.setColumns(index, row);
  for (let j = 1; j < row.length; j++) {
    sink.raw(',');
    serialize(row[j], sink, ancestors);
  }
  sink.raw(']');
  ancestors.pop();
}

/** Collects {@link CandidateIdBytes}: ids are added in candidate order, some skipped. */
class IdBytesBuilder {
  private bytes: Uint8Array;
  private readonly start: Int32Array;
  private readonly plain: Uint8Array;
  private length = 0;
  /** Candidates up to here have their start set. */
  private filled = 0;

  private readonly stratum: Int32Array;
  private readonly weight: Uint8Array;
  private readonly pool: Int32Array;
  private readonly stratumIndex = new Map<string, number>();
  private readonly poolIndex = new Map<string, number>();

  constructor(private readonly count: number) {
    this.bytes = new Uint8Array(sharedBuffer(Math.max(64, count * 40)));
    this.start = new Int32Array(sharedBuffer(4 * (count + 1)));
    this.plain = new Uint8Array(sharedBuffer(count));
    // Shared too: a thread that ranks half of the candidates reads their strata and weights (src/workers).
    this.stratum = new Int32Array(sharedBuffer(4 * count)).fill(-1);
    this.weight = new Uint8Array(sharedBuffer(count));
    this.pool = new Int32Array(count);
  }

  /** Candidate `index`'s stratum, weight and pool when its row is `[id, stratum, weight 0–255, pool]`. */
  setColumns(index: number, row: readonly unknown[]): void {
    const [, stratum, weight, pool] = row;
    if (index >= this.count || row.length !== 4 || typeof stratum !== 'string' || typeof pool !== 'string') return;
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > 255) return;
    this.stratum[index] = indexIn(this.stratumIndex, stratum);
    this.weight[index] = weight;
    this.pool[index] = indexIn(this.poolIndex, pool);
  }

  add(index: number, from: Uint8Array, begin: number, end: number): void {
    if (index >= this.count || index < this.filled) return;
    this.fillTo(index);
    const n = end - begin;
    if (this.length + n > this.bytes.length) {
      const grown = new Uint8Array(sharedBuffer(Math.max(2 * this.bytes.length, this.length + n)));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    const bytes = this.bytes;
    let at = this.length;
    for (let i = begin; i < end; i++) bytes[at++] = from[i] as number;
    this.length = at;
    this.plain[index] = 1;
    this.start[index + 1] = at;
    this.filled = index + 1;
  }

  build(): CandidateIdBytes {
    this.fillTo(this.count);
    return {
      bytes: this.bytes.subarray(0, this.length),
      start: this.start,
      plain: this.plain,
      stratum: this.stratum,
      weight: this.weight,
      pool: this.pool,
      stratumCodes: [...this.stratumIndex.keys()],
      poolCodes: [...this.poolIndex.keys()],
    };
  }

  /** Candidates before `index` not added: empty, not plain. */
  private fillTo(index: number): void {
    for (let i = this.filled; i < index; i++) this.start[i + 1] = this.length;
    this.filled = Math.max(this.filled, index);
  }
}

/** The index of `code` in first-seen order, assigning the next one to a new code. */
function indexIn(index: Map<string, number>, code: string): number {
  let at = index.get(code);
  if (at === undefined) {
    at = index.size;
    index.set(code, at);
  }
  return at;
}

/**
 * Memory a worker thread can read without a copy (the server hashes half of a large draw's ids there), where the
 * platform has it; a plain buffer elsewhere (a browser page without cross-origin isolation).
 */
function sharedBuffer(bytes: number): ArrayBufferLike {
  return typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/** Printable ASCII other than `"` and `\`: NFC-stable, and JSON.stringify adds only the quotes. */
function isPlainString(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isPlainCode(s.charCodeAt(i))) return false;
  return true;
}

function isPlainCode(c: number): boolean {
  return c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c;
}

class StringSink implements JcsSink {
  private out = '';
  constructor(private readonly onChunk: (chunk: string) => void) {}

  raw(text: string): void {
    this.out += text;
    if (this.out.length >= CHUNK_CHARS) this.flush();
  }

  text(text: string): void {
    this.raw(text);
  }

  string(value: string): void {
    for (let i = 0; i < value.length; i++) {
      if (!isPlainCode(value.charCodeAt(i))) return this.raw(JSON.stringify(value.normalize('NFC')));
    }
    this.raw(`"${value}"`);
  }

  number(value: number): void {
    this.raw(JSON.stringify(value));
  }

  flush(): void {
    if (this.out.length > 0) this.onChunk(this.out);
    this.out = '';
  }
}

const encoder = new TextEncoder();
const BUFFER_BYTES = 1 << 16;

/** Writes UTF-8 into a 64 KiB buffer and hashes it each time it fills: ASCII strings never become bytes any other way. */
class HashSink implements JcsSink {
  private readonly hash = new Sha256();
  private readonly buffer = new Uint8Array(BUFFER_BYTES);
  private at = 0;
  capture: JcsSink['capture'];
  /** When set, every byte hashed is also copied here, in order. */
  keep: Uint8Array[] | undefined;

  /** The buffer, for {@link plainString}'s caller to copy the bytes it just wrote. */
  get bytes(): Uint8Array {
    return this.buffer;
  }

  raw(text: string): void {
    if (this.at + text.length > BUFFER_BYTES) this.flush();
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    this.at = at;
  }

  text(text: string): void {
    if (this.at + text.length * 3 > BUFFER_BYTES) this.flush();
    if (text.length * 3 > BUFFER_BYTES) {
      this.consume(encoder.encode(text), false);
      return;
    }
    this.at += encoder.encodeInto(text, this.buffer.subarray(this.at)).written;
  }

  string(value: string): void {
    this.plainString(value);
  }

  /**
   * Writes the string as {@link string} does and returns where its characters begin in {@link bytes} when it is
   * plain (printable ASCII without `"` or `\`: its UTF-8 bytes as written, until the next write), else −1.
   */
  plainString(value: string): number {
    const n = value.length;
    if (this.at + n + 2 > BUFFER_BYTES) this.flush();
    if (n + 2 > BUFFER_BYTES) {
      this.text(JSON.stringify(value.normalize('NFC')));
      return -1;
    }
    const buffer = this.buffer;
    const start = this.at;
    let at = start;
    buffer[at++] = 0x22;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (!isPlainCode(c)) {
        this.text(JSON.stringify(value.normalize('NFC')));
        return -1;
      }
      buffer[at++] = c;
    }
    buffer[at++] = 0x22;
    this.at = at;
    return start + 1;
  }

  number(value: number): void {
    if (value >= 0 && value < 10 && Number.isInteger(value)) {
      if (this.at + 1 > BUFFER_BYTES) this.flush();
      this.buffer[this.at++] = 0x30 + value;
    } else {
      this.raw(JSON.stringify(value));
    }
  }

  flush(): void {
    if (this.at > 0) this.consume(this.buffer.subarray(0, this.at), true);
    this.at = 0;
  }

  /** Bytes written, in order: hashed (and kept when asked). `reused`: they sit in the buffer, which is written again. */
  protected consume(bytes: Uint8Array, reused: boolean): void {
    this.keep?.push(reused ? bytes.slice() : bytes);
    this.hash.update(bytes);
  }

  digest(): Uint8Array {
    this.flush();
    return this.hash.digest();
  }
}

/**
 * Compares the bytes written with `expected` as they come, instead of hashing them: nothing is kept, nothing hashed.
 * Counts the UTF-16 length of the text written as it goes.
 */
class CompareSink extends HashSink {
  private seen = 0;
  private same = true;
  private chars = 0;

  constructor(private readonly expected: Uint8Array) {
    super();
  }

  protected override consume(bytes: Uint8Array): void {
    const expected = this.expected;
    const from = this.seen;
    this.seen += bytes.length;
    if (!this.same) return;
    if (this.seen > expected.length) {
      this.same = false;
      return;
    }
    let chars = this.chars;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      if (b !== expected[from + i]) {
        this.same = false;
        return;
      }
      if ((b & 0xc0) !== 0x80) chars += b >= 0xf0 ? 2 : 1;
    }
    this.chars = chars;
  }

  finish(): { same: boolean; chars: number } {
    this.flush();
    const same = this.same && this.seen === this.expected.length;
    return { same, chars: same ? this.chars : -1 };
  }
}

import { canonicalJson } from '../canonical-json.ts';
import { Sha256 } from '../crypto/sha256.ts';
import type { DrawBundle, Manifest, ManifestCandidate } from './draw-types.ts';
import type { CandidateIdBytes } from './jcs-hash.ts';
import { type BundleVerification, verifyBundle } from './verify-bundle.ts';

/**
 * A bundle read from its bytes when they are `JCS(bundle)` (what the portal serves, decision 0030): the manifest and
 * the result are then the very bytes their hashes are taken of, so they are hashed as received — no manifest of a
 * million rows serialised again, no result of 100,000 tasks parsed. `bundle.result` holds only the result's head
 * (`algorithm`, `drawId`, `manifestHash`, `seed`); its hash stands for the rest.
 */
export type CanonicalBundle = {
  readonly bundle: DrawBundle;
  /** `H(JCS(manifest))`: the hash of the manifest's bytes, which are its JCS form (checked while reading). */
  readonly manifestHash: Uint8Array;
  /** The candidates' columns, as `digestManifest` gives them. */
  readonly candidateIds: CandidateIdBytes;
  /** The hash of the result's bytes as received: `H(JCS(result))` exactly when they are the JCS of a result. */
  readonly resultHash: Uint8Array;
  /** The result's bytes as received (a view of the bundle's): what the recomputed result is compared with. */
  readonly resultBytes: Uint8Array;
};

const QUOTE = 0x22;
const COMMA = 0x2c;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_ARRAY = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** How far into the result its first four fields are looked for (two hashes, the algorithm, the draw's id). */
const RESULT_HEAD_BYTES = 64 * 1024;

// ignoreBOM: a byte order mark inside the bytes is a character like any other (by default a decoder drops one at the
// start of what it decodes, which would make a string read here differ from the bytes hashed — found by review).
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads `bytes` as `JCS(bundle)` whose candidate rows are `["id","stratum",weight,"pool"]` in plain ASCII (printable,
 * no `"` or `\`), or returns null — then the bytes are read as any JSON ({@link verifyBundleBytes} does). Takes nothing
 * on trust that it cannot check: the manifest outside its candidates must be exactly `canonicalJson` of itself and
 * every row the canonical form of its values, so that the manifest's bytes are `JCS(manifest)` and their hash is the
 * manifest hash. The result's bytes are only hashed: a verifier that finds that hash equal to the recomputed result's
 * has found the same bytes.
 */
export function readCanonicalBundle(bytes: Uint8Array): CanonicalBundle | null {
  const read = readBundleUnhashed(bytes);
  return read === null ? null : hashRead(read, null);
}

/**
 * {@link readCanonicalBundle} up to its hashes: the bundle read, with where its manifest and result lie in the bytes.
 * A page hashes those spans on a second thread meanwhile ({@link hashBundleSpans}) and joins both with {@link hashRead}.
 */
export function readBundleUnhashed(bytes: Uint8Array): UnhashedBundle | null {
  try {
    return readBundle(bytes);
  } catch {
    // Text that is not UTF-8, or not JSON, where the reading needed it: the general path reports it.
    return null;
  }
}

/** A canonical bundle read, its hashes not yet taken: `manifest` and `result` are the spans they are taken of. */
export type UnhashedBundle = {
  readonly bytes: Uint8Array;
  readonly bundle: DrawBundle;
  readonly candidateIds: CandidateIdBytes;
  readonly manifest: Span;
  readonly result: Span;
};

/** The hashes of a bundle's manifest and result bytes, with the spans they were taken of. */
export type SpanHashes = { readonly manifest: Span; readonly manifestHash: Uint8Array; readonly result: Span; readonly resultHash: Uint8Array };

/**
 * The bundle read, with its hashes: those of `hashes` where they were taken of the very spans the reading found (a
 * second thread's, from its copy of the same bytes), else taken here.
 */
export function hashRead(read: UnhashedBundle, hashes: SpanHashes | null): CanonicalBundle {
  const { bytes, manifest, result } = read;
  const given = hashes !== null && sameSpan(hashes.manifest, manifest) && sameSpan(hashes.result, result) ? hashes : null;
  return {
    bundle: read.bundle,
    manifestHash: given?.manifestHash ?? hashSpan(bytes, manifest),
    candidateIds: read.candidateIds,
    resultHash: given?.resultHash ?? hashSpan(bytes, result),
    resultBytes: bytes.subarray(result[0], result[1]),
  };
}

/**
 * Where the manifest and the result of a bundle in JCS form lie in its bytes, found by structure alone (brackets and
 * quotes: nothing of the candidates is read), and the hashes of those bytes; null when the bytes are not a bundle of
 * that form. What a second thread computes while the first reads the candidates: {@link hashRead} takes its hashes
 * only for the spans the full reading finds.
 */
export function hashBundleSpans(bytes: Uint8Array): SpanHashes | null {
  const cursor = new Cursor(bytes);
  if (!cursor.literal('{"external":') || cursor.skipValue() === null || !cursor.literal(',"manifest":')) return null;
  const manifest = cursor.skipValue();
  if (manifest === null || !cursor.literal(',"observers":') || cursor.skipValue() === null || !cursor.literal(',"result":')) return null;
  const result: Span = [cursor.at, bytes.length - 1];
  if (result[1] <= result[0] || bytes[result[1]] !== CLOSE_OBJECT) return null;
  return { manifest, manifestHash: hashSpan(bytes, manifest), result, resultHash: hashSpan(bytes, result) };
}

function hashSpan(bytes: Uint8Array, [start, end]: Span): Uint8Array {
  return new Sha256().update(bytes.subarray(start, end)).digest();
}

function sameSpan(a: Span, b: Span): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function readBundle(bytes: Uint8Array): UnhashedBundle | null {
  const cursor = new Cursor(bytes);
  if (!cursor.literal('{"external":')) return null;
  const external = cursor.skipValue();
  if (external === null || !cursor.literal(',"manifest":')) return null;
  const manifestStart = cursor.at;
  const manifest = readManifest(cursor);
  if (manifest === null) return null;
  const manifestEnd = cursor.at;
  if (!cursor.literal(',"observers":')) return null;
  const observers = cursor.skipValue();
  if (observers === null || !cursor.literal(',"result":')) return null;
  const resultStart = cursor.at;
  const resultEnd = bytes.length - 1;
  if (resultEnd <= resultStart || bytes[resultEnd] !== CLOSE_OBJECT) return null;
  const head = resultHead(bytes, resultStart, resultEnd);
  if (head === null) return null;
  return {
    bytes,
    bundle: {
      manifest: manifest.manifest,
      observers: JSON.parse(decode(bytes, observers)) as DrawBundle['observers'],
      external: JSON.parse(decode(bytes, external)) as DrawBundle['external'],
      result: head as DrawBundle['result'],
    },
    candidateIds: manifest.candidateIds,
    manifest: [manifestStart, manifestEnd],
    result: [resultStart, resultEnd],
  };
}

/** A range of the bytes: [start, end). */
export type Span = readonly [start: number, end: number];

function decode(bytes: Uint8Array, [start, end]: Span): string {
  return strictUtf8.decode(bytes.subarray(start, end));
}

/**
 * The manifest object at the cursor: its keys and small values as text that must be its own `canonicalJson`, its
 * candidates read row by row into rows and columns. Null when anything is not in that form.
 */
function readManifest(cursor: Cursor): { manifest: Manifest; candidateIds: CandidateIdBytes } | null {
  const bytes = cursor.bytes;
  const start = cursor.at;
  if (!cursor.byte(OPEN_OBJECT)) return null;
  let candidates: ReturnType<typeof readCandidates> = null;
  let candidatesSpan: Span | null = null;
  if (!cursor.byte(CLOSE_OBJECT)) {
    do {
      const key = cursor.key();
      if (key === null) return null;
      if (key === 'candidates') {
        if (candidates !== null) return null;
        const open = cursor.at;
        candidates = readCandidates(cursor);
        if (candidates === null) return null;
        candidatesSpan = [open, cursor.at];
      } else if (cursor.skipValue() === null) {
        return null;
      }
    } while (cursor.byte(COMMA));
    if (!cursor.byte(CLOSE_OBJECT)) return null;
  }
  if (candidates === null || candidatesSpan === null) return null;
  // The rest of the manifest with an empty candidate list: small (strata, inspectors, conflicts, excluded).
  const rest = `${decode(bytes, [start, candidatesSpan[0]])}[]${decode(bytes, [candidatesSpan[1], cursor.at])}`;
  const parsed = JSON.parse(rest) as unknown;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || canonicalJson(parsed) !== rest) return null;
  (parsed as { candidates: readonly ManifestCandidate[] }).candidates = candidates.rows;
  return { manifest: parsed as Manifest, candidateIds: candidates.columns };
}

/**
 * The candidate list at the cursor, each row `["id","stratum",weight,"pool"]` with its strings as JCS writes them and
 * a weight written as JCS writes an integer 0–255 (what `digestManifest` keeps in a column): rows as JSON.parse
 * would give them (plain ids sliced from one decoded text, codes shared), and the columns `digestManifest` makes.
 */
function readCandidates(cursor: Cursor): { rows: ManifestCandidate[]; columns: CandidateIdBytes } | null {
  const bytes = cursor.bytes;
  const open = cursor.at;
  if (bytes[open] !== OPEN_ARRAY) return null;
  let at = open + 1;
  // The columns as the rows are read: the plain ids' bytes one after another, the codes' numbers and the weights.
  const columns = new GrowingColumns();
  /** Ids that are not plain (non-ASCII, escaped), by row: their strings, which have no bytes in the id column. */
  const otherIds = new Map<number, string>();
  const stratumCodes = new CodeTable(bytes);
  const poolCodes = new CodeTable(bytes);
  let count = 0;
  if (bytes[at] === CLOSE_ARRAY) {
    at += 1;
  } else {
    for (;; count++) {
      if (count === columns.capacity) columns.makeRoom(at - open, bytes.length - at);
      if (bytes[at] !== OPEN_ARRAY || bytes[at + 1] !== QUOTE) return null;
      const id = at + 2;
      at = stringEnd(bytes, id);
      if (at < 0 || bytes[at + 1] !== COMMA || bytes[at + 2] !== QUOTE) return null;
      if (lastWasPlain) {
        columns.addId(count, bytes, id, at);
      } else {
        otherIds.set(count, canonicalString(bytes, id, at));
        columns.addId(count, bytes, id, id);
      }
      const stratum = at + 3;
      at = stringEnd(bytes, stratum);
      if (at < 0 || bytes[at + 1] !== COMMA) return null;
      columns.stratum[count] = stratumCodes.indexOf(stratum, at);
      // The weight: 0, or 1–3 digits without a leading zero, at most 255.
      at += 2;
      let weight = (bytes[at] as number) - ZERO;
      if (weight < 0 || weight > 9) return null;
      at += 1;
      if (weight > 0) {
        for (let digits = 1; (bytes[at] as number) >= ZERO && (bytes[at] as number) <= NINE; digits++) {
          if (digits === 3) return null;
          weight = weight * 10 + (bytes[at] as number) - ZERO;
          at += 1;
        }
      }
      if (weight > 255 || bytes[at] !== COMMA || bytes[at + 1] !== QUOTE) return null;
      columns.weight[count] = weight;
      const pool = at + 2;
      at = stringEnd(bytes, pool);
      if (at < 0 || bytes[at + 1] !== CLOSE_ARRAY) return null;
      columns.pool[count] = poolCodes.indexOf(pool, at);
      at += 2;
      if (bytes[at] === COMMA) at += 1;
      else if (bytes[at] === CLOSE_ARRAY) break;
      else return null;
    }
    count += 1;
    at += 1;
  }
  cursor.at = at;

  // The plain ids decoded as one text (their bytes are printable ASCII, one character each), each row's id sliced
  // from it: a tenth of the candidates' text to decode.
  const { start, stratum, weight, pool } = columns;
  const idBytes = columns.bytes.subarray(0, start[count] as number);
  const text = strictUtf8.decode(idBytes);
  const strata = stratumCodes.codes();
  const pools = poolCodes.codes();
  const rows = new Array<ManifestCandidate>(count);
  const plain = new Uint8Array(count).fill(1);
  for (let i = 0; i < count; i++) {
    const from = start[i] as number;
    const to = start[i + 1] as number;
    const other = from === to ? otherIds.get(i) : undefined;
    if (other !== undefined) plain[i] = 0;
    rows[i] = [other ?? text.slice(from, to), strata[stratum[i] as number] as string, weight[i] as number, pools[pool[i] as number] as string];
  }
  // Views, not copies: a browser pays for every large buffer it allocates, and these are read only.
  return {
    rows,
    columns: {
      bytes: idBytes,
      start: start.subarray(0, count + 1),
      plain,
      stratum: stratum.subarray(0, count),
      weight: weight.subarray(0, count),
      pool: pool.subarray(0, count),
      stratumCodes: strata,
      poolCodes: pools,
    },
  };
}

/**
 * Rows read before the columns are sized for all: then from the bytes left and the length of a row so far (an
 * overestimate, by the manifest's other fields and the result that follow), so that they are allocated once.
 */
const SAMPLE_ROWS = 1024;

/** The candidates' columns while they are read: typed arrays, grown when full (a browser pays for each). */
class GrowingColumns {
  capacity = SAMPLE_ROWS;
  /** The plain ids' bytes, one after another: id i is `bytes[start[i], start[i + 1])`. */
  bytes = new Uint8Array(this.capacity * 16);
  start = new Int32Array(this.capacity + 1);
  stratum = new Int32Array(this.capacity);
  weight = new Uint8Array(this.capacity);
  pool = new Int32Array(this.capacity);

  /**
   * Room for more rows, when every one is filled: after the first {@link SAMPLE_ROWS}, for as many as the bytes left
   * hold at the length of a row so far (`read`: the bytes of the rows read, `left`: the bytes after them); later,
   * twice as many.
   */
  makeRoom(read: number, left: number): void {
    const filled = this.capacity;
    this.reserve(filled === SAMPLE_ROWS ? SAMPLE_ROWS + Math.ceil((left * SAMPLE_ROWS) / read) : 2 * filled);
  }

  /** Room for `rows` rows (at least one more), and for their ids at the length of an id so far; never less room. */
  private reserve(rows: number): void {
    const filled = this.capacity;
    rows = Math.max(rows, filled + 1);
    // Found by review: an estimate below the room the ids already had (the first 16 KiB, short ids) made the copy throw.
    this.bytes = grown(this.bytes, Math.max(this.bytes.length, Math.ceil(((this.start[filled] as number) / filled) * rows) + 64));
    this.start = grown(this.start, rows + 1);
    this.stratum = grown(this.stratum, rows);
    this.weight = grown(this.weight, rows);
    this.pool = grown(this.pool, rows);
    this.capacity = rows;
  }

  /** Row i's id, whose bytes are `from[begin, end)` (none when it is not plain: `end` = `begin`). */
  addId(i: number, from: Uint8Array, begin: number, end: number): void {
    let at = this.start[i] as number;
    if (at + end - begin > this.bytes.length) this.bytes = grown(this.bytes, Math.max(2 * this.bytes.length, at + end - begin));
    const bytes = this.bytes;
    // A byte at a time: ids are short, and a view per id to copy from costs more than the copy.
    for (let k = begin; k < end; k++) bytes[at++] = from[k] as number;
    this.start[i + 1] = at;
  }
}

function grown<T extends Uint8Array | Int32Array>(array: T, length: number): T {
  const larger = new (array.constructor as new (length: number) => T)(length);
  larger.set(array);
  return larger;
}

/** Whether the last string {@link stringEnd} found was plain (printable ASCII without `"` or `\`). */
let lastWasPlain = true;

/**
 * Where the JSON string whose characters begin at `from` ends (its closing quote), −1 if it does not; sets
 * {@link lastWasPlain}.
 */
function stringEnd(bytes: Uint8Array, from: number): number {
  let plain = true;
  for (let at = from; at < bytes.length; at++) {
    const b = bytes[at] as number;
    if (b === QUOTE) {
      lastWasPlain = plain;
      return at;
    }
    if (b < 0x20 || b > 0x7e || b === BACKSLASH) {
      plain = false;
      if (b === BACKSLASH) at += 1;
    }
  }
  return -1;
}

/** The string whose JSON text is the bytes between quotes [from, to), which must be exactly as JCS writes it. */
function canonicalString(bytes: Uint8Array, from: number, to: number): string {
  const quoted = `"${decode(bytes, [from, to])}"`;
  const value = JSON.parse(quoted) as string;
  if (canonicalJson(value) !== quoted) throw new Error('not canonical');
  return value;
}

/** Short byte strings (stratum and pool codes) numbered in first-seen order, as `digestManifest` numbers them. */
class CodeTable {
  private readonly byKey = new Map<number, number[]>();
  private readonly spans: Span[] = [];

  constructor(private readonly bytes: Uint8Array) {}

  /** The code between quotes [start, end) of the last {@link stringEnd}. */
  indexOf(start: number, end: number): number {
    const bytes = this.bytes;
    let key = end - start;
    for (let i = start; i < end; i++) key = (Math.imul(key, 31) + (bytes[i] as number)) | 0;
    let bucket = this.byKey.get(key);
    if (bucket === undefined) {
      bucket = [];
      this.byKey.set(key, bucket);
    }
    for (const index of bucket) {
      const [s, e] = this.spans[index] as Span;
      if (e - s === end - start && sameBytes(bytes, s, start, end - start)) return index;
    }
    bucket.push(this.spans.length);
    this.spans.push([start, end]);
    return this.spans.length - 1;
  }

  codes(): string[] {
    return this.spans.map(([start, end]) => canonicalString(this.bytes, start, end));
  }
}

function sameBytes(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (bytes[a + i] !== bytes[b + i]) return false;
  return true;
}

/**
 * `algorithm`, `drawId`, `manifestHash` and `seed` of a result in JCS form (its keys sorted: these four come before
 * `strata`), parsed from the text up to `,"strata":` — which cannot occur inside a JCS string, where every `"` is
 * escaped. Null when the result does not start that way.
 */
function resultHead(bytes: Uint8Array, start: number, end: number): Record<string, unknown> | null {
  const marker = [...',"strata":'].map((c) => c.charCodeAt(0));
  const last = Math.min(end, start + RESULT_HEAD_BYTES) - marker.length;
  for (let at = start; at <= last; at++) {
    if (bytes[at] !== COMMA) continue;
    let k = 1;
    while (k < marker.length && bytes[at + k] === marker[k]) k++;
    if (k < marker.length) continue;
    const head = JSON.parse(`${decode(bytes, [start, at])}}`) as unknown;
    return head !== null && typeof head === 'object' && !Array.isArray(head) ? (head as Record<string, unknown>) : null;
  }
  return null;
}

/** A position in JCS bytes: literals, keys and whole values (skipped by structure; what they hold is checked later). */
class Cursor {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}

  byte(b: number): boolean {
    if (this.bytes[this.at] !== b) return false;
    this.at += 1;
    return true;
  }

  literal(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (this.bytes[this.at + i] !== text.charCodeAt(i)) return false;
    this.at += text.length;
    return true;
  }

  /** A plain key and its colon. */
  key(): string | null {
    if (!this.byte(QUOTE)) return null;
    const start = this.at;
    const end = stringEnd(this.bytes, start);
    if (end < 0 || !lastWasPlain || this.bytes[end + 1] !== 0x3a) return null;
    this.at = end + 2;
    return decode(this.bytes, [start, end]);
  }

  /** The span of the JSON value at the cursor, found by its brackets and quotes only; null when they do not close. */
  skipValue(): Span | null {
    const bytes = this.bytes;
    const start = this.at;
    let depth = 0;
    let at = start;
    while (at < bytes.length) {
      const b = bytes[at] as number;
      if (b === QUOTE) {
        at += 1;
        while (at < bytes.length && bytes[at] !== QUOTE) at += bytes[at] === BACKSLASH ? 2 : 1;
        if (at >= bytes.length) return null;
      } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
        depth += 1;
      } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
        if (depth === 0) break;
        depth -= 1;
      } else if (b === COMMA && depth === 0) {
        break;
      }
      at += 1;
      if (depth === 0 && (b === QUOTE || b === CLOSE_ARRAY || b === CLOSE_OBJECT)) break;
    }
    if (at === start || depth !== 0) return null;
    this.at = at;
    return [start, at];
  }
}

/** What {@link verifyBundleBytes} found, with the bundle it read (the plain explanation reads it too). */
export type BytesVerification = { verification: BundleVerification; bundle: DrawBundle };

/**
 * Verifies a bundle given as its bytes (a download, a file): from the bytes directly when they are `JCS(bundle)`
 * ({@link readCanonicalBundle}) — the same checks of `verifyBundle`, with the manifest and result hashes taken of the
 * bytes. Only a verification that passes is taken from there: when anything fails, or the bytes are another JSON
 * text of the bundle, the bundle is parsed and verified in full, so a failure is always explained by the general
 * path (the first difference in the result named). Throws an Error with a Chinese message when the bytes are not JSON.
 * `read`: these bytes already read as canonical (with hashes a second thread took, {@link hashRead}), null when they
 * are not; read here when absent.
 */
export function verifyBundleBytes(bytes: Uint8Array, options: { resultHash?: string; read?: CanonicalBundle | null } = {}): BytesVerification {
  const read = options.read === undefined ? readCanonicalBundle(bytes) : options.read;
  if (read !== null) {
    const { read: _given, ...rest } = options;
    const verification = verifyBundle(read.bundle, { ...rest, prepared: read });
    if (verification.ok) return { verification, bundle: read.bundle };
  }
  let bundle: DrawBundle;
  try {
    bundle = JSON.parse(new TextDecoder().decode(bytes)) as DrawBundle;
  } catch {
    throw new Error('结果包不是有效的 JSON 文件');
  }
  return { verification: verifyBundle(bundle, options), bundle };
}

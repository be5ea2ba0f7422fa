import { canonicalJson } from '../canonical-json.ts';
import { Sha256, toHex } from '../crypto/sha256.ts';
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

/** `manifestHash = H(JCS(manifest))` (DRAW-SPEC §3) as 32 bytes. */
export function manifestHashBytes(manifest: Manifest): Uint8Array {
  return hashJcs(manifest);
}

/** `manifestHash` (DRAW-SPEC §3) as lowercase hex, as published at the freeze and carried in the result. */
export function manifestHash(manifest: Manifest): string {
  return toHex(hashJcs(manifest));
}

/** `resultHash = H(JCS(result))` (DRAW-SPEC §7) as lowercase hex. */
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

/** Where JCS goes: `raw` ASCII text (punctuation, numbers), `text` any text, `string` a string value to quote. */
type JcsSink = { raw(text: string): void; text(text: string): void; string(value: string): void; number(value: number): void };

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
    for (let i = 0; i < v.length; i++) {
      if (i > 0) sink.raw(',');
      serialize(v[i], sink, ancestors);
    }
    sink.raw(']');
    ancestors.pop();
  } else if (typeof v === 'object' && !(v instanceof Date)) {
    if (ancestors.includes(v)) canonicalJson(v);
    ancestors.push(v);
    const record = v as Record<string, unknown>;
    // Keys in UTF-16 code-unit order of their NFC forms; plain ASCII keys (all of XF-SRS/1's) are their own NFC form.
    const keys = Object.keys(record).filter((k) => record[k] !== undefined);
    const entries: (readonly [name: string, key: string])[] = keys.every(isPlainString)
      ? keys.sort().map((k) => [k, k] as const)
      : keys.map((k) => [k.normalize('NFC'), k] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    sink.raw('{');
    for (let i = 0; i < entries.length; i++) {
      if (i > 0) sink.raw(',');
      const [name, key] = entries[i] as readonly [string, string];
      sink.string(name);
      sink.raw(':');
      serialize(record[key], sink, ancestors);
    }
    sink.raw('}');
    ancestors.pop();
  } else {
    sink.text(canonicalJson(v));
  }
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
      this.hash.update(encoder.encode(text));
      return;
    }
    this.at += encoder.encodeInto(text, this.buffer.subarray(this.at)).written;
  }

  string(value: string): void {
    const n = value.length;
    if (this.at + n + 2 > BUFFER_BYTES) this.flush();
    if (n + 2 > BUFFER_BYTES) return this.text(JSON.stringify(value.normalize('NFC')));
    const buffer = this.buffer;
    const start = this.at;
    let at = start;
    buffer[at++] = 0x22;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (!isPlainCode(c)) return this.text(JSON.stringify(value.normalize('NFC')));
      buffer[at++] = c;
    }
    buffer[at++] = 0x22;
    this.at = at;
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
    if (this.at > 0) this.hash.update(this.buffer.subarray(0, this.at));
    this.at = 0;
  }

  digest(): Uint8Array {
    this.flush();
    return this.hash.digest();
  }
}

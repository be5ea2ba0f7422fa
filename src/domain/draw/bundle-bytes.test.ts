import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonical-json.ts';
import { fromHex, toHex } from '../crypto/sha256.ts';
import { drawInputs } from '../../../test/harness/draw-inputs.ts';
import { loadVector } from '../../../test/harness/draw-vector.ts';
import { type SpanHashes, hashBundleSpans, hashRead, readBundleUnhashed, readCanonicalBundle, verifyBundleBytes } from './bundle-bytes.ts';
import { draw } from './draw.ts';
import type { DrawBundle } from './draw-types.ts';
import { type CandidateIdBytes, digestManifest, hashJcs, manifestHash } from './jcs-hash.ts';
import { commitmentOf } from './seed.ts';
import { validateManifest } from './validate-manifest.ts';
import { verifyBundle } from './verify-bundle.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const jcsBytes = (bundle: unknown): Uint8Array => utf8(canonicalJson(bundle));

/** The vector with every candidate id in plain ASCII (the vector's own ids are), as the portal serves it. */
const vector = (): DrawBundle => loadVector();

/** Columns as plain arrays (the general path's live in shared memory). */
const columns = (c: CandidateIdBytes) => ({
  ...c,
  bytes: [...c.bytes],
  start: [...c.start],
  plain: [...c.plain],
  stratum: [...c.stratum],
  weight: [...c.weight],
  pool: [...c.pool],
});

/** What the general path says of a bundle: every check's name, result and detail. */
const checksOf = (bundle: DrawBundle, resultHash?: string) =>
  verifyBundle(bundle, resultHash ? { resultHash } : {}).checks.map(({ name, ok, detail }) => ({ name, ok, detail }));
const checksOfBytes = (bytes: Uint8Array, resultHash?: string) =>
  verifyBundleBytes(bytes, resultHash ? { resultHash } : {}).verification.checks.map(({ name, ok, detail }) => ({ name, ok, detail }));
/** As a page verifies: the spans hashed apart (its second thread), joined with the reading. */
const checksOfBytesInTwo = (bytes: Uint8Array) => {
  const unhashed = readBundleUnhashed(bytes);
  const read = unhashed === null ? null : hashRead(unhashed, hashBundleSpans(bytes));
  return verifyBundleBytes(bytes, { read }).verification.checks.map(({ name, ok, detail }) => ({ name, ok, detail }));
};

describe('readCanonicalBundle: a bundle read from its JCS bytes', { timeout: 60_000 }, () => {
  it('gives the manifest hash, the candidates as rows and columns, and the result hash that the general path computes', () => {
    const bundle = vector();
    const read = readCanonicalBundle(jcsBytes(bundle));
    expect(read).not.toBeNull();
    const digested = digestManifest(bundle.manifest);
    expect(toHex(read!.manifestHash)).toBe(toHex(digested.hash));
    expect(read!.bundle.manifest).toEqual(bundle.manifest);
    expect(columns(read!.candidateIds)).toEqual(columns(digested.candidateIds));
    expect(toHex(read!.resultHash)).toBe(toHex(hashJcs(bundle.result)));
    expect(read!.bundle.observers).toEqual(bundle.observers);
    expect(read!.bundle.external).toEqual(bundle.external);
    expect(read!.bundle.result).toEqual({ algorithm: bundle.result.algorithm, drawId: bundle.result.drawId, manifestHash: bundle.result.manifestHash, seed: bundle.result.seed });
  });

  it('hashes the manifest and result spans apart, by structure alone, as the reading does; takes such hashes only for its own spans', () => {
    const bytes = jcsBytes(vector());
    const read = readCanonicalBundle(bytes)!;
    const spans = hashBundleSpans(bytes)!;
    expect(toHex(spans.manifestHash)).toBe(toHex(read.manifestHash));
    expect(toHex(spans.resultHash)).toBe(toHex(read.resultHash));
    const unhashed = readBundleUnhashed(bytes)!;
    expect([spans.manifest, spans.result]).toEqual([unhashed.manifest, unhashed.result]);
    expect(new TextDecoder().decode(bytes.subarray(...spans.result))).toBe(canonicalJson(vector().result));
    // Hashes of other spans are not taken (they are of other bytes); of the same spans they are, as given.
    const other: SpanHashes = { ...spans, manifest: [spans.manifest[0], spans.manifest[1] - 1], manifestHash: new Uint8Array(32), resultHash: new Uint8Array(32) };
    expect(toHex(hashRead(unhashed, other).manifestHash)).toBe(toHex(read.manifestHash));
    expect(toHex(hashRead(unhashed, other).resultHash)).toBe(toHex(read.resultHash));
    expect(toHex(hashRead(unhashed, { ...other, manifest: spans.manifest }).manifestHash)).toBe('00'.repeat(32));
    expect(checksOfBytesInTwo(bytes)).toEqual(checksOf(vector()));
    for (const text of ['', '{}', '{"external":[],"manifest":{"a":[1,2]', '{"external":[],"manifest":{},"observers":[],"result":}', JSON.stringify(vector())]) {
      expect(hashBundleSpans(utf8(text)), text.slice(0, 40)).toBeNull();
    }
  });

  it('reads thousands of candidates whose ids grow longer, or stop being plain, after the first rows it sized its columns by', () => {
    const bundle = vector();
    const rows = Array.from({ length: 6_000 }, (_, i): [string, string, number, string] => {
      const id = i < 2_000 ? `U${i}` : i % 7 === 0 ? `单位-${i}` : i % 11 === 0 ? `q"${i}\\` : `U${i}-${'x'.repeat(i % 300)}`;
      return [id, `S${i % 3}`, i % 256, `P${i % 5}`];
    });
    // Long rows first too: the rows then outnumber what the first ones promised, and the columns grow. Around the
    // first rows' count, short ids, empty ids and 18-digit codes: the columns never get less room than they hold
    // (found by review: 1,025 short ids made the reading give up).
    const around = [1_023, 1_024, 1_025, 1_100, 2_500].flatMap((n) =>
      [(i: number) => `U${i}`, () => '', (i: number) => `91330100MA2${String(i).padStart(7, '0')}`].map((idOf) =>
        Array.from({ length: n }, (_, i): [string, string, number, string] => [idOf(i), 'S0', 1, 'P0']),
      ),
    );
    for (const candidates of [rows, [...rows].reverse(), ...around]) {
      const manifest = { ...bundle.manifest, candidates };
      const read = readCanonicalBundle(jcsBytes({ ...bundle, manifest }));
      expect(read).not.toBeNull();
      expect(read!.bundle.manifest).toEqual(manifest);
      const digested = digestManifest(manifest);
      expect(toHex(read!.manifestHash)).toBe(toHex(digested.hash));
      expect(columns(read!.candidateIds)).toEqual(columns(digested.candidateIds));
    }
  });

  it('verifies the test vector from its bytes with the same checks and details as the general path', () => {
    const hash = '92acd14aad4d6353e4a094e8e4de51be8e150d30008b5b1e641443e3e2c6cae7';
    const { verification } = verifyBundleBytes(jcsBytes(vector()), { resultHash: hash });
    expect(verification.ok).toBe(true);
    expect(verification.resultHash).toBe(hash);
    expect(checksOfBytes(jcsBytes(vector()), hash)).toEqual(checksOf(vector(), hash));
  });

  it('leaves other JSON texts of a bundle to the general path, which verifies them as before', () => {
    const bundle = vector();
    const plain = utf8(JSON.stringify(bundle));
    expect(readCanonicalBundle(plain)).toBeNull();
    expect(verifyBundleBytes(plain).verification.ok).toBe(true);
    const spaced = utf8(JSON.stringify(JSON.parse(canonicalJson(bundle)), null, 1));
    expect(readCanonicalBundle(spaced)).toBeNull();
    expect(verifyBundleBytes(spaced).verification.ok).toBe(true);
  });

  it('does not read as canonical a manifest written in any other form than JCS', () => {
    const text = canonicalJson(vector());
    const firstRow = /\["([^"]+)","([^"]+)",(\d+),"([^"]+)"\]/.exec(text)!;
    const variants = [
      text.replace(firstRow[0], `["${firstRow[1]}","${firstRow[2]}",${firstRow[3]}.0,"${firstRow[4]}"]`),
      text.replace(firstRow[0], `["${firstRow[1]}","${firstRow[2]}",0${firstRow[3]},"${firstRow[4]}"]`),
      text.replace(firstRow[0], `[ "${firstRow[1]}","${firstRow[2]}",${firstRow[3]},"${firstRow[4]}"]`),
      text.replace(firstRow[0], `["\\u00${firstRow[1]!.charCodeAt(0).toString(16)}${firstRow[1]!.slice(1)}","${firstRow[2]}",${firstRow[3]},"${firstRow[4]}"]`),
      text.replace('"algorithm":"XF-SRS/1","asOf"', '"asOf"').replace(',"candidates"', ',"algorithm":"XF-SRS/1","candidates"'),
      text.replace('"planId":', '"planId" :'),
      text.replace('"drawId":"', '"drawId":"\\u0044'),
    ];
    for (const variant of variants) {
      expect(variant).not.toBe(text);
      expect(readCanonicalBundle(utf8(variant)), variant.slice(0, 200)).toBeNull();
    }
  });

  it('keeps a byte order mark inside the bytes as the character it is (a decoder drops it by default)', () => {
    // Found by review: an id "\uFEFFU0001" came back as "U0001" while the hash was of the bytes with the mark.
    const text = canonicalJson(vector());
    for (const variant of [
      text.replace('["U0001"', '["\uFEFFU0001"'),
      text.replace('"observers":[{', '"observers":\uFEFF[{'),
      text.replace('{"external":[', '{"external":\uFEFF['),
    ]) {
      const bytes = utf8(variant);
      let parsed: DrawBundle;
      try {
        parsed = JSON.parse(variant) as DrawBundle;
      } catch {
        expect(() => verifyBundleBytes(bytes)).toThrow('结果包不是有效的 JSON 文件');
        continue;
      }
      expect(checksOfBytes(bytes)).toEqual(checksOf(parsed));
      expect(verifyBundleBytes(bytes).verification.ok).toBe(false);
    }
  });

  it('fails tampered bytes exactly as the general path does, naming the first difference', () => {
    const bundle = vector();
    (bundle.result.tasks[2]!.lead as string[])[0] = 'I01';
    expect(checksOfBytes(jcsBytes(bundle))).toEqual(checksOf(bundle));
    expect(verifyBundleBytes(jcsBytes(bundle)).verification.checks.find((c) => c.name === 'result')!.detail).toBe('第一处不同：result.tasks[2].lead[0]：重算为 "I03"，包中为 "I01"');
    const edited = vector();
    const editedBundle = { ...edited, manifest: { ...edited.manifest, excluded: [] } };
    expect(checksOfBytes(jcsBytes(editedBundle))).toEqual(checksOf(editedBundle));
  });

  it('says in Chinese that bytes which are not JSON are no bundle', () => {
    expect(() => verifyBundleBytes(utf8('{"external":[],"manifest":'))).toThrow('结果包不是有效的 JSON 文件');
    expect(() => verifyBundleBytes(new Uint8Array([0xff, 0xfe, 0x00]))).toThrow('结果包不是有效的 JSON 文件');
    expect(verifyBundleBytes(utf8('null')).verification.ok).toBe(false);
    expect(verifyBundleBytes(utf8('{"external":1,"manifest":{},"observers":2,"result":3}')).verification.ok).toBe(false);
  });

  it('agrees with the general path on every bundle the draw produces, its bytes changed anywhere', () => {
    fc.assert(
      fc.property(
        drawInputs().filter(({ manifest }) => validateManifest(manifest).length === 0),
        fc.nat(),
        fc.integer({ min: 0x20, max: 0x7e }),
        ({ manifest, reveals, externals }, where, to) => {
          let bundle: DrawBundle;
          try {
            const result = draw(manifest, reveals, externals);
            const hash = manifestHash(manifest);
            bundle = { manifest, observers: reveals.map((r) => ({ ...r, commitment: commitmentOf(hash, r.id, fromHex(r.reveal)) })), external: externals, result };
          } catch {
            return;
          }
          const bytes = jcsBytes(bundle);
          // Read from the bytes: what the general path makes of the same bytes, parsed.
          const read = readCanonicalBundle(bytes);
          expect(read).not.toBeNull();
          const parsedManifest = (JSON.parse(new TextDecoder().decode(bytes)) as DrawBundle).manifest;
          expect(read!.bundle.manifest).toEqual(parsedManifest);
          const digested = digestManifest(parsedManifest);
          expect(toHex(read!.manifestHash)).toBe(toHex(digested.hash));
          expect(columns(read!.candidateIds)).toEqual(columns(digested.candidateIds));
          expect(checksOfBytes(bytes)).toEqual(checksOf(bundle));
          expect(checksOfBytesInTwo(bytes)).toEqual(checksOf(bundle));
          expect(verifyBundleBytes(bytes).verification.ok).toBe(true);
          // One byte changed: whatever the bytes now are, the same verdict as parsing them and verifying in full.
          const changed = bytes.slice();
          changed[where % changed.length] = to;
          let parsed: DrawBundle;
          try {
            parsed = JSON.parse(new TextDecoder().decode(changed)) as DrawBundle;
          } catch {
            expect(() => verifyBundleBytes(changed)).toThrow('结果包不是有效的 JSON 文件');
            return;
          }
          expect(checksOfBytes(changed)).toEqual(checksOf(parsed));
          expect(checksOfBytesInTwo(changed)).toEqual(checksOf(parsed));
        },
      ),
      { numRuns: 300 },
    );
  });
});

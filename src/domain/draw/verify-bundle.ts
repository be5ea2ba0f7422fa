import { fromHex, toHex } from '../crypto/sha256.ts';
import { isLowerHex } from './bytes.ts';
import { drawWithSeed } from './draw.ts';
import type { DrawBundle, DrawResult } from './draw-types.ts';
import { type CandidateIdBytes, digestManifest, hashJcs, jcsBytesAndHash, jcsEquals, manifestHashBytes } from './jcs-hash.ts';
import { MIN_REVEAL_BYTES, commitmentOf, computeSeedBytes, externalValuesInOrder, normalizeExternalValue } from './seed.ts';
import { validateManifest } from './validate-manifest.ts';

/**
 * Hashes a verifier already has from the bundle's bytes (`readCanonicalBundle` of bundle-bytes.ts): the manifest's
 * hash with its candidates' columns, and the hash of the result's bytes, which the recomputed result's hash must equal.
 * With `resultBytes` (the bytes that hash was taken of), the recomputed result's JCS is compared with them byte for
 * byte instead of being hashed: the same bytes have the same hash.
 */
export type PreparedHashes = {
  readonly manifestHash: Uint8Array;
  readonly candidateIds: CandidateIdBytes;
  readonly resultHash: Uint8Array;
  readonly resultBytes?: Uint8Array;
};

/** One check of a verification: `name` in English (stable, for programs), `label` and `detail` in Chinese. */
export type VerificationCheck = { name: string; label: string; ok: boolean; detail: string };

export type BundleVerification = {
  ok: boolean;
  checks: VerificationCheck[];
  /** `H(JCS(result))` of the bundle's result, lowercase hex; null when the result cannot be serialised. */
  resultHash: string | null;
  /** `H(JCS(manifest))` recomputed, lowercase hex; null when the manifest cannot be serialised. */
  manifestHash?: string | null;
};

/**
 * Verifies a published bundle (draw-algorithm.md §7) from its own contents, as anyone can: the portal in the browser,
 * the CLI offline, a journalist with another implementation. Checks, each named:
 *
 * - `manifest-valid` 抽取清单有效: `validateManifest` finds nothing.
 * - `manifest-hash` 清单哈希一致: the result's manifestHash is `H(JCS(manifest))`.
 * - `observers-listed` 监督人与清单一致: the bundle's observers are the manifest's, in order.
 * - `commitment:<id>` 承诺值可以打开 (one per observer): the reveal (lowercase hex, ≥ 16 bytes) opens the
 *   commitment `H(pad32("XF-SRS/1/commit") ‖ manifestHash ‖ LP(id) ‖ LP(reveal))`.
 * - `external-values` 外部随机源与清单一致: the values answer the manifest's references, in order.
 * - `seed` 种子一致: the result's seed is recomputed from the manifest hash, reveals and values.
 * - `result` 抽取结果逐字节一致: the draw recomputed from the manifest and seed has the same JCS bytes as the
 *   bundle's result; the detail names the first difference (e.g. `tasks[2].lead[0]`).
 * - `result-hash` 结果哈希一致: `H(JCS(result))` of the bundle equals that of the recomputed result, and the
 *   published value when `options.resultHash` is given.
 *
 * Never throws on a malformed bundle: what cannot be computed fails its check with the reason.
 */
export function verifyBundle(bundle: DrawBundle, options: { resultHash?: string; prepared?: PreparedHashes } = {}): BundleVerification {
  const checks: VerificationCheck[] = [];
  const check = (name: string, label: string, ok: boolean, detail: string): boolean => {
    checks.push({ name, label, ok, detail });
    return ok;
  };
  bundle = (bundle !== null && typeof bundle === 'object' ? bundle : {}) as DrawBundle;
  const manifest = bundle.manifest;
  const result = (bundle.result ?? {}) as Partial<DrawResult>;
  const observers = Array.isArray(bundle.observers) ? bundle.observers : [];
  const external = Array.isArray(bundle.external) ? bundle.external : [];

  const prepared = options.prepared;
  const problems = validateManifest(manifest, prepared?.candidateIds);
  const manifestValid = check(
    'manifest-valid',
    '抽取清单有效',
    problems.length === 0,
    problems.length === 0 ? '清单格式、排序、权重、分层数量与人员库均符合 XF-SRS/1' : problems.map((p) => `${p.at}：${p.message}`).join('；'),
  );

  // The hash keeps the candidates' id bytes as it reads them: the draw below hashes those without reading the ids again.
  const digested = prepared ? { hash: prepared.manifestHash, candidateIds: prepared.candidateIds } : attempt(() => digestManifest(manifest));
  const hashOfManifest = digested instanceof Error ? attempt(() => manifestHashBytes(manifest)) : digested.hash;
  const candidateIds = digested instanceof Error ? undefined : digested.candidateIds;
  const manifestHashHex = hashOfManifest instanceof Uint8Array ? toHex(hashOfManifest) : null;
  check(
    'manifest-hash',
    '清单哈希一致',
    manifestHashHex !== null && result.manifestHash === manifestHashHex,
    manifestHashHex === null ? `清单无法按 JCS 序列化：${String(hashOfManifest)}` : `重算为 ${manifestHashHex}，结果中为 ${String(result.manifestHash)}`,
  );

  const listed = Array.isArray(manifest?.observers) ? manifest.observers : [];
  const sameObservers = listed.length === observers.length && listed.every((id, i) => typeof observers[i]?.id === 'string' && observers[i].id.normalize('NFC') === id.normalize('NFC'));
  check(
    'observers-listed',
    '监督人与清单一致',
    sameObservers,
    `清单列出 ${listed.length} 名（${listed.join('、') || '无'}），包中 ${observers.length} 名（${observers.map((o) => String(o?.id)).join('、') || '无'}）`,
  );
  for (const o of observers) {
    const id = String(o?.id);
    if (!isLowerHex(o?.reveal) || o.reveal.length < MIN_REVEAL_BYTES * 2) {
      check(`commitment:${id}`, `监督人「${id}」的承诺值可以打开`, false, `揭示值应为至少 ${MIN_REVEAL_BYTES} 字节的小写十六进制`);
      continue;
    }
    if (!(hashOfManifest instanceof Uint8Array)) {
      check(`commitment:${id}`, `监督人「${id}」的承诺值可以打开`, false, '清单哈希无法计算');
      continue;
    }
    const opened = commitmentOf(hashOfManifest, id, fromHex(o.reveal));
    check(
      `commitment:${id}`,
      `监督人「${id}」的承诺值可以打开`,
      opened === o.commitment,
      opened === o.commitment ? `揭示值打开承诺值 ${opened}` : `揭示值算得 ${opened}，与登记的承诺值 ${String(o.commitment)} 不符`,
    );
  }

  const values = attempt(() => externalValuesInOrder(manifest, external));
  const renormalised = external
    .filter((e) => typeof e?.value === 'string' && normalizeExternalValue(e.value) !== e.value)
    .map((e) => `「${e.value}」按规则规范化为「${normalizeExternalValue(e.value)}」`);
  check(
    'external-values',
    '外部随机源与清单一致',
    Array.isArray(values),
    (Array.isArray(values) ? values.map((v) => `${v.source} ${v.ref}：「${v.value}」`).join('；') || '无外部随机源' : errorMessage(values)) +
      (renormalised.length > 0 ? `（${renormalised.join('；')}）` : ''),
  );

  const seed = hashOfManifest instanceof Uint8Array ? attempt(() => computeSeedBytes(manifest, hashOfManifest, observers, external)) : new Error('清单哈希无法计算');
  const seedHex = seed instanceof Uint8Array ? toHex(seed) : null;
  check(
    'seed',
    '种子一致',
    seedHex !== null && result.seed === seedHex,
    seedHex === null ? `种子无法计算：${errorMessage(seed)}` : `重算为 ${seedHex}，结果中为 ${String(result.seed)}`,
  );

  // The result's JCS bytes and hash in one pass, compared as bytes (no text of the whole result is built); or, when
  // prepared, only the hash of the bytes received, compared as hashes.
  const bundleJcs = prepared ? { bytes: null, hash: prepared.resultHash } : attempt(() => jcsBytesAndHash(bundle.result));
  const bundleHash = bundleJcs instanceof Error ? bundleJcs : toHex(bundleJcs.hash);
  let recomputedHash: string | null = null;
  if (!manifestValid || !(hashOfManifest instanceof Uint8Array) || !(seed instanceof Uint8Array)) {
    check('result', '抽取结果逐字节一致', false, '清单无效或种子无法计算，不能重算抽取结果');
  } else {
    const recomputed = attempt(() => drawWithSeed(manifest, hashOfManifest, seed, candidateIds));
    if (recomputed instanceof Error) {
      check('result', '抽取结果逐字节一致', false, `重算失败：${recomputed.message}`);
    } else {
      const compared = compareWithBundle(recomputed, bundleJcs, prepared?.resultBytes);
      recomputedHash = compared.hash;
      const same = compared.chars >= 0;
      check(
        'result',
        '抽取结果逐字节一致',
        same,
        same
          ? `重算结果与包中结果的 JCS 字节完全相同（${compared.chars} 字符）`
          : !(bundleJcs instanceof Error)
            ? `第一处不同：${firstDifference(recomputed, bundle.result, 'result') ?? '（字节不同）'}`
            : `包中结果无法按 JCS 序列化：${errorMessage(bundleJcs)}`,
      );
    }
  }
  const published = options.resultHash;
  const hashOk = typeof bundleHash === 'string' && bundleHash === recomputedHash && (published === undefined || published === bundleHash);
  check(
    'result-hash',
    '结果哈希一致',
    hashOk,
    `包中结果 ${typeof bundleHash === 'string' ? bundleHash : '无法计算'}，重算结果 ${recomputedHash ?? '无法计算'}` + (published === undefined ? '' : `，公布值 ${published}`),
  );

  return { ok: checks.every((c) => c.ok), checks, resultHash: typeof bundleHash === 'string' ? bundleHash : null, manifestHash: manifestHashHex };
}

/**
 * The recomputed result against the bundle's: its JCS bytes compared with the bytes received when the verifier holds
 * them (`received`, whose hash `bundleJcs` is: equal bytes, equal hash), else with the bundle's result serialised, or
 * its hash with that of the bytes received. `chars`: the UTF-16 length of the JCS text when the same, else −1;
 * `hash`: `H(JCS(recomputed))`, lowercase hex.
 */
function compareWithBundle(
  recomputed: DrawResult,
  bundleJcs: { bytes: Uint8Array | null; hash: Uint8Array } | Error,
  received: Uint8Array | undefined,
): { chars: number; hash: string } {
  if (received !== undefined && !(bundleJcs instanceof Error)) {
    const { same, chars } = jcsEquals(recomputed, received);
    return { chars, hash: same ? toHex(bundleJcs.hash) : toHex(hashJcs(recomputed)) };
  }
  const recomputedJcs = jcsBytesAndHash(recomputed);
  const hash = toHex(recomputedJcs.hash);
  const same =
    !(bundleJcs instanceof Error) &&
    (bundleJcs.bytes === null ? toHex(bundleJcs.hash) === hash : sameBytes(bundleJcs.bytes, recomputedJcs.bytes));
  return { chars: same ? utf16Length(recomputedJcs.bytes) : -1, hash };
}

function attempt<T>(f: () => T): T | Error {
  try {
    return f();
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The length in UTF-16 code units of the text whose UTF-8 bytes these are (a 4-byte sequence is two). */
function utf16Length(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if ((b & 0xc0) !== 0x80) n += b >= 0xf0 ? 2 : 1;
  }
  return n;
}

/** The path of the first place where two JSON values differ (strings compared as NFC, as JCS does), with both values. */
function firstDifference(expected: unknown, actual: unknown, path: string): string | null {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      if (i >= expected.length) return `${path}[${i}]：重算结果没有此项，包中为 ${JSON.stringify(actual[i])}`;
      if (i >= actual.length) return `${path}[${i}]：重算为 ${JSON.stringify(expected[i])}，包中缺少此项`;
      const d = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const k of keys) {
      const d = firstDifference(expected[k], actual[k], `${path}.${k}`);
      if (d !== null) return d;
    }
    return null;
  }
  const norm = (v: unknown): unknown => (typeof v === 'string' ? v.normalize('NFC') : v);
  if (norm(expected) === norm(actual)) return null;
  return `${path}：重算为 ${JSON.stringify(expected) ?? '（无）'}，包中为 ${JSON.stringify(actual) ?? '（无）'}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

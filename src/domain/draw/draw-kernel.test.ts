import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { useSha256Kernel } from '../crypto/sha256-wasm.ts';
import { canonicalJson } from '../canonical-json.ts';
import { drawInputs } from '../../../test/harness/draw-inputs.ts';
import { loadVector } from '../../../test/harness/draw-vector.ts';
import vector2 from './fixtures/draw-vector-2.json' with { type: 'json' };
import { executeDraw, freezeManifest } from './draw.ts';
import type { DrawBundle, ExternalValue, Manifest } from './draw-types.ts';
import { validateManifest } from './validate-manifest.ts';
import { verifyBundle } from './verify-bundle.ts';

/** The draw with the WebAssembly SHA-256 kernel and with the plain TypeScript alone: the same bytes. */
afterEach(() => useSha256Kernel(true));

function drawBoth(inputs: { manifest: Manifest; reveals: readonly { id: string; reveal: string }[]; externals: readonly ExternalValue[] }): [string, string] {
  const results = [true, false].map((on) => {
    useSha256Kernel(on);
    try {
      return canonicalJson(executeDraw(freezeManifest(inputs.manifest), inputs.reveals, inputs.externals));
    } catch (e) {
      return `error: ${e instanceof Error ? e.message : String(e)}`;
    }
  });
  return [results[0] as string, results[1] as string];
}

describe('the draw with the WebAssembly kernel', () => {
  it('verifies both test vectors byte for byte, with the kernel and without it', () => {
    for (const bundle of [loadVector(), structuredClone(vector2) as unknown as DrawBundle]) {
      for (const on of [true, false]) {
        useSha256Kernel(on);
        const verification = verifyBundle(bundle);
        expect(verification.checks.filter((c) => !c.ok)).toEqual([]);
      }
    }
    useSha256Kernel(true);
    expect(verifyBundle(loadVector()).resultHash).toMatch(/^92acd14a.*cae7$/);
  });

  it('gives the same result as the plain TypeScript for any valid manifest (Chinese and astral ids, weights, conflicts)', () => {
    fc.assert(
      fc.property(
        drawInputs().filter(({ manifest }) => validateManifest(manifest).length === 0),
        (inputs) => {
          const [fast, plain] = drawBoth(inputs);
          expect(fast).toBe(plain);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives the same result as the plain TypeScript for UUID and long ids across the kernel batch boundaries', () => {
    const vector = loadVector();
    const manifest = vector.manifest;
    const candidates = Array.from({ length: 9000 }, (_, i) => {
      const id = i % 3 === 0 ? `${String(i).padStart(6, '0')}-${'长'.repeat(i % 40)}` : i % 3 === 1 ? `${String(i).padStart(6, '0')}-${'x'.repeat(i % 130)}` : `${String(i).padStart(6, '0')}-b7e1c0de-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const template = manifest.candidates[i % manifest.candidates.length] as (typeof manifest.candidates)[number];
      return [id, template[1], (i % 7) + 1, template[3]] as typeof template;
    });
    candidates.sort((a, b) => (Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0]))));
    const counts = new Map<string, number>();
    for (const c of candidates) counts.set(c[1], (counts.get(c[1]) ?? 0) + 1);
    const big = {
      ...manifest,
      candidates,
      conflicts: [],
      strata: manifest.strata.map((s) => ({ ...s, quota: Math.floor((counts.get(s.code) ?? 0) / 2), alternates: 5 })),
    };
    expect(validateManifest(big)).toEqual([]);
    const [fast, plain] = drawBoth({ manifest: big, reveals: vector.observers, externals: vector.external });
    expect(fast.startsWith('error')).toBe(false);
    expect(fast).toBe(plain);
  });
});

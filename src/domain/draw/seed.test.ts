import { describe, expect, it } from 'vitest';
import { fromHex } from '../crypto/sha256.ts';
import { DrawError } from './draw-error.ts';
import { manifestHash } from './jcs-hash.ts';
import { commitmentOf, computeSeed, normalizeExternalValue } from './seed.ts';
import { loadVector } from '../../../test/harness/draw-vector.ts';

describe('manifest hash, commitments and seed (draw-algorithm.md §3, §1, §4)', () => {
  it('reproduces the manifest hash of the test vector', () => {
    const v = loadVector();
    expect(manifestHash(v.manifest)).toBe('d80013fee08b256d5abf9c27e04746ca576381c3edba4bce17397cd20af75c51');
    expect(manifestHash(v.manifest)).toBe(v.result.manifestHash);
  });

  it("opens the test vector's commitment with its reveal, and not with another reveal or observer", () => {
    const v = loadVector();
    const o = v.observers[0]!;
    expect(commitmentOf(v.result.manifestHash, o.id, fromHex(o.reveal))).toBe('ad44081abae84ff4398629b491e297093c86794d343ce6efba78e9e713e13b2d');
    expect(commitmentOf(fromHex(v.result.manifestHash), o.id, fromHex(o.reveal))).toBe(o.commitment);
    expect(commitmentOf(v.result.manifestHash, o.id, fromHex(`${o.reveal.slice(0, -2)}00`))).not.toBe(o.commitment);
    expect(commitmentOf(v.result.manifestHash, 'OBS-2', fromHex(o.reveal))).not.toBe(o.commitment);
  });

  it('reproduces the seed of the test vector', () => {
    const v = loadVector();
    expect(computeSeed(v.manifest, v.observers, v.external)).toBe('e81a6995e938abc5d4140b5419a6548d6f781201e4bfd8213e28ba26a0ab23dd');
  });

  it('gives the same seed whatever whitespace the lottery value was typed with', () => {
    const v = loadVector();
    const typed = [{ ...v.external[0]!, value: ' 5\u3000 0\t8\n' }];
    expect(computeSeed(v.manifest, v.observers, typed)).toBe(v.result.seed);
  });

  it('collapses runs of Unicode whitespace to one space and trims', () => {
    expect(normalizeExternalValue('5 0 8')).toBe('5 0 8');
    expect(normalizeExternalValue('  5\u00a0\u00a00\u30008 \r\n')).toBe('5 0 8');
    expect(normalizeExternalValue('\u2003')).toBe('');
    expect(normalizeExternalValue('０８')).toBe('０８');
  });

  it('changes the seed when a reveal, a value or the manifest changes', () => {
    const v = loadVector();
    const base = computeSeed(v.manifest, v.observers, v.external);
    expect(computeSeed(v.manifest, [{ ...v.observers[0]!, reveal: `01${v.observers[0]!.reveal.slice(2)}` }], v.external)).not.toBe(base);
    expect(computeSeed(v.manifest, v.observers, [{ ...v.external[0]!, value: '5 0 9' }])).not.toBe(base);
    expect(computeSeed({ ...v.manifest, asOf: '2026-11-29' }, v.observers, v.external)).not.toBe(base);
  });

  it('refuses reveals and values that do not answer the manifest one for one, in order', () => {
    const v = loadVector();
    const o = v.observers[0]!;
    const e = v.external[0]!;
    const cases: [Parameters<typeof computeSeed>[1], Parameters<typeof computeSeed>[2]][] = [
      [[], [e]],
      [[{ ...o, id: 'OBS-2' }], [e]],
      [[{ ...o, reveal: o.reveal.toUpperCase() }], [e]],
      [[{ ...o, reveal: '00112233' }], [e]],
      [[o], []],
      [[o], [{ ...e, ref: '2026323' }]],
      [[o], [{ ...e, value: ' \u3000 ' }]],
    ];
    for (const [reveals, externals] of cases) {
      expect(() => computeSeed(v.manifest, reveals, externals)).toThrow(DrawError);
      try {
        computeSeed(v.manifest, reveals, externals);
      } catch (err) {
        expect((err as DrawError).code).toBe('INVALID_INPUTS');
      }
    }
  });
});

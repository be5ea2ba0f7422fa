import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../crypto/sha256.ts';
import { draw } from './draw.ts';
import type { DrawBundle, DrawResult } from './draw-types.ts';
import { manifestHash } from './jcs-hash.ts';
import { commitmentOf } from './seed.ts';
import { drawInputs } from '../../../test/harness/draw-inputs.ts';
import { loadVector } from '../../../test/harness/draw-vector.ts';
import { validateManifest } from './validate-manifest.ts';
import { verifyBundle } from './verify-bundle.ts';

const failing = (bundle: DrawBundle): string[] =>
  verifyBundle(bundle)
    .checks.filter((c) => !c.ok)
    .map((c) => c.name);

type Writable<T> = { -readonly [K in keyof T]: T[K] };

describe('verifyBundle (draw-algorithm.md §7)', { timeout: 60_000 }, () => {
  it('verifies the test vector, every check passing, with its result hash', () => {
    const report = verifyBundle(loadVector(), { resultHash: '92acd14aad4d6353e4a094e8e4de51be8e150d30008b5b1e641443e3e2c6cae7' });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.resultHash).toBe('92acd14aad4d6353e4a094e8e4de51be8e150d30008b5b1e641443e3e2c6cae7');
    expect(report.checks.map((c) => c.name)).toEqual(['manifest-valid', 'manifest-hash', 'observers-listed', 'commitment:OBS-1', 'external-values', 'seed', 'result', 'result-hash']);
    expect(report.checks.find((c) => c.name === 'result')!.label).toBe('抽取结果逐字节一致');
  });

  it('fails the result check, naming the place, when one id of the result is changed', () => {
    const bundle = loadVector();
    (bundle.result.tasks[2]!.lead as string[])[0] = 'I01';
    const report = verifyBundle(bundle);
    expect(report.ok).toBe(false);
    expect(failing(bundle)).toEqual(['result', 'result-hash']);
    expect(report.checks.find((c) => c.name === 'result')!.detail).toBe('第一处不同：result.tasks[2].lead[0]：重算为 "I03"，包中为 "I01"');
  });

  it('fails when a selected unit is swapped for its alternate', () => {
    const bundle = loadVector();
    const stratum = bundle.result.strata[0]!;
    [stratum.selected[1], stratum.alternates[0]] = [stratum.alternates[0]!, stratum.selected[1]!];
    expect(failing(bundle)).toEqual(['result', 'result-hash']);
  });

  it('fails the commitment, seed and result checks when a reveal is changed', () => {
    const bundle = loadVector();
    (bundle.observers[0] as Writable<DrawBundle['observers'][number]>).reveal = '00112233445566778899aabbccddeef0';
    const report = verifyBundle(bundle);
    expect(report.ok).toBe(false);
    expect(failing(bundle)).toEqual(['commitment:OBS-1', 'seed', 'result', 'result-hash']);
    expect(report.checks.find((c) => c.name === 'commitment:OBS-1')!.detail).toContain('与登记的承诺值');
  });

  it('fails the seed and result checks when the lottery value is changed', () => {
    const bundle = loadVector();
    (bundle.external[0] as Writable<DrawBundle['external'][number]>).value = '5 0 9';
    expect(failing(bundle)).toEqual(['seed', 'result', 'result-hash']);
  });

  it('accepts a lottery value typed with other whitespace, and says how it was normalised', () => {
    const bundle = loadVector();
    (bundle.external[0] as Writable<DrawBundle['external'][number]>).value = '5\u30000  8';
    const report = verifyBundle(bundle);
    expect(report.ok).toBe(true);
    expect(report.checks.find((c) => c.name === 'external-values')!.detail).toContain('按规则规范化为「5 0 8」');
  });

  it('fails the manifest hash check when the manifest is edited after the freeze', () => {
    const bundle = loadVector();
    const edited = { ...bundle, manifest: { ...bundle.manifest, excluded: [] } };
    expect(failing(edited)).toEqual(expect.arrayContaining(['manifest-hash', 'commitment:OBS-1', 'seed']));
  });

  it('fails when an observer is dropped from the bundle', () => {
    const bundle = { ...loadVector(), observers: [] };
    expect(failing(bundle)).toEqual(expect.arrayContaining(['observers-listed', 'seed', 'result']));
  });

  it('fails when the published result hash differs', () => {
    const report = verifyBundle(loadVector(), { resultHash: '0'.repeat(64) });
    expect(report.checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['result-hash']);
  });

  it('reports an invalid manifest instead of throwing', () => {
    const bundle = loadVector();
    const broken = { ...bundle, manifest: { ...bundle.manifest, assignment: { lead: 0, assistant: 1, backups: 0 } } };
    const report = verifyBundle(broken);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'manifest-valid')!.detail).toContain('assignment');
    expect(report.checks.find((c) => c.name === 'result')!.ok).toBe(false);
    expect(() => verifyBundle({ manifest: null, observers: null, external: null, result: null } as unknown as DrawBundle)).not.toThrow();
  });

  it('verifies every bundle the draw produces, and rejects it with any one id of its result changed', () => {
    fc.assert(
      fc.property(
        drawInputs().filter(({ manifest }) => validateManifest(manifest).length === 0),
        fc.nat(),
        ({ manifest, reveals, externals }, pick) => {
          let result: DrawResult;
          try {
            result = draw(manifest, reveals, externals);
          } catch {
            return;
          }
          const hash = manifestHash(manifest);
          const observers = reveals.map((r) => ({ ...r, commitment: commitmentOf(hash, r.id, fromHex(r.reveal)) }));
          const bundle: DrawBundle = { manifest, observers, external: externals, result };
          expect(verifyBundle(bundle).ok).toBe(true);
          // The draw hands out its id lists frozen and shared between tasks: the tampering is done on a copy through
          // JSON, whose lists are each a task's own (a structured clone would keep them shared).
          const tampered = JSON.parse(JSON.stringify(result)) as DrawResult;
          const ids = [
            ...tampered.strata.flatMap((s) => [s.selected, s.alternates]),
            ...tampered.tasks.flatMap((t) => [t.lead, t.assistant, t.backups.lead, t.backups.assistant]),
          ].filter((xs) => xs.length > 0);
          if (ids.length === 0) return;
          const list = ids[pick % ids.length]!;
          (list as string[])[pick % list.length] = 'SOMEONE-ELSE';
          expect(failing({ ...bundle, result: tampered })).toEqual(['result', 'result-hash']);
        },
      ),
      { numRuns: 150 },
    );
  });
});

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../domain/canonical-json.ts';
import { executeDraw, freezeManifest } from '../domain/draw/draw.ts';
import { drawInputs, type DrawInputs } from '../../test/harness/draw-inputs.ts';
import { loadVector } from '../../test/harness/draw-vector.ts';
import { validateManifest } from '../domain/draw/validate-manifest.ts';
import type { Manifest, ManifestCandidate, ManifestConflict, ManifestInspectorRow } from '../domain/draw/draw-types.ts';
import { compareIds } from '../domain/draw/id-order.ts';
import { DrawHashingPool, executeDrawInParallel } from './draw-hashing-pool.ts';

const pool = new DrawHashingPool();
afterAll(() => pool.close());

/** The draw's outcome as JCS text, or its error code. */
async function outcome(run: () => unknown): Promise<string> {
  try {
    return canonicalJson(await run());
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

async function bothWays({ manifest, reveals, externals }: DrawInputs, parallelPool: DrawHashingPool): Promise<[string, string]> {
  const frozen = freezeManifest(manifest);
  return [
    await outcome(() => executeDrawInParallel(frozen, reveals, externals, { pool: parallelPool, parallelFrom: 0 })),
    await outcome(() => executeDraw(frozen, reveals, externals)),
  ];
}

describe('the draw with half of its hashing on a worker thread', { timeout: 120_000 }, () => {
  it('starts its worker', async () => {
    expect(await pool.ready()).toBe(true);
  });

  it('gives the test vector byte for byte (a Chinese id among them: hashed here, not there)', async () => {
    const v = loadVector();
    const result = await executeDrawInParallel(freezeManifest(v.manifest), v.observers, v.external, { pool, parallelFrom: 0 });
    expect(canonicalJson(result)).toBe(canonicalJson(v.result));
  });

  it('gives the same result as the draw on one thread, for any valid manifest', async () => {
    await fc.assert(
      fc.asyncProperty(
        drawInputs().filter(({ manifest }) => validateManifest(manifest).length === 0),
        async (inputs) => {
          const [parallel, single] = await bothWays(inputs, pool);
          expect(parallel).toBe(single);
        },
      ),
      { numRuns: 60 },
    );
  });

  /**
   * Four pools with staff of their own but for one inspector serving B1 and B2 (so B1 and B2 are one group of tasks),
   * units in every pool (Chinese ids too), conflicts, two strata: the pools part, and the worker makes the picks of
   * about half of the tasks.
   */
  function partedManifest(options: { thin?: 'B2' | 'B4' } = {}): DrawInputs {
    const pools = ['B1', 'B2', 'B3', 'B4'];
    const ids = Array.from({ length: 400 }, (_, i) => (i % 97 === 5 ? `单位-${String(i).padStart(3, '0')}` : `U${String(i).padStart(4, '0')}`)).sort(compareIds);
    const candidates: ManifestCandidate[] = ids.map((id, i) => [id, i % 3 === 0 ? 'key' : 'general', 1 + (i % 4), pools[(i * 7) % 4] as string]);
    const inspectors: ManifestInspectorRow[] = [];
    pools.forEach((pool, g) => {
      for (let k = 0; k < 5; k++) {
        // A thinly staffed pool: one lead and one assistant of its own only.
        if (options.thin === pool && k < 3) continue;
        const roles = k < 3 ? ['lead', 'assistant'] : k === 3 ? ['lead'] : ['assistant'];
        inspectors.push([`I${g}${k}`, [pool], roles, 1 + (k % 2)]);
      }
    });
    inspectors.push(['I99', ['B1', 'B2'], ['lead', 'assistant'], 2]);
    const manifest: Manifest = {
      algorithm: 'XF-SRS/1',
      drawId: 'D-PARTS',
      planId: 'P-PARTS',
      asOf: '2026-11-28',
      strata: [
        { code: 'general', quota: 150, alternates: 20 },
        { code: 'key', quota: 90, alternates: 10 },
      ],
      candidates,
      excluded: [],
      inspectors: [...inspectors].sort((a, b) => compareIds(a[0], b[0])),
      conflicts: [
        ...ids.filter((_, i) => i % 11 === 0).map((id, i) => [`I${i % 4}${i % 5}`, id, 'RELATIVE'] as ManifestConflict),
        // The thin pool's assistants are relatives of every unit in it: their assistant slots find nobody.
        ...candidates
          .filter((c) => c[3] === options.thin)
          .flatMap((c) => [`I${pools.indexOf(c[3])}4`, 'I99'].map((p) => [p, c[0], 'RELATIVE'] as ManifestConflict)),
      ],
      assignment: { lead: 1, assistant: 1, backups: 2 },
      observers: ['OBS-1'],
      external: [],
    };
    return { manifest, reveals: [{ id: 'OBS-1', commitment: '', reveal: '00112233445566778899aabbccddeeff' }], externals: [] };
  }

  it('makes the picks of pools that share no inspector on both threads, with the same result', async () => {
    const inputs = partedManifest();
    expect(validateManifest(inputs.manifest)).toEqual([]);
    const asked: number[] = [];
    const watched = new DrawHashingPool();
    const picks = watched.picks.bind(watched);
    watched.picks = (...args) => {
      asked.push(args[2].length);
      return picks(...args);
    };
    const [parallel, single] = await bothWays(inputs, watched);
    await watched.close();
    expect(parallel).toBe(single);
    expect(JSON.parse(parallel).tasks).toHaveLength(240);
    // The worker was given some of the tasks (the B1–B2 group or B3 and B4), not all.
    expect(asked).toHaveLength(1);
    expect(asked[0]).toBeGreaterThan(60);
    expect(asked[0]).toBeLessThan(180);
  });

  it.each(['B2', 'B4'] as const)('gives the same error as one thread when a slot finds nobody (in %s: either thread’s side)', async (thin) => {
    const { manifest, reveals, externals } = partedManifest({ thin });
    expect(validateManifest(manifest)).toEqual([]);
    const frozen = freezeManifest(manifest);
    const failure = async (run: () => unknown): Promise<unknown> => {
      try {
        await run();
        return null;
      } catch (e) {
        return { message: (e as Error).message, ...(e as object) };
      }
    };
    const single = await failure(() => executeDraw(frozen, reveals, externals));
    expect(single).toMatchObject({ code: 'UNFILLED', details: { pool: thin } });
    expect(await failure(() => executeDrawInParallel(frozen, reveals, externals, { pool, parallelFrom: 0 }))).toEqual(single);
  });

  it('gives the same result when the worker fails to make its picks', async () => {
    const broken = new DrawHashingPool();
    broken.picks = () => Promise.reject(new Error('worker lost'));
    const [parallel, single] = await bothWays(partedManifest(), broken);
    await broken.close();
    expect(parallel).toBe(single);
  });

  it('fails like one thread, with nothing left unhandled, when this thread’s half cannot be ranked', async () => {
    // Valid, but a stratum keeping 2^31 − 1 units asks each ranker for more memory than a typed array may have.
    const candidates: ManifestCandidate[] = Array.from({ length: 20 }, (_, i) => [`U${String(i).padStart(3, '0')}`, 'key', 1, 'B1']);
    const manifest: Manifest = {
      algorithm: 'XF-SRS/1',
      drawId: 'D-HUGE',
      planId: 'P-HUGE',
      asOf: '2026-11-28',
      strata: [{ code: 'key', quota: 1, alternates: 2 ** 31 - 2 }],
      candidates,
      excluded: [],
      inspectors: [
        ['I1', ['B1'], ['lead', 'assistant'], 1],
        ['I2', ['B1'], ['lead', 'assistant'], 1],
      ],
      conflicts: [],
      assignment: { lead: 1, assistant: 1, backups: 0 },
      observers: ['OBS-1'],
      external: [],
    };
    const reveals = [{ id: 'OBS-1', reveal: '00112233445566778899aabbccddeeff' }];
    const frozen = freezeManifest(manifest);
    const single = await outcome(() => executeDraw(frozen, reveals, []));
    expect(single).toMatch(/RangeError|allocation/);
    await expect(executeDrawInParallel(frozen, reveals, [], { pool, parallelFrom: 0 })).rejects.toThrow(RangeError);
    // The worker's own failure arrives after; give it the time to (not) go unhandled.
    await new Promise((resolve) => setTimeout(resolve, 200));
  });

  it('finishes on this thread when the worker fails, with the same result', async () => {
    const broken = new DrawHashingPool();
    broken.ready = () => Promise.resolve(true);
    broken.rankSlice = () => Promise.reject(new Error('worker lost'));
    broken.streamsAhead = () => Promise.reject(new Error('worker lost'));
    const v = loadVector();
    const [parallel, single] = await bothWays(
      { manifest: v.manifest, reveals: [...v.observers], externals: [...v.external] },
      broken,
    );
    expect(parallel).toBe(single);
  });

  it('runs small draws on this thread alone', async () => {
    const idle = new DrawHashingPool();
    let asked = false;
    idle.ready = () => {
      asked = true;
      return Promise.resolve(false);
    };
    const v = loadVector();
    const result = await executeDrawInParallel(freezeManifest(v.manifest), v.observers, v.external, { pool: idle });
    expect(canonicalJson(result)).toBe(canonicalJson(v.result));
    expect(asked).toBe(false);
  });
});

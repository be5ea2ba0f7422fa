import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../domain/canonical-json.ts';
import { executeDraw, freezeManifest } from '../domain/draw/draw.ts';
import { drawInputs, type DrawInputs } from '../../test/harness/draw-inputs.ts';
import { loadVector } from '../../test/harness/draw-vector.ts';
import { validateManifest } from '../domain/draw/validate-manifest.ts';
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

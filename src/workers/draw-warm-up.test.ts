import { afterAll, describe, expect, it } from 'vitest';
import { validateManifest } from '../domain/draw/validate-manifest.ts';
import { DrawHashingPool } from './draw-hashing-pool.ts';
import { warmUpDraw, warmUpManifest } from './draw-warm-up.ts';

const pool = new DrawHashingPool();
afterAll(async () => pool.close());

describe('the draw warm-up', { timeout: 60_000 }, () => {
  it('is a valid manifest of the shape of a province’s, with uuid-like ids', () => {
    const manifest = warmUpManifest();
    expect(validateManifest(manifest)).toEqual([]);
    expect(manifest.candidates.length).toBe(60_000);
    expect(manifest.candidates[0]![0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(manifest.candidates.map((c) => c[3])).size).toBe(20);
  });

  it('runs through the pool on both threads and leaves it ready for a real draw', async () => {
    await warmUpDraw(pool);
    expect(await pool.ready()).toBe(true);
  });

  it('never throws, even when the worker is gone', async () => {
    const closed = new DrawHashingPool();
    await closed.ready();
    await closed.close();
    await expect(warmUpDraw(closed)).resolves.toBeUndefined();
  });
});

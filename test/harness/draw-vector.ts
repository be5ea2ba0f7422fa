import vector from '../../src/domain/draw/fixtures/draw-vector-1.json' with { type: 'json' };
import type { DrawBundle } from '../../src/domain/draw/draw-types.ts';

/**
 * shared/draw-vector-1.json (draw-algorithm.md §8), copied to src/domain/draw/fixtures so the tests run without the shared
 * folder (the draw specification and the CLI docs name that path). A fresh deep copy on each call, so a test may tamper
 * with it.
 */
export function loadVector(): DrawBundle {
  return structuredClone(vector) as unknown as DrawBundle;
}

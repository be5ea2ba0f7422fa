import vector from './fixtures/draw-vector-1.json' with { type: 'json' };
import type { DrawBundle } from './draw-types.ts';

/**
 * shared/draw-vector-1.json (DRAW-SPEC §8), copied beside the tests so they run without the shared folder. A
 * fresh deep copy on each call, so a test may tamper with it.
 */
export function loadVector(): DrawBundle {
  return structuredClone(vector) as unknown as DrawBundle;
}

import type { AnnualFacts } from './annual-figures.ts';

/** A brigade's year with nothing in it but the registry (tests build on it). */
export function factsOf(over: Partial<AnnualFacts> = {}): AnnualFacts {
  return {
    year: 2026,
    unitsInRegistry: 12000,
    inspectors: 7,
    tasks: [],
    legacyInspections: 0,
    reinspections: [],
    hazardLines: [],
    hazardCount: 0,
    notices: 0,
    penalties: [],
    sealings: 0,
    publication: { due: 0, published: 0, onTime: 0 },
    ...over,
  };
}

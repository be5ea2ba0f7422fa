import type { Manifest, ManifestCandidate, ManifestConflict, ManifestInspectorRow } from '../domain/draw/draw-types.ts';
import { freezeManifest } from '../domain/draw/draw.ts';
import { sortByIdOrder } from '../domain/draw/id-order.ts';
import { type DrawHashingPool, executeDrawInParallel } from './draw-hashing-pool.ts';

/** Candidates of the warm-up draw: enough for the engine to compile every loop of a draw, little beside a real one. */
const WARM_UP_CANDIDATES = 60_000;
const WARM_UP_STRATA = 5;
const WARM_UP_POOLS = 20;
const WARM_UP_INSPECTORS_PER_POOL = 10;
const WARM_UP_SELECTED = 6_000;
const WARM_UP_CONFLICTS = 600;

/** A 36-character id shaped like the registry's (a UUID's pattern of hex digits and dashes), from a counter. */
function syntheticId(state: { x: number }): string {
  let hex = '';
  while (hex.length < 32) {
    // xorshift32: deterministic, no dependency on Math.random.
    let x = state.x;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    state.x = x >>> 0;
    hex += state.x.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A manifest of the shape of a province's (uuid-like ids, several strata and pools, inspectors with one or both roles,
 * backups) but small: made up, never stored or published.
 */
export function warmUpManifest(): Manifest {
  const state = { x: 0x2545f491 };
  const strata = Array.from({ length: WARM_UP_STRATA }, (_, s) => `W${s}`);
  const pools = Array.from({ length: WARM_UP_POOLS }, (_, p) => `warm-${p}`);
  const rows: ManifestCandidate[] = [];
  for (let i = 0; i < WARM_UP_CANDIDATES; i++) {
    rows.push([syntheticId(state), strata[i % WARM_UP_STRATA] as string, 1 + (i % 7 === 0 ? i % 5 : 0), pools[(i * 7) % WARM_UP_POOLS] as string]);
  }
  const inspectors: ManifestInspectorRow[] = [];
  for (const pool of pools) {
    for (let k = 0; k < WARM_UP_INSPECTORS_PER_POOL; k++) {
      const roles = k < 4 ? ['lead', 'assistant'] : k < 7 ? ['lead'] : ['assistant'];
      inspectors.push([syntheticId(state), [pool], roles, 1 + (k % 2)]);
    }
  }
  const quota = WARM_UP_SELECTED / WARM_UP_STRATA;
  const sortedCandidates = sortByIdOrder(rows, (row) => row[0]);
  const sortedInspectors = sortByIdOrder(inspectors, (row) => row[0]);
  // Conflicts too: a draw's code that never ran in the warm-up is compiled blind and thrown away in the first real draw.
  const conflicts: ManifestConflict[] = [];
  for (let k = 0; k < WARM_UP_CONFLICTS; k++) {
    const inspector = sortedInspectors[(k * 37) % sortedInspectors.length] as ManifestInspectorRow;
    const unit = sortedCandidates[(k * 7_919) % sortedCandidates.length] as ManifestCandidate;
    conflicts.push([inspector[0], unit[0], 'RELATIVE']);
  }
  return {
    algorithm: 'XF-SRS/1',
    drawId: 'WARM-UP',
    planId: 'WARM-UP',
    asOf: '2026-01-01',
    strata: strata.map((code) => ({ code, quota, alternates: quota / 10 })),
    candidates: sortedCandidates,
    excluded: [],
    inspectors: sortedInspectors,
    conflicts,
    assignment: { lead: 1, assistant: 1, backups: 2 },
    observers: ['WARM-UP'],
    external: [],
  };
}

/**
 * Runs a made-up draw through the server's own path on both threads, twice (decision 0030): until the engine has
 * compiled the ranking, stream hashing and picks, a process's first large draw runs about a third slower than the
 * next ones. The server calls this in the background after it starts; nothing is stored. Never throws.
 */
export async function warmUpDraw(pool: DrawHashingPool): Promise<void> {
  try {
    // Through JSON, as a real draw's manifest comes back from storage: its rows have the same shapes in memory.
    const frozen = freezeManifest(JSON.parse(JSON.stringify(warmUpManifest())) as Manifest);
    const reveals = [{ id: 'WARM-UP', reveal: '00'.repeat(16) }];
    for (let i = 0; i < 2; i++) await executeDrawInParallel(frozen, reveals, [], { pool, parallelFrom: 0 });
  } catch {
    // A warm-up that fails costs the first draw its speed, nothing else.
  }
}

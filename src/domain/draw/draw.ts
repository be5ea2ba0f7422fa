import { toHex } from '../crypto/sha256.ts';
import { assignInspectors } from './assign-inspectors.ts';
import { DrawError } from './draw-error.ts';
import {
  DRAW_ALGORITHM,
  type DrawResult,
  type ExternalValue,
  type Manifest,
  type ManifestCandidate,
  type ObserverReveal,
  type StratumResult,
  type TaskResult,
} from './draw-types.ts';
import { isAsciiId } from './id-order.ts';
import { type CandidateIdBytes, digestManifest } from './jcs-hash.ts';
import { computeSeedBytes } from './seed.ts';
import { type RankedList, type RankedSlice, StratumRanker, UnitHasher, expectedBounds, mergeRanked, unitRandomsOfBytes } from './select-units.ts';
import { validateManifest } from './validate-manifest.ts';

/**
 * The draw of XF-SRS/1 (docs/draw-algorithm.md): `result = F(manifest, observer reveals, external values)`, with
 * no other input — no clock, no database, no `Math.random`. Running it again gives the same result, byte for
 * byte, here, in the browser verifier, or in anyone's reimplementation.
 *
 * 1. {@link freezeManifest}: the manifest must be valid (`validateManifest`), else INVALID_MANIFEST with the
 *    problems in `details`; `manifestHash = H(JCS(manifest))`.
 * 2. {@link executeDraw}: the seed from the manifest hash, the reveals (the manifest's observers, in order, each
 *    ≥ 16 bytes) and the external values (its references, in order), INVALID_INPUTS when they do not match;
 *    selection (§5): per stratum in manifest order, the first `quota` units in rank order are selected and the
 *    next `alternates` (as many as remain) are the published 递补 order; assignment (§6) for the selected units
 *    in id order, UNFILLED when a task finds nobody for a role.
 *
 * Reveals are matched to observers by position and id; their commitments are not an input of F (the
 * system checks them at the reveal, and `verifyBundle` checks them again).
 */
export function draw(
  manifest: Manifest,
  reveals: readonly Pick<ObserverReveal, 'id' | 'reveal'>[],
  externals: readonly ExternalValue[],
): DrawResult {
  return executeDraw(freezeManifest(manifest), reveals, externals);
}

/**
 * A manifest that has been validated and hashed (§1 step 1, the freeze): the only way to make one is
 * {@link freezeManifest}, so {@link executeDraw} can trust it. The manifest must not be changed afterwards.
 */
export class FrozenManifest {
  private constructor(
    readonly manifest: Manifest,
    /** `H(JCS(manifest))`, 32 bytes. */
    readonly hash: Uint8Array,
    /** The candidates' id bytes as the hash read them: the selection hashes them without reading the ids again. */
    readonly candidateIds: CandidateIdBytes,
  ) {}

  /** `manifestHash` as published: lowercase hex. */
  get hashHex(): string {
    return toHex(this.hash);
  }

  /** @internal Use {@link freezeManifest}. */
  static of(manifest: Manifest): FrozenManifest {
    const problems = validateManifest(manifest);
    if (problems.length > 0) {
      const first = problems[0] as (typeof problems)[number];
      throw new DrawError(
        'INVALID_MANIFEST',
        `抽取清单无效：${first.message}${problems.length > 1 ? `（共 ${problems.length} 个问题）` : ''}`,
        { problems },
      );
    }
    const { hash, candidateIds } = digestManifest(manifest);
    return new FrozenManifest(manifest, hash, candidateIds);
  }
}

/**
 * Validates and hashes a manifest (§1 step 1, §3): throws INVALID_MANIFEST with the problems, or returns it
 * frozen with its hash, ready to be published and later executed. For a million candidates this is about half
 * of F (the JCS bytes of ~70 MB go through SHA-256).
 */
export function freezeManifest(manifest: Manifest): FrozenManifest {
  return FrozenManifest.of(manifest);
}

/** §4–§7 for a frozen manifest: seed, selection, assignment, the result. */
export function executeDraw(
  frozen: FrozenManifest,
  reveals: readonly Pick<ObserverReveal, 'id' | 'reveal'>[],
  externals: readonly ExternalValue[],
): DrawResult {
  const seed = computeSeedBytes(frozen.manifest, frozen.hash, reveals, externals);
  return drawWithSeed(frozen.manifest, frozen.hash, seed, frozen.candidateIds);
}

/**
 * Selection and assignment for a manifest already validated and hashed, and its seed (also used by verifyBundle);
 * `candidateIds` from the hash ({@link digestManifest}) spare reading the ids again.
 */
export function drawWithSeed(
  manifest: Manifest,
  hashOfManifest: Uint8Array,
  seed: Uint8Array,
  candidateIds?: CandidateIdBytes,
): DrawResult {
  const { strata, taskUnits } = selectUnits(manifest, seed, candidateIds);
  const tasks = assignInspectors(manifest, seed, taskUnits, candidateIds);
  return drawResult(manifest, hashOfManifest, seed, strata, tasks);
}

/** The result of §7 from its parts. */
export function drawResult(
  manifest: Manifest,
  hashOfManifest: Uint8Array,
  seed: Uint8Array,
  strata: StratumResult[],
  tasks: TaskResult[],
): DrawResult {
  return {
    algorithm: DRAW_ALGORITHM,
    drawId: manifest.drawId,
    manifestHash: toHex(hashOfManifest),
    seed: toHex(seed),
    strata,
    tasks,
  };
}

/**
 * Selection of §5 over a valid manifest: every stratum's selected units (rank order) and alternates, and all
 * selected units as candidate indices in id order (the tasks). `unitRandoms`: `a` of the candidates computed
 * elsewhere (by index, NaN where not; see unitRandomsOfBytes), e.g. half of them by another thread.
 */
export function selectUnits(
  manifest: Manifest,
  seed: Uint8Array,
  candidateIds?: CandidateIdBytes,
  unitRandoms?: Float64Array,
  /** Each stratum's preset bound (a test's; else guessed from the columns when there are columns): the result is the same for any. */
  presetBounds?: Float64Array,
): { strata: StratumResult[]; taskUnits: number[] } {
  const { rankers, stratumByNfc } = stratumRankers(manifest);
  // All ids with bytes at hand at once (the WebAssembly kernel hashes four at a time); the others one by one below.
  const randoms = unitRandoms ?? (candidateIds === undefined ? undefined : unitRandomsOfBytes(seed, candidateIds, 0, manifest.candidates.length));
  const hasher = new UnitHasher(seed);
  // Each stratum's bound guessed from the weights of its units (as rankSlice does), checked once all are offered.
  const bounds = presetBounds ?? (candidateIds === undefined ? null : stratumBounds(manifest, candidateIds, rankers, stratumByNfc));
  bounds?.forEach((bound, k) => (rankers[k] as StratumRanker).presetBound(bound));
  offerCandidates(manifest.candidates, candidateIds, randoms, hasher, stratumByNfc);
  if (bounds !== null) rankAgainWhereBoundsFailed(manifest, candidateIds, randoms, hasher, { rankers, stratumByNfc }, bounds);
  const ranked = rankers.map((ranker) => ranker.ranked());
  return { strata: strataOf(manifest, ranked), taskUnits: taskUnitsOf(manifest, ranked) };
}

/**
 * §5 from slices of the candidates ranked apart (`rankSlice`, e.g. one on each thread) that together cover every
 * candidate once: each stratum's order is the merge of the slices' best-first lists (and of the rows they could not
 * rank, ranked here) — the same order as one pass of {@link selectUnits}. Returns each stratum's kept units best first
 * (candidate indices) and the tasks' units; {@link strataOf} turns the first into the result's strata, which can
 * wait until the tasks' work has been handed out.
 */
export function rankedFromSlices(
  manifest: Manifest,
  seed: Uint8Array,
  candidateIds: CandidateIdBytes,
  slices: readonly RankedSlice[],
): { ranked: Int32Array[]; taskUnits: number[] } {
  const { rankers, stratumByNfc } = stratumRankers(manifest);
  const listsOf = new Map<StratumRanker, RankedList[]>(rankers.map((r) => [r, []]));
  const columnRankers = candidateIds.stratumCodes.map((code) => stratumByNfc.get(nfc(code)) as StratumRanker);
  const hasher = new UnitHasher(seed);
  let rest = false;
  for (const slice of slices) {
    slice.kept.forEach((list, s) => listsOf.get(columnRankers[s] as StratumRanker)?.push(list));
    if (slice.rest.length === 0) continue;
    offerCandidates(manifest.candidates, candidateIds, slice.restA, hasher, stratumByNfc, slice.rest);
    rest = true;
  }
  const ranked = rankers.map((ranker) => {
    const lists = listsOf.get(ranker) as RankedList[];
    if (rest) lists.push(ranker.rankedList());
    return mergeRanked(lists, ranker.keep).index;
  });
  return { ranked, taskUnits: taskUnitsOf(manifest, ranked) };
}

/**
 * For each stratum column code of the manifest hash's columns, how many units its stratum keeps (quota + alternates),
 * the code matched as the selection matches it: what `rankSlice` keeps of each column. (Float64: the sum may pass 2^31
 * in a valid manifest.)
 */
export function keepOfColumns(manifest: Manifest, candidateIds: CandidateIdBytes): Float64Array {
  const { stratumByNfc } = stratumRankers(manifest);
  return Float64Array.from(candidateIds.stratumCodes, (code) => stratumByNfc.get(nfc(code))?.keep ?? 0);
}

/**
 * {@link expectedBounds} for the manifest's strata, by ranker: each column's bound, the loosest of a stratum's columns
 * where its code is spelt more than one way (each then counts only its own units, so its bound is looser than the
 * stratum's would be: safe, and rare); open (∞) for a stratum with no column.
 */
function stratumBounds(manifest: Manifest, candidateIds: CandidateIdBytes, rankers: readonly StratumRanker[], stratumByNfc: Map<string, StratumRanker>): Float64Array {
  const byColumn = expectedBounds(candidateIds, 0, manifest.candidates.length, keepOfColumns(manifest, candidateIds));
  // A stratum without a column (none of its rows read into columns) is left open.
  const bounds = new Float64Array(rankers.length).fill(-Infinity);
  candidateIds.stratumCodes.forEach((code, s) => {
    const k = rankers.indexOf(stratumByNfc.get(nfc(code)) as StratumRanker);
    if (k >= 0) bounds[k] = Math.max(bounds[k] as number, byColumn[s] as number);
  });
  return bounds.map((bound) => (bound === -Infinity ? Infinity : bound));
}

/**
 * The strata whose preset bound did not hold ({@link StratumRanker.holdsBound}; about one in 30,000) ranked again,
 * every candidate offered to a fresh ranker of its stratum (the others' offers go nowhere).
 */
function rankAgainWhereBoundsFailed(
  manifest: Manifest,
  candidateIds: CandidateIdBytes | undefined,
  randoms: Float64Array | undefined,
  hasher: UnitHasher,
  strata: { rankers: StratumRanker[]; stratumByNfc: Map<string, StratumRanker> },
  bounds: Float64Array,
): void {
  const { rankers, stratumByNfc } = strata;
  const fresh = new Map<StratumRanker, StratumRanker>();
  rankers.forEach((ranker, k) => {
    if (!ranker.holdsBound(bounds[k] as number)) fresh.set(ranker, new StratumRanker(ranker.keep));
  });
  if (fresh.size === 0) return;
  const nowhere = new StratumRanker(0);
  const again = new Map<string, StratumRanker>();
  for (const [code, ranker] of stratumByNfc) again.set(code, fresh.get(ranker) ?? nowhere);
  offerCandidates(manifest.candidates, candidateIds, randoms, hasher, again);
  rankers.forEach((ranker, k) => (rankers[k] = fresh.get(ranker) ?? ranker));
}

/** One ranker per stratum (its quota and alternates), and the rankers by the stratum's NFC code. */
function stratumRankers(manifest: Manifest): { rankers: StratumRanker[]; stratumByNfc: Map<string, StratumRanker> } {
  const rankers = manifest.strata.map((s) => new StratumRanker(s.quota + s.alternates));
  const stratumByNfc = new Map<string, StratumRanker>();
  manifest.strata.forEach((s, i) => stratumByNfc.set(nfc(s.code), rankers[i] as StratumRanker));
  return { rankers, stratumByNfc };
}

/** Each stratum's selected units and alternates (ids, rank order) from its kept units best first (`ranked`). */
export function strataOf(
  manifest: Manifest,
  ranked: readonly ArrayLike<number>[],
  tasks?: { readonly taskUnits: readonly number[]; readonly unitIds: readonly string[] },
): StratumResult[] {
  const candidates = manifest.candidates;
  // The selected units' ids are the tasks' ids, already read in id order: looked up by candidate index in a typed array
  // instead of reading 100,000 scattered rows again (the alternates' are read from their rows).
  const taskOf = tasks === undefined ? null : new Int32Array(candidates.length);
  tasks?.taskUnits.forEach((c, t) => ((taskOf as Int32Array)[c] = t + 1));
  const unitIds = tasks?.unitIds;
  const idOf = (i: number): string => {
    const t = taskOf === null ? 0 : (taskOf[i] as number);
    return t > 0 ? ((unitIds as readonly string[])[t - 1] as string) : (candidates[i] as ManifestCandidate)[0];
  };
  return manifest.strata.map((stratum, s): StratumResult => {
    const kept = ranked[s] as ArrayLike<number>;
    const quota = Math.min(stratum.quota, kept.length);
    const selected = new Array<string>(quota);
    for (let r = 0; r < quota; r++) selected[r] = idOf(kept[r] as number);
    const alternates = new Array<string>(kept.length - quota);
    for (let r = quota; r < kept.length; r++) alternates[r - quota] = idOf(kept[r] as number);
    return { code: stratum.code, selected, alternates };
  });
}

/** The selected units of every stratum (the first `quota` of each), as candidate indices ascending = unit id order. */
function taskUnitsOf(manifest: Manifest, ranked: readonly ArrayLike<number>[]): number[] {
  let count = 0;
  manifest.strata.forEach((stratum, s) => (count += Math.min(stratum.quota, (ranked[s] as ArrayLike<number>).length)));
  const units = new Int32Array(count);
  let at = 0;
  manifest.strata.forEach((stratum, s) => {
    const kept = ranked[s] as ArrayLike<number>;
    for (let r = 0; r < Math.min(stratum.quota, kept.length); r++) units[at++] = kept[r] as number;
  });
  // A native numeric sort, then copied out by a loop (Array.from would go through the iterator, ten times slower).
  units.sort();
  const out = new Array<number>(count);
  for (let t = 0; t < count; t++) out[t] = units[t] as number;
  return out;
}

/**
 * One pass over the candidates: hash each unit and offer it to its stratum's ranker. Codes repeat, so raw strings
 * are looked up first. (A function of its own: the engine compiles the loop while it runs, and the code after it
 * would otherwise be compiled before it ever ran, then thrown away at every draw.)
 */
function offerCandidates(
  candidates: readonly ManifestCandidate[],
  candidateIds: CandidateIdBytes | undefined,
  unitRandoms: Float64Array | undefined,
  hasher: UnitHasher,
  stratumByNfc: Map<string, StratumRanker>,
  /** Only these candidates, not all; `unitRandoms` is then by position in this list. */
  only?: Int32Array,
): void {
  const rankerOf = (code: string): StratumRanker => stratumByNfc.get(nfc(code)) as StratumRanker;
  // Rows the manifest hash read into columns are read from them (stratum, weight, id bytes); others from the row.
  const columnRankers = candidateIds?.stratumCodes.map(rankerOf) ?? [];
  const rankerByRaw = new Map<string, StratumRanker>();
  const count = only === undefined ? candidates.length : only.length;
  for (let x = 0; x < count; x++) {
    const i = only === undefined ? x : (only[x] as number);
    const s = candidateIds === undefined ? -1 : (candidateIds.stratum[i] as number);
    let ranker: StratumRanker;
    let weight: number;
    if (s >= 0) {
      ranker = columnRankers[s] as StratumRanker;
      weight = (candidateIds as CandidateIdBytes).weight[i] as number;
    } else {
      const row = candidates[i] as ManifestCandidate;
      let known = rankerByRaw.get(row[1]);
      if (known === undefined) {
        known = rankerOf(row[1]);
        rankerByRaw.set(row[1], known);
      }
      ranker = known;
      weight = row[2];
    }
    const given = unitRandoms === undefined ? Number.NaN : (unitRandoms[x] as number);
    const a = !Number.isNaN(given)
      ? given
      : candidateIds !== undefined && candidateIds.plain[i] === 1
        ? hasher.randomOfBytes(candidateIds.bytes, candidateIds.start[i] as number, candidateIds.start[i + 1] as number)
        : hasher.randomOf((candidates[i] as ManifestCandidate)[0]);
    ranker.offer(i, a, weight);
  }
}

function nfc(s: string): string {
  return isAsciiId(s) ? s : s.normalize('NFC');
}

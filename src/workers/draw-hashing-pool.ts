import { Worker } from 'node:worker_threads';
import {
  type AssignmentTables,
  type Picks,
  InspectorStream,
  assignInspectors,
  assignmentTables,
  hashStreamsAhead,
  pickInspectors,
  splitTasksByPools,
  streamsPerTask,
  tablesOfTasks,
  taskResults,
  taskUnitIds,
  unfilledError,
  wordsAheadPerTask,
} from '../domain/draw/assign-inspectors.ts';
import { type FrozenManifest, drawResult, drawWithSeed, keepOfColumns, rankedFromSlices, strataOf } from '../domain/draw/draw.ts';
import type { DrawResult, ExternalValue, ManifestCandidate, ObserverReveal, StratumResult, TaskResult } from '../domain/draw/draw-types.ts';
import type { CandidateIdBytes, IdBytes } from '../domain/draw/jcs-hash.ts';
import { computeSeedBytes } from '../domain/draw/seed.ts';
import { type RankedSlice, type RankingColumns, rankSlice } from '../domain/draw/select-units.ts';

/**
 * The second core for large draws (decision 0010). The draw is a pure function whose cost is SHA-256: one block
 * per candidate (§5), two per inspector stream (§6). Those hashes do not depend on each other, so a worker thread
 * computes half of them while this thread computes the other half, both with the draw core's own functions over
 * the id bytes the manifest hash kept (shared memory, not copied). Everything that depends on order — ranking,
 * picks, loads — stays on this thread, in the same code as the single-threaded draw: the result is the same bytes,
 * and the browser verifier, single-threaded, checks it. If the worker cannot start or fails, the draw finishes on
 * this thread alone.
 */

/** Below this many candidates a draw runs on one thread: handing half to a worker would cost more than it saves. */
export const PARALLEL_FROM_CANDIDATES = 50_000;

/** The share of the candidates this thread hashes and ranks; the worker ranks the rest. */
const RANK_HERE = 0.55;

/**
 * The share of the tasks the worker assigns (or whose stream words it hashes). Half: this thread also lists the
 * tasks' and the strata's ids meanwhile, but the worker's picks come back later than its own (measured, decision 0030).
 */
const ASSIGN_ON_WORKER = 0.5;

/** A job for the worker: the ranking of candidates [from, to), or the words ahead of the tasks whose units are `candidates`. */
export type HashingJob =
  | { id: number; kind: 'rank'; seed: Uint8Array; columns: RankingColumns; from: number; to: number; keepOfColumn: Float64Array }
  | { id: number; kind: 'picks'; seed: Uint8Array; ids: IdBytes; candidates: Int32Array; tables: AssignmentTables; names: [number, string][] }
  | {
      id: number;
      kind: 'streams';
      seed: Uint8Array;
      ids: IdBytes;
      streams: readonly [number, number];
      wordsPerTask: number;
      candidates: Int32Array;
    };

export type HashingReply =
  | { id: number; ok: true; words?: Int32Array; skipped?: number[]; slice?: RankedSlice; picks?: Picks }
  | { id: number; ok: false; message: string };

type Pending = { resolve: (reply: HashingReply & { ok: true }) => void; reject: (error: Error) => void };

/** One worker thread, started on first use and kept (unreferenced while idle: it never keeps the process alive). */
export class DrawHashingPool {
  private worker: Worker | null = null;
  private starting: Promise<boolean> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** Starts the worker if it is not running; resolves false (and logs nothing) when it cannot. */
  ready(): Promise<boolean> {
    if (this.worker !== null) return Promise.resolve(true);
    this.starting ??= new Promise<boolean>((resolve) => {
      const worker = new Worker(new URL('./draw-hashing-boot.mjs', import.meta.url));
      worker.once('online', () => {
        // Idle, it never keeps the process alive; it is referenced while it has work (see run).
        worker.unref();
        this.worker = worker;
        this.starting = null;
        resolve(true);
      });
      worker.on('message', (reply: HashingReply) => this.settle(reply));
      const fail = (error: Error): void => {
        if (this.worker === worker) this.worker = null;
        this.starting = null;
        for (const { reject } of this.pending.values()) reject(error);
        this.pending.clear();
        resolve(false);
      };
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`draw-hashing worker exited (${code})`)));
    });
    return this.starting;
  }

  /** {@link rankSlice} of candidates [from, to), computed by the worker. */
  async rankSlice(seed: Uint8Array, ids: CandidateIdBytes, from: number, to: number, keepOfColumn: Float64Array): Promise<RankedSlice> {
    const columns: RankingColumns = { bytes: ids.bytes, start: ids.start, plain: ids.plain, stratum: ids.stratum, weight: ids.weight };
    const reply = await this.run({ id: 0, kind: 'rank', seed, columns, from, to, keepOfColumn });
    return reply.slice as RankedSlice;
  }

  /**
   * The picks of §6 for the tasks whose units are `candidates` (their tables `tables`, pools shared with no other
   * task), their words hashed first, by the worker; `names`: the ids of the units without bytes, by task.
   */
  async picks(seed: Uint8Array, ids: IdBytes, candidates: Int32Array, tables: AssignmentTables, names: [number, string][]): Promise<Picks> {
    const reply = await this.run({ id: 0, kind: 'picks', seed, ids: idBytesOf(ids), candidates, tables, names });
    return reply.picks as Picks;
  }

  /** {@link hashStreamsAhead} for the tasks whose units are `candidates`, computed by the worker; `skipped`: tasks it left. */
  async streamsAhead(
    seed: Uint8Array,
    ids: IdBytes,
    streams: readonly [number, number],
    wordsPerTask: number,
    candidates: Int32Array,
  ): Promise<{ words: Int32Array; skipped: number[] }> {
    const reply = await this.run({ id: 0, kind: 'streams', seed, ids: idBytesOf(ids), streams, wordsPerTask, candidates });
    return { words: reply.words as Int32Array, skipped: reply.skipped ?? [] };
  }

  /** Stops the worker (tests, shutdown). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  private run(job: HashingJob): Promise<HashingReply & { ok: true }> {
    const worker = this.worker;
    if (worker === null) return Promise.reject(new Error('draw-hashing worker is not running'));
    const id = this.nextId++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id });
    });
  }

  private settle(reply: HashingReply): void {
    const waiting = this.pending.get(reply.id);
    if (waiting === undefined) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.ok) waiting.resolve(reply);
    else waiting.reject(new Error(reply.message));
  }
}

/** Only the id bytes go to the worker (shared memory, not copied); the other columns would be copied and are not needed. */
function idBytesOf(ids: IdBytes): IdBytes {
  return { bytes: ids.bytes, start: ids.start, plain: ids.plain };
}

let shared: DrawHashingPool | null = null;

/** The process's pool. */
export function drawHashingPool(): DrawHashingPool {
  shared ??= new DrawHashingPool();
  return shared;
}

/**
 * {@link executeDraw} of the draw core with half of the hashing on the pool's worker: the same result. Small draws
 * (below `parallelFrom` candidates) and a pool that cannot start run on this thread alone, as does any half the
 * worker fails to deliver.
 */
export async function executeDrawInParallel(
  frozen: FrozenManifest,
  reveals: readonly Pick<ObserverReveal, 'id' | 'reveal'>[],
  externals: readonly ExternalValue[],
  options: { pool?: DrawHashingPool; parallelFrom?: number } = {},
): Promise<DrawResult> {
  const { manifest, hash, candidateIds: ids } = frozen;
  const seed = computeSeedBytes(manifest, hash, reveals, externals);
  const pool = options.pool ?? drawHashingPool();
  const n = manifest.candidates.length;
  if (n < (options.parallelFrom ?? PARALLEL_FROM_CANDIDATES) || !(await pool.ready()))
    return drawWithSeed(manifest, hash, seed, ids);

  // §5: the worker hashes and ranks the last candidates while this thread does the first; each stratum's order is then
  // the merge of both halves' best. (This thread takes a little more: the worker's reply comes back later.)
  const split = Math.floor(n * RANK_HERE);
  const keepOfColumn = keepOfColumns(manifest, ids);
  // Handled at once: should this thread's half throw, the worker's failure must not go unhandled.
  const remoteSlice = pool.rankSlice(seed, ids, split, n, keepOfColumn).catch(() => null);
  const hereSlice = rankSlice(seed, ids, 0, split, keepOfColumn);
  const otherSlice = (await remoteSlice) ?? rankSlice(seed, ids, split, n, keepOfColumn);
  const { ranked, taskUnits } = rankedFromSlices(manifest, seed, ids, [hereSlice, otherSlice]);

  // §6: tasks whose pools share no inspector do not meet. The worker hashes the stream words of most of them and makes
  // their picks while this thread does the rest; when the pools do not part that way, the worker hashes most of the
  // words and the picks run here. Either way this thread also lists the strata's ids meanwhile.
  const tables = assignmentTables(manifest, taskUnits, ids);
  const parts = splitTasksByPools(tables, ASSIGN_ON_WORKER);
  let strata: StratumResult[] = [];
  const meanwhile = (unitIds: readonly string[]): void => {
    strata = strataOf(manifest, ranked, { taskUnits, unitIds });
  };
  const draw = { manifest, seed, ids, taskUnits, tables, meanwhile };
  const tasks = (parts === null ? null : await picksOnBothThreads(pool, draw, parts)) ?? (await picksHere(pool, draw, parts === null));
  return drawResult(manifest, hash, seed, strata, tasks);
}

/** What the assignment of a draw on two threads works from. */
type AssignmentWork = {
  manifest: FrozenManifest['manifest'];
  seed: Uint8Array;
  ids: CandidateIdBytes;
  taskUnits: number[];
  tables: AssignmentTables;
  /** Work of this thread's that can wait for the assignment's (run once, while the worker works), given the tasks' ids. */
  meanwhile: (unitIds: readonly string[]) => void;
};

/**
 * The picks of the `there` tasks on the worker (which hashes their words first), of the `here` tasks on this thread;
 * null when either side cannot fill a slot or the worker fails (the caller then assigns on one thread: the exact
 * error, or the same result).
 */
async function picksOnBothThreads(pool: DrawHashingPool, work: AssignmentWork, parts: { here: Int32Array; there: Int32Array }): Promise<TaskResult[] | null> {
  const { manifest, seed, ids, taskUnits, tables } = work;
  const candidates = manifest.candidates;
  const streams = streamsPerTask(tables);
  const perTask = wordsAheadPerTask(tables);
  // Units whose ids have no bytes at hand go by name (rare: ids the manifest hash could not keep as bytes).
  const thereUnits = new Int32Array(parts.there.length);
  const names: [number, string][] = [];
  for (let x = 0; x < thereUnits.length; x++) {
    const c = taskUnits[parts.there[x] as number] as number;
    thereUnits[x] = c;
    if (ids.plain[c] !== 1) names.push([x, (candidates[c] as ManifestCandidate)[0]]);
  }
  const remote = pool.picks(seed, ids, thereUnits, tablesOfTasks(tables, parts.there), names).catch(() => null);
  const unitIds = taskUnitIds(candidates, taskUnits);
  const here = parts.here;
  const hereAhead = new Int32Array(here.length * perTask);
  const stream = new InspectorStream(seed);
  const unitOf = (x: number): string => unitIds[here[x] as number] as string;
  hashStreamsAhead(stream, streams, { from: 0, to: here.length, unitId: unitOf, candidate: (x) => taskUnits[here[x] as number] as number }, ids, hereAhead);
  work.meanwhile(unitIds);
  // Each side's tasks written into the result at their places, this side's while the worker may still be working.
  const tasks = new Array<TaskResult>(taskUnits.length);
  try {
    const herePicks = pickInspectors(tablesOfTasks(tables, here), hereAhead, stream, unitOf, () => new Error('unfilled'));
    taskResults(manifest.inspectors, unitIds, tables, herePicks, { tasks: here, into: tasks });
  } catch {
    await remote;
    return null;
  }
  const therePicks = await remote;
  if (therePicks === null) return null;
  return taskResults(manifest.inspectors, unitIds, tables, therePicks, { tasks: parts.there, into: tasks });
}

/**
 * The picks of every task on this thread, their words hashed mostly by the worker (`streamsOnWorker`) or all here (after
 * {@link picksOnBothThreads} gave up: then the work done meanwhile is already done).
 */
async function picksHere(pool: DrawHashingPool, work: AssignmentWork, streamsOnWorker: boolean): Promise<TaskResult[]> {
  const { manifest, seed, ids, taskUnits, tables } = work;
  if (!streamsOnWorker) return assignInspectors(manifest, seed, taskUnits, ids);
  const streams = streamsPerTask(tables);
  const perTask = wordsAheadPerTask(tables);
  const cut = Math.floor(taskUnits.length * (1 - ASSIGN_ON_WORKER));
  const ahead = new Int32Array(taskUnits.length * perTask);
  const remoteStreams = pool.streamsAhead(seed, ids, streams, perTask, Int32Array.from(taskUnits.slice(cut))).catch(() => null);
  const stream = new InspectorStream(seed);
  const unitIds = taskUnitIds(manifest.candidates, taskUnits);
  const unitId = (t: number): string => unitIds[t] as string;
  const candidate = (t: number): number => taskUnits[t] as number;
  const here = (from: number, to: number): void => {
    hashStreamsAhead(stream, streams, { from, to, unitId, candidate }, ids, ahead.subarray(from * perTask, to * perTask));
  };
  here(0, cut);
  work.meanwhile(unitIds);
  const remote = await remoteStreams;
  if (remote === null) here(cut, taskUnits.length);
  else {
    ahead.set(remote.words, cut * perTask);
    for (const t of remote.skipped) here(cut + t, cut + t + 1);
  }
  const picks = pickInspectors(tables, ahead, stream, unitId, unfilledError(manifest, taskUnits, unitIds));
  return taskResults(manifest.inspectors, unitIds, tables, picks);
}

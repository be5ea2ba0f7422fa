import { Worker } from 'node:worker_threads';
import { InspectorStream, hashStreamsAhead, prepareAssignment, wordsAheadPerTask } from '../domain/draw/assign-inspectors.ts';
import { type FrozenManifest, drawResult, drawWithSeed, rankedFromSlices, strataOf } from '../domain/draw/draw.ts';
import type { DrawResult, ExternalValue, ObserverReveal } from '../domain/draw/draw-types.ts';
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

/**
 * The share of the tasks whose stream words the worker hashes: more than half, as this thread also builds the
 * assignment's tables and the strata's lists of ids meanwhile.
 */
const STREAMS_ON_WORKER = 0.65;

/** The quota and alternates of the manifest's stratum whose code is `code` up to NFC (0 when none is). */
function keepOfStratum(manifest: FrozenManifest['manifest'], code: string): number {
  const nfc = (s: string): string => s.normalize('NFC');
  const stratum = manifest.strata.find((s) => s.code === code || nfc(s.code) === nfc(code));
  return stratum === undefined ? 0 : stratum.quota + stratum.alternates;
}

/** A job for the worker: the ranking of candidates [from, to), or the words ahead of the tasks whose units are `candidates`. */
export type HashingJob =
  | { id: number; kind: 'rank'; seed: Uint8Array; columns: RankingColumns; from: number; to: number; keepOfColumn: Int32Array }
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
  | { id: number; ok: true; words?: Int32Array; skipped?: number[]; slice?: RankedSlice }
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
  async rankSlice(seed: Uint8Array, ids: CandidateIdBytes, from: number, to: number, keepOfColumn: Int32Array): Promise<RankedSlice> {
    const columns: RankingColumns = { bytes: ids.bytes, start: ids.start, plain: ids.plain, stratum: ids.stratum, weight: ids.weight };
    const reply = await this.run({ id: 0, kind: 'rank', seed, columns, from, to, keepOfColumn });
    return reply.slice as RankedSlice;
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

  // §5: the worker hashes and ranks the second half of the candidates while this thread does the first; the strata's
  // rankers then take the best of both halves.
  const split = n >> 1;
  const { stratumCodes } = ids;
  const keepOfColumn = Int32Array.from(stratumCodes, (code) => keepOfStratum(manifest, code));
  const remoteSlice = pool.rankSlice(seed, ids, split, n, keepOfColumn);
  const hereSlice = rankSlice(seed, ids, 0, split, keepOfColumn);
  const otherSlice = await remoteSlice.catch(() => rankSlice(seed, ids, split, n, keepOfColumn));
  const { ranked, taskUnits } = rankedFromSlices(manifest, seed, ids, [hereSlice, otherSlice]);

  // §6: the words of the tasks' streams, most of them on the worker while this thread hashes the first tasks' and
  // builds the assignment's tables; the picks then run here, in order.
  const { lead, assistant, backups } = manifest.assignment;
  const streams = [lead + backups, assistant + backups] as const;
  const perTask = wordsAheadPerTask(manifest.assignment);
  const cut = Math.floor(taskUnits.length * (1 - STREAMS_ON_WORKER));
  const ahead = new Int32Array(taskUnits.length * perTask);
  const remoteStreams = pool.streamsAhead(seed, ids, streams, perTask, Int32Array.from(taskUnits.slice(cut)));
  const stream = new InspectorStream(seed);
  const unitId = (t: number): string => (manifest.candidates[taskUnits[t] as number] as (typeof manifest.candidates)[number])[0];
  const candidate = (t: number): number => taskUnits[t] as number;
  const here = (from: number, to: number): void => {
    hashStreamsAhead(stream, streams, { from, to, unitId, candidate }, ids, ahead.subarray(from * perTask, to * perTask));
  };
  here(0, cut);
  const assignment = prepareAssignment(manifest, seed, taskUnits, ids, ahead);
  const strata = strataOf(manifest, ranked);
  try {
    const { words, skipped } = await remoteStreams;
    ahead.set(words, cut * perTask);
    for (const t of skipped) here(cut + t, cut + t + 1);
  } catch {
    here(cut, taskUnits.length);
  }
  const tasks = assignment.finish();
  return drawResult(manifest, hash, seed, strata, tasks);
}

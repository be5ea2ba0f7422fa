import { parentPort } from 'node:worker_threads';
import { InspectorStream, type Picks, hashStreamsAhead, pickInspectors, streamsPerTask, wordsAheadPerTask } from '../domain/draw/assign-inspectors.ts';
import { rankSlice } from '../domain/draw/select-units.ts';
import type { HashingJob, HashingReply } from './draw-hashing-pool.ts';

/**
 * The worker thread of {@link DrawHashingPool}: runs the draw core's pure hashing functions over the slice of a
 * draw it is sent (the id bytes are shared memory) and posts the numbers back.
 */
const port = parentPort;
if (port === null) throw new Error('draw-hashing-worker runs as a worker thread');

port.on('message', (job: HashingJob) => {
  let reply: HashingReply;
  try {
    if (job.kind === 'rank') {
      const slice = rankSlice(job.seed, job.columns, job.from, job.to, job.keepOfColumn);
      reply = { id: job.id, ok: true, slice };
    } else if (job.kind === 'picks') {
      reply = { id: job.id, ok: true, picks: picks(job) };
    } else {
      const { candidates } = job;
      const words = new Int32Array(candidates.length * job.wordsPerTask);
      const skipped = hashStreamsAhead(
        new InspectorStream(job.seed),
        job.streams,
        { from: 0, to: candidates.length, unitId: null, candidate: (t) => candidates[t] as number },
        job.ids,
        words,
      );
      reply = { id: job.id, ok: true, words, skipped };
    }
  } catch (e) {
    reply = { id: job.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  const transfer = reply.ok ? transferable(reply) : [];
  port.postMessage(reply, transfer);
});

/** The buffers a reply hands over rather than copies. */
function transferable(reply: HashingReply & { ok: true }): ArrayBuffer[] {
  const slice = reply.slice;
  const p = reply.picks;
  const arrays = [reply.words, p?.onTask, p?.onCount, p?.backupPicks, p?.backupCounts, slice?.rest, slice?.restA, ...(slice?.kept.flatMap((k) => [k.index, k.a]) ?? [])];
  return arrays.map((a) => a?.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

/**
 * The words and picks of a group of tasks (see DrawHashingPool.picks): a unit with id bytes is named `#candidate` and
 * laid out from its bytes, one without by its id. Throws when a slot cannot be filled (the draw then runs on one thread).
 */
function picks(job: HashingJob & { kind: 'picks' }): Picks {
  const { candidates, ids } = job;
  const names = new Map(job.names);
  const stream = new InspectorStream(job.seed);
  const words = new Int32Array(candidates.length * wordsAheadPerTask(job.tables));
  const unitId = (t: number): string => names.get(t) ?? `#${candidates[t] as number}`;
  hashStreamsAhead(stream, streamsPerTask(job.tables), { from: 0, to: candidates.length, unitId, candidate: (t) => candidates[t] as number }, ids, words);
  const unitOf = (t: number): string => {
    const name = names.get(t);
    if (name !== undefined) return name;
    const c = candidates[t] as number;
    stream.useIdBytes(`#${c}`, ids.bytes, ids.start[c] as number, ids.start[c + 1] as number);
    return `#${c}`;
  };
  return pickInspectors(job.tables, words, stream, unitOf, () => new Error('a slot nobody can fill'));
}

import { parentPort } from 'node:worker_threads';
import { InspectorStream, hashStreamsAhead } from '../domain/draw/assign-inspectors.ts';
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
  const arrays = [reply.words, slice?.rest, slice?.restA, ...(slice?.kept.flatMap((k) => [k.index, k.a]) ?? [])];
  return arrays.map((a) => a?.buffer).filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../domain/errors.ts';
import { parseImportFile } from '../usecases/imports/parse-import-file.ts';
import type { ParsingJob, ParsingReply } from './import-parsing-pool.ts';

/**
 * The worker thread of {@link ImportParsingPool}: reads one uploaded file at a time (parseImportFile, within the
 * limits of decision 0014) and posts its header row as soon as it is read and its rows in slices as they are read,
 * then the rest of the table — or the
 * Chinese refusal. Its heap is capped by the pool: a file that would need more ends this thread, not the server.
 */
const port = parentPort;
if (port === null) throw new Error('import-parsing-worker runs as a worker thread');

// On Linux a nice value belongs to a thread: this one gives way to the main thread (the portal's requests, the
// database) whenever both want the same core, and has any idle core to itself. Elsewhere setpriority(0) would
// renice the whole process, so the priority is left alone there.
const { nice } = workerData as { nice: number };
if (process.platform === 'linux' && nice > 0) {
  try {
    os.setPriority(nice);
  } catch {
    // Not allowed here: the parse runs at the process's priority.
  }
}

port.on('message', (job: ParsingJob) => {
  const post = (reply: ParsingReply) => port.postMessage(reply);
  parseImportFile(job.bytes, job.fileName, {
    handOver: (rows) => post({ id: job.id, kind: 'rows', rows }),
    onHeader: (headers, headerRowNumber) => post({ id: job.id, kind: 'header', headers, headerRowNumber }),
  }).then(
    (table) => post({ id: job.id, kind: 'table', table }),
    (e: unknown) =>
      post(
        e instanceof DomainError
          ? { id: job.id, kind: 'refused', code: e.code, message: e.message }
          : { id: job.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) },
      ),
  );
});

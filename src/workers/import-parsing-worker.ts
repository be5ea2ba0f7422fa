import { parentPort } from 'node:worker_threads';
import { DomainError } from '../domain/errors.ts';
import { parseImportFile } from '../usecases/imports/parse-import-file.ts';
import type { ParsingJob, ParsingReply } from './import-parsing-pool.ts';

/**
 * The worker thread of {@link ImportParsingPool}: reads one uploaded file at a time (parseImportFile, within the
 * limits of decision 0014) and posts its rows back in slices as they are read, then the rest of the table — or the
 * Chinese refusal. Its heap is capped by the pool: a file that would need more ends this thread, not the server.
 */
const port = parentPort;
if (port === null) throw new Error('import-parsing-worker runs as a worker thread');

port.on('message', (job: ParsingJob) => {
  const post = (reply: ParsingReply) => port.postMessage(reply);
  parseImportFile(job.bytes, job.fileName, (rows) => post({ id: job.id, kind: 'rows', rows })).then(
    (table) => post({ id: job.id, kind: 'table', table }),
    (e: unknown) =>
      post(
        e instanceof DomainError
          ? { id: job.id, kind: 'refused', code: e.code, message: e.message }
          : { id: job.id, kind: 'failed', message: e instanceof Error ? e.message : String(e) },
      ),
  );
});

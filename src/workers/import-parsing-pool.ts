import { Worker } from 'node:worker_threads';
import { DomainError, type DomainErrorCode } from '../domain/errors.ts';
import { createCellInterner, type ImportTable, type ImportTableRow } from '../domain/import/import-table.ts';
import { parseImportFile } from '../usecases/imports/parse-import-file.ts';

/**
 * Uploaded registry files are read on a worker thread (decision 0014). Reading 100,000 .xlsx rows is seconds of
 * XML parsing that would otherwise run in long stretches on the thread that answers every request — the public
 * portal included — and a file built to exhaust memory would take the whole server with it. On the worker the
 * parse runs beside the main thread, under a heap cap (`resourceLimits`): past it the worker ends, the upload is
 * refused with a Chinese message and the next upload starts a new worker. The rows come back in slices of 2,000,
 * each a small message, so the main thread is never busy with one file for long.
 *
 * One file at a time (the others wait their turn: memory is bounded by one parse, and the second core is free
 * for the main thread). The worker starts on first use; if it cannot start, the file is read on the main thread,
 * within the same limits. After reading a large file (STOP_AFTER_BYTES), once no other file is waiting, it is
 * stopped: idle, it would keep the heap of that parse (hundreds of MB for 100,000 rows) until the next upload, and
 * starting a new one (under a second) is little beside the seconds such a file takes to read. After small files and
 * refusals (which stop early, decision 0014) it stays (decision 0031).
 *
 * A server that keeps a worker ready ({@link ImportParsingPool.keepReady}, on PostgreSQL by default) starts it at
 * once and again a while after it stopped one: a fresh worker loading its modules took ~0.5 s of a 100,000-row upload,
 * and idle it holds only its modules (~16 MB of heap, ~45 MiB of the process's RSS), not a parse's.
 */

/** The worker's old-generation heap. A 100,000-row registry needs ~100 MB; the largest legitimate file ~300 MB. */
export const PARSING_HEAP_MB = 512;
/** The worker thread's nice value on Linux (0–19): it yields a shared core to the main thread (decision 0014). */
export const PARSING_NICE = 10;

/** Files read from this size (about 7,000 registry rows of .xlsx) leave a heap worth giving back: the worker stops after them. */
export const STOP_AFTER_BYTES = 1024 * 1024;

export type ParsingJob = { id: number; bytes: Uint8Array; fileName: string };

export type ParsingReply =
  | { id: number; kind: 'header'; headers: string[]; headerRowNumber: number }
  | { id: number; kind: 'rows'; rows: ImportTableRow[] }
  | { id: number; kind: 'table'; table: ImportTable }
  | { id: number; kind: 'refused'; code: DomainErrorCode; message: string }
  | { id: number; kind: 'failed'; message: string };

/**
 * Hears a file's header row and its data rows while the worker still reads the rest (the dry run starts on them,
 * decision 0031). Rows come in the table's order; the table's last rows come only with the table.
 */
export type ParseListener = {
  header(headers: string[], headerRowNumber: number): void;
  rows(rows: ImportTableRow[]): void;
};

type Running = {
  id: number;
  listener: ParseListener | undefined;
  slices: ImportTableRow[][];
  /** Equal cells of a column made one string as the rows arrive (the message copied each). */
  intern: (rows: ImportTableRow[]) => void;
  resolve: (table: ImportTable) => void;
  reject: (error: Error) => void;
};

export class ImportParsingPool {
  private worker: Worker | null = null;
  private starting: Promise<boolean> | null = null;
  private running: Running | null = null;
  private turn: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private stopWhenIdle = false;
  private nextId = 1;
  /** keepReady's delay, or null: a worker is started only for a file. */
  private readyAgainAfterMs: number | null = null;
  private readyAgain: NodeJS.Timeout | null = null;

  constructor(
    private readonly heapMb = PARSING_HEAP_MB,
    private readonly nice = PARSING_NICE,
  ) {}

  /** Starts the worker if it is not running; resolves false (and logs nothing) when it cannot. */
  ready(): Promise<boolean> {
    if (this.worker !== null) return Promise.resolve(true);
    this.starting ??= new Promise<boolean>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(new URL('./import-parsing-boot.mjs', import.meta.url), {
          resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
          workerData: { nice: this.nice },
        });
      } catch {
        // No thread can be made now (ERR_WORKER_INIT_FAILED …): files are read on this thread; a later call tries again.
        this.starting = null;
        resolve(false);
        return;
      }
      let online = false;
      let cause: Error | null = null;
      worker.once('online', () => {
        online = true;
        // Idle, it never keeps the process alive; it is referenced while it parses (see run).
        worker.unref();
        this.worker = worker;
        this.starting = null;
        resolve(true);
      });
      worker.on('message', (reply: ParsingReply) => this.settle(reply));
      worker.on('error', (error) => {
        cause = error;
      });
      worker.once('exit', () => {
        const ended = this.worker === worker;
        if (ended) this.worker = null;
        if (!online) {
          this.starting = null;
          resolve(false);
          return;
        }
        const running = this.running;
        this.running = null;
        running?.reject(this.failure(cause));
        // Ended on its own (the heap cap, a fault), not stopped here: a new one is made ready later.
        if (ended) this.scheduleReady();
      });
    });
    return this.starting;
  }

  /** The table of an uploaded file, read on the worker (or here, when the worker cannot start); one file at a time. */
  parse(bytes: Uint8Array, fileName: string, listener?: ParseListener): Promise<ImportTable> {
    this.waiting++;
    const result = this.turn.then(() => this.run(bytes, fileName, listener));
    this.turn = result
      .then(
        () => {
          if (bytes.byteLength >= STOP_AFTER_BYTES) this.stopWhenIdle = true;
        },
        () => undefined,
      )
      .then(async () => {
        if (--this.waiting > 0 || !this.stopWhenIdle) return;
        this.stopWhenIdle = false;
        await this.stop();
        this.scheduleReady();
      });
    return result;
  }

  /**
   * Keeps a worker ready for the next file: starts one now, and `afterMs` after the pool stopped one (after a large
   * file, or when one ended on its own) starts another, unless a file has started one meanwhile. `close` ends this.
   */
  keepReady(afterMs: number): Promise<boolean> {
    this.readyAgainAfterMs = afterMs;
    return this.ready();
  }

  /** Starts a worker readyAgainAfterMs from now (from the latest stop, when called again before then). */
  private scheduleReady(): void {
    if (this.readyAgainAfterMs === null) return;
    if (this.readyAgain !== null) clearTimeout(this.readyAgain);
    this.readyAgain = setTimeout(() => {
      this.readyAgain = null;
      if (this.readyAgainAfterMs !== null && this.worker === null) void this.ready();
    }, this.readyAgainAfterMs);
    this.readyAgain.unref();
  }

  /** Whether a worker thread is running now (tests, benchmarks). */
  get hasWorker(): boolean {
    return this.worker !== null;
  }

  /** Stops the worker and keeps none ready any more (tests, shutdown). */
  async close(): Promise<void> {
    this.readyAgainAfterMs = null;
    if (this.readyAgain !== null) clearTimeout(this.readyAgain);
    this.readyAgain = null;
    // A worker still starting would come online after this returned: it is stopped once it has.
    if (this.starting !== null) await this.starting;
    await this.stop();
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
  }

  private async run(bytes: Uint8Array, fileName: string, listener: ParseListener | undefined): Promise<ImportTable> {
    // Without the worker, the file is read here in one go and nobody is told anything early.
    if (!(await this.ready())) return parseImportFile(bytes, fileName);
    const worker = this.worker as Worker;
    const id = this.nextId++;
    worker.ref();
    try {
      return await new Promise<ImportTable>((resolve, reject) => {
        this.running = { id, listener, slices: [], intern: createCellInterner(), resolve, reject };
        worker.postMessage({ id, bytes, fileName } satisfies ParsingJob);
      });
    } finally {
      this.running = null;
      if (this.worker === worker) worker.unref();
    }
  }

  private settle(reply: ParsingReply): void {
    const running = this.running;
    if (running === null || running.id !== reply.id) return;
    if (reply.kind === 'header') running.listener?.header(reply.headers, reply.headerRowNumber);
    else if (reply.kind === 'rows') {
      running.intern(reply.rows);
      running.slices.push(reply.rows);
      running.listener?.rows(reply.rows);
    } else if (reply.kind === 'table') {
      running.intern(reply.table.rows);
      running.resolve({ ...reply.table, rows: running.slices.flat().concat(reply.table.rows) });
    }
    else if (reply.kind === 'refused') running.reject(new DomainError(reply.code, reply.message));
    else running.reject(new Error(`import-parsing worker: ${reply.message}`));
  }

  /** Why a parse ended with its worker: the heap cap (the file needs too much memory) or anything else. */
  private failure(cause: Error | null): DomainError {
    if ((cause as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new DomainError(
        'PAYLOAD_TOO_LARGE',
        `文件过于复杂：读取它需要超过 ${this.heapMb} MB 内存，已停止读取并拒绝。请检查文件内容，或拆分后分批导入`,
      );
    }
    return new DomainError('UNSUPPORTED_FILE', '文件无法读取：读取过程意外中止，请检查文件后重试');
  }
}

let shared: ImportParsingPool | null = null;

/** The process's pool. */
export function importParsingPool(): ImportParsingPool {
  shared ??= new ImportParsingPool();
  return shared;
}

/**
 * The server of `npm start` (src/server/main.ts of the checkout it runs in: its working directory) for the import
 * benchmark, with one addition: SIGUSR2 runs a full garbage collection, so the benchmark can read the memory the
 * process still holds after an import once the garbage is gone, not only what V8 has not yet collected.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
// BENCH_TRACE_GC=1: V8 prints each collection of the server (main thread and workers) on the benchmark's output.
if (process.env.BENCH_TRACE_GC === '1') v8.setFlagsFromString('--trace-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
process.on('SIGUSR2', () => collectGarbage());

await import(pathToFileURL(path.resolve('src/server/main.ts')).href);

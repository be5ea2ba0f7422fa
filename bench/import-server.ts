/**
 * The server of `npm start` (src/server/main.ts) for the import benchmark, with one addition: SIGUSR2 runs a full
 * garbage collection, so the benchmark can read the memory the process still holds after an import once the garbage
 * is gone (its resident memory after a GC), not only what V8 has not yet collected.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
process.on('SIGUSR2', () => collectGarbage());

await import('../src/server/main.ts');

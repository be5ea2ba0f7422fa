/**
 * How far V8 lets the server's heap grow past what the last full collection kept before it collects again: to 1.25
 * times (decision 0031), set before the server starts (src/server/main.ts imports this first). V8's own factor goes
 * up to 4 for a fast collector: after an upload that keeps a 100,000-row table and its validated rows (~250 MB), the
 * garbage of the dry run and of the commit's writes piled up to a heap of ~600 MB (RSS 820–1,180 MiB) before the
 * first full collection, where 600 MiB is the target for the whole process. Measured on the 100,000-row import
 * (`npm run bench import`, PostgreSQL): 1.5 gave a peak of 587–599 MiB, 1.25 gave 540 MiB.
 *
 * The price is more full collections while the server allocates: streaming the 100,000-unit export (~60 MB of live
 * heap) ran one every ~0.9 s, each a 7–50 ms pause after 30–70 ms of incremental marking (with 1.5: every ~3.5 s).
 * The flag is process-wide and read at every collection, so the import-parsing worker thread follows it too.
 */
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 25;

v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

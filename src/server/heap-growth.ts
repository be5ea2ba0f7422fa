/**
 * How far V8 lets the server's heap grow past what the last full collection kept, before collecting again: 1.5 times
 * (decision 0031), set before the server starts (src/server/main.ts imports this first). V8's own factor goes up to 4
 * for a fast collector; after an upload that keeps a 100,000-row table and its validated rows (~250 MB), that let the
 * garbage of the dry run and the commit's writes pile up to a heap of ~600 MB (RSS 820–970 MiB) before the first full
 * collection, where 600 MiB is the target for the whole process. With 1.5 the heap stays under ~370 MB and the
 * import's peak RSS under 600 MiB; the price is a few more full collections (tens of ms each, mostly concurrent) while
 * the heap is large. Small heaps are not affected: V8 never sets the limit below its initial old-generation size.
 * The flag is process-wide and read at every collection, so it also holds for the import-parsing worker thread.
 */
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

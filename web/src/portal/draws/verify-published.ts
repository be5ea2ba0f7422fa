import { prepareSha256Kernel } from '@domain/crypto/sha256-wasm.ts';
import { type SpanHashes, hashRead, readBundleUnhashed, verifyBundleBytes } from '@domain/draw/bundle-bytes.ts';
import { type PublishedDraw, explainVerification } from './plain-checks.ts';

/**
 * How long, once the candidates are read, the page waits for its worker's hashes before taking them itself: the
 * worker answers on every failure it can see, but one the browser stops without a word must not leave the page
 * waiting for ever.
 */
const WORKER_PATIENCE_MS = 15_000;

/**
 * The browser's verification of a bundle against the page's published values: the same `verifyBundle` the server and
 * the CLI run, with the SHA-256 WebAssembly kernel compiled first (a browser compiles it only asynchronously on the
 * page's thread; without it the plain TypeScript gives the same bytes, slower), then each check explained. The bundle
 * is given as received (a download's body, a chosen file): when it is the JCS text the portal sends, its manifest and
 * result are hashed as they are — on a second thread (./bundle-hash-worker.ts) while this one reads the candidates,
 * or here when a worker cannot start or does not answer — and the rest checked from the bytes (`verifyBundleBytes`);
 * any other JSON text of a bundle (a file someone saved) is parsed and verified in full. Throws an Error with a
 * Chinese message when the bytes are not JSON. Used by 「在浏览器中验证」 and by the browser bench
 * (bench/draw-browser.bench.ts).
 */
export async function verifyPublishedBundle(body: Blob, published: PublishedDraw): Promise<ReturnType<typeof explainVerification>> {
  const hashing = hashOnSecondThread(body);
  try {
    await prepareSha256Kernel();
    const bytes = new Uint8Array(await body.arrayBuffer());
    const unhashed = readBundleUnhashed(bytes);
    const read = unhashed === null ? null : hashRead(unhashed, await hashing.answer(WORKER_PATIENCE_MS));
    const { verification, bundle } = verifyBundleBytes(bytes, { ...(published.resultHash ? { resultHash: published.resultHash } : {}), read });
    return explainVerification(verification, bundle, published);
  } finally {
    hashing.stop();
  }
}

/**
 * The spans' hashes from a worker of its own: `answer` gives them, or null when no worker could start, it found no
 * bundle in JCS form, or it did not answer within `patience` ms of being asked; `stop` ends the worker.
 */
function hashOnSecondThread(body: Blob): { answer(patience: number): Promise<SpanHashes | null>; stop(): void } {
  let worker: Worker | null = null;
  let answered: Promise<SpanHashes | null> = Promise.resolve(null);
  try {
    if (typeof Worker === 'function') {
      const started = new Worker(new URL('./bundle-hash-worker.ts', import.meta.url), { type: 'module' });
      worker = started;
      answered = new Promise((resolve) => {
        started.onmessage = (event: MessageEvent<SpanHashes | null>) => resolve(event.data);
        started.onerror = () => resolve(null);
        started.onmessageerror = () => resolve(null);
      });
      started.postMessage(body);
    }
  } catch {
    answered = Promise.resolve(null);
  }
  return {
    answer: (patience) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const givenUp = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), patience);
      });
      return Promise.race([answered, givenUp]).finally(() => clearTimeout(timer));
    },
    stop: () => worker?.terminate(),
  };
}

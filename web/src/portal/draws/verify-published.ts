import { prepareSha256Kernel } from '@domain/crypto/sha256-wasm.ts';
import { type SpanHashes, hashRead, readBundleUnhashed, verifyBundleBytes } from '@domain/draw/bundle-bytes.ts';
import { type PublishedDraw, explainVerification } from './plain-checks.ts';

/**
 * The browser's verification of a bundle against the page's published values: the same `verifyBundle` the server and
 * the CLI run, with the SHA-256 WebAssembly kernel compiled first (a browser compiles it only asynchronously on the
 * page's thread; without it the plain TypeScript gives the same bytes, slower), then each check explained. The bundle
 * is given as received (a download's body, a chosen file): when it is the JCS text the portal sends, its manifest and
 * result are hashed as they are — on a second thread (./bundle-hash-worker.ts) while this one reads the candidates,
 * or here when a worker cannot start — and the rest checked from the bytes (`verifyBundleBytes`); any other JSON text
 * of a bundle (a file someone saved) is parsed and verified in full. Throws an Error with a Chinese message when the
 * bytes are not JSON. Used by 「在浏览器中验证」 and by the browser bench (bench/draw-browser.bench.ts).
 */
export async function verifyPublishedBundle(body: Blob, published: PublishedDraw): Promise<ReturnType<typeof explainVerification>> {
  const hashing = hashOnSecondThread(body);
  await prepareSha256Kernel();
  const bytes = new Uint8Array(await body.arrayBuffer());
  const unhashed = readBundleUnhashed(bytes);
  const read = unhashed === null ? null : hashRead(unhashed, await hashing);
  const { verification, bundle } = verifyBundleBytes(bytes, { ...(published.resultHash ? { resultHash: published.resultHash } : {}), read });
  return explainVerification(verification, bundle, published);
}

/** The spans' hashes from a worker of its own, null when none could start or it found no bundle in JCS form. */
function hashOnSecondThread(body: Blob): Promise<SpanHashes | null> {
  if (typeof Worker !== 'function') return Promise.resolve(null);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./bundle-hash-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(null);
      return;
    }
    const done = (answer: SpanHashes | null): void => {
      worker.terminate();
      resolve(answer);
    };
    worker.onmessage = (event: MessageEvent<SpanHashes | null>) => done(event.data);
    worker.onerror = () => done(null);
    worker.onmessageerror = () => done(null);
    worker.postMessage(body);
  });
}

/// <reference lib="webworker" />
import { prepareSha256Kernel } from '@domain/crypto/sha256-wasm.ts';
import { type SpanHashes, hashBundleSpans } from '@domain/draw/bundle-bytes.ts';

/**
 * The verifier's second thread (verify-published.ts): given the bundle as a Blob, reads its own copy of the bytes and
 * hashes the manifest's and the result's spans while the page's thread reads the candidates. Answers with
 * `hashBundleSpans` (null when the bytes are not a bundle in JCS form, or anything fails: the page then hashes itself).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<Blob>) => {
  scope.postMessage(await spanHashes(event.data));
};

async function spanHashes(body: Blob): Promise<SpanHashes | null> {
  try {
    await prepareSha256Kernel();
    return hashBundleSpans(new Uint8Array(await body.arrayBuffer()));
  } catch {
    return null;
  }
}

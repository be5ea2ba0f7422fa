import { prepareSha256Kernel } from '@domain/crypto/sha256-wasm.ts';
import { verifyBundleBytes } from '@domain/draw/bundle-bytes.ts';
import { type PublishedDraw, explainVerification } from './plain-checks.ts';

/**
 * The browser's verification of a bundle against the page's published values: the same `verifyBundle` the server and
 * the CLI run, with the SHA-256 WebAssembly kernel compiled first (a browser compiles it only asynchronously on the
 * page's thread; without it the plain TypeScript gives the same bytes, slower), then each check explained. The bundle
 * is given as the bytes received: the portal sends its JCS text, whose manifest and result are hashed as they are
 * (`verifyBundleBytes`); any other JSON text of a bundle (a file someone saved) is parsed and verified in full.
 * Throws an Error with a Chinese message when the bytes are not JSON. Used by 「在浏览器中验证」 and by the browser
 * bench (bench/draw-browser.bench.ts).
 */
export async function verifyPublishedBundle(bytes: Uint8Array, published: PublishedDraw): Promise<ReturnType<typeof explainVerification>> {
  await prepareSha256Kernel();
  const { verification, bundle } = verifyBundleBytes(bytes, published.resultHash ? { resultHash: published.resultHash } : {});
  return explainVerification(verification, bundle, published);
}

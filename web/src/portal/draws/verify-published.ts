import { prepareSha256Kernel } from '@domain/crypto/sha256-wasm.ts';
import type { DrawBundle } from '@domain/draw/draw-types.ts';
import { verifyBundle } from '@domain/draw/verify-bundle.ts';
import { type PublishedDraw, explainVerification } from './plain-checks.ts';

/**
 * The browser's verification of a bundle against the page's published values: the same `verifyBundle` the server and
 * the CLI run, with the SHA-256 WebAssembly kernel compiled first (a browser compiles it only asynchronously on the
 * page's thread; without it the plain TypeScript gives the same bytes, slower), then each check explained. Used by
 * 「在浏览器中验证」 and by the browser bench (bench/draw-browser.bench.ts).
 */
export async function verifyPublishedBundle(bundle: unknown, published: PublishedDraw): Promise<ReturnType<typeof explainVerification>> {
  await prepareSha256Kernel();
  const verification = verifyBundle(bundle as DrawBundle, published.resultHash ? { resultHash: published.resultHash } : {});
  return explainVerification(verification, bundle as DrawBundle, published);
}

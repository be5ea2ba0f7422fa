/**
 * SHA-256 of bytes as 64 lowercase hex digits: Web Crypto where the page is a secure context (HTTPS, localhost),
 * otherwise the same pure implementation the server and the draw verifier use, loaded only then (same result).
 */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', view as Uint8Array<ArrayBuffer>);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  const pure = await import('@domain/crypto/sha256.ts');
  return pure.sha256Hex(view);
}

/** SHA-256 of a text's UTF-8 bytes. */
export const sha256OfText = (text: string) => sha256Hex(new TextEncoder().encode(text));


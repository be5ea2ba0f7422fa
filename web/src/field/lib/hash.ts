import { canonicalJson } from '@domain/canonical-json.ts';
import { sha256Hex as sha256HexPure, utf8Bytes } from '@domain/crypto/sha256.ts';

/**
 * SHA-256 of bytes as 64 lowercase hex digits: Web Crypto where the page is a secure context (HTTPS, localhost),
 * otherwise the same pure implementation the server and the draw verifier use (no difference in the result).
 */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', view as Uint8Array<ArrayBuffer>);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  return sha256HexPure(view);
}

/** The body hash a signature covers: SHA-256 of the RFC 8785 canonical JSON of the value (decision 0020). */
export function hashOfJson(value: unknown): Promise<string> {
  return sha256Hex(utf8Bytes(canonicalJson(value)));
}

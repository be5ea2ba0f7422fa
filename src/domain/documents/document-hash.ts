import { canonicalJson } from '../canonical-json.ts';
import { sha256Hex } from '../crypto/sha256.ts';
import type { DocumentContent } from './document-types.ts';

/** The content hash of a document (decision 0023): SHA-256, lower-case hex, of the RFC 8785 canonical JSON of its content. */
export function documentContentHash(content: DocumentContent): string {
  return sha256Hex(canonicalJson(content));
}

/** The part of the hash printed on paper beside the QR code: the first 16 hex digits, in groups of four. */
export function printedHash(hash: string): string {
  return hash.slice(0, 16).replace(/(.{4})(?=.)/g, '$1 ');
}

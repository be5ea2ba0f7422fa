import { createHash } from 'node:crypto';

/** The uploaded file's SHA-256 (hex), stored with the batch and quoted in the audit entry and the report. */
export function fileDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file's own name without any directory a browser or tool may have sent with it. */
export function baseFileName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()?.trim() || fileName.trim();
}

/**
 * What an uploaded evidence file really is, from its first bytes (never from its name or the browser's content
 * type, which anyone can set): a JPEG, PNG or WebP photo, or a PDF. Pure.
 */
export const EVIDENCE_FILE_KINDS = {
  'image/jpeg': 'JPEG 照片',
  'image/png': 'PNG 图片',
  'image/webp': 'WebP 图片',
  'application/pdf': 'PDF 文件',
} as const;
export type EvidenceFileKind = keyof typeof EVIDENCE_FILE_KINDS;

/** The largest evidence file taken: a phone photo or a scanned letter, not a video. */
export const MAX_EVIDENCE_FILE_BYTES = 15 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);

/** The kind of `bytes` by its signature, or null when it is none of the kinds taken. */
export function detectEvidenceFileKind(bytes: Uint8Array): EvidenceFileKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** A file attached to a record: its hash (the stored file), the name it was given there, its kind and size. */
export type AttachedFile = { sha256: string; fileName: string; contentType: string; byteSize: number };

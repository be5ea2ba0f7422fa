import type { AttachedFileView } from '../../contracts/files.ts';
import type { AttachedFile } from '../../domain/files/file-kind.ts';

/** A file a record names, with the address that serves it to staff (GET /api/files/:sha256). */
export function presentAttachedFile(file: AttachedFile): AttachedFileView {
  return { ...file, url: `/api/files/${file.sha256}` };
}

import { z } from 'zod';
import { nameText, paramText } from './common.ts';

/** POST /api/files?fileName=… with the file's bytes (application/octet-stream). */
export const UploadFileQuery = z.object({ fileName: nameText('文件名', 200) });
export type UploadFileQuery = z.infer<typeof UploadFileQuery>;

export const StoredFileParams = z.object({
  sha256: paramText('文件编号', 64).regex(/^[0-9a-f]{64}$/, '文件编号：应为 64 位小写十六进制'),
});

/** A file attached to a record: the stored file (by SHA-256) and the name it was given. */
export type AttachedFileView = { sha256: string; fileName: string; contentType: string; byteSize: number; url: string };

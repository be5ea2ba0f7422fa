import { DomainError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findStoredFiles } from '../../db/file-queries.ts';
import type { AttachedFile } from '../../domain/files/file-kind.ts';

/** The stored files a record names, in the order given; a hash nobody uploaded is refused, naming the field. */
export async function attachedFilesOf(db: DbOrTx, sha256s: readonly string[], field = 'evidenceFiles'): Promise<AttachedFile[]> {
  const unique = [...new Set(sha256s)];
  const found = new Map((await findStoredFiles(db, unique)).map((f) => [f.sha256, f]));
  const missing = unique.find((s) => !found.has(s));
  if (missing)
    throw new DomainError('VALIDATION_FAILED', `证明文件：编号 ${missing.slice(0, 12)}… 的文件不存在，请重新上传`, { field });
  return unique.map((s) => found.get(s)!);
}

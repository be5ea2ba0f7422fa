import { sha256Hex } from '../../domain/crypto/sha256.ts';
import { DomainError } from '../../domain/errors.ts';
import { detectEvidenceFileKind, EVIDENCE_FILE_KINDS, MAX_EVIDENCE_FILE_BYTES } from '../../domain/files/file-kind.ts';
import { insertStoredFile } from '../../db/file-queries.ts';
import type { AttachedFile } from '../../domain/files/file-kind.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

const kinds = Object.values(EVIDENCE_FILE_KINDS).join('、');

/**
 * Keeps an evidence file (a photo of a closed shop, a doctor's note as PDF) by the SHA-256 of its bytes, for a record
 * to name later (a 递补, and the field work's photos). Its kind is read from its bytes, not its name; an empty file, an
 * unknown kind or one over the size limit is refused in Chinese. The same bytes twice are stored once.
 */
export async function storeEvidenceFile(
  ctx: UseCaseContext,
  input: { fileName: string; bytes: Uint8Array },
): Promise<AttachedFile> {
  requirePermission(ctx.actor, 'draws.manage');
  if (input.bytes.length === 0) throw new DomainError('UNSUPPORTED_FILE', `证明材料「${input.fileName}」：文件是空的`);
  if (input.bytes.length > MAX_EVIDENCE_FILE_BYTES) {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `证明材料「${input.fileName}」：文件过大，最大 ${MAX_EVIDENCE_FILE_BYTES / 1024 / 1024} MB`,
    );
  }
  const contentType = detectEvidenceFileKind(input.bytes);
  if (!contentType)
    throw new DomainError('UNSUPPORTED_FILE', `证明材料「${input.fileName}」：只接受 ${kinds}（按文件内容判断，与扩展名无关）`);
  const sha256 = sha256Hex(input.bytes);
  await insertStoredFile(ctx.db, {
    sha256,
    contentType,
    byteSize: input.bytes.length,
    bytes: input.bytes,
    fileName: input.fileName,
    createdBy: ctx.actor.accountId,
    createdAt: ctx.now,
  });
  return { sha256, fileName: input.fileName, contentType, byteSize: input.bytes.length };
}

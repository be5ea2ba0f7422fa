import { sha256Hex } from '../../domain/crypto/sha256.ts';
import { DomainError } from '../../domain/errors.ts';
import { detectEvidenceFileKind, EVIDENCE_FILE_KINDS, MAX_EVIDENCE_FILE_BYTES } from '../../domain/files/file-kind.ts';
import { insertStoredFile } from '../../db/file-queries.ts';
import type { AttachedFile } from '../../domain/files/file-kind.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { hasPermission } from '../../domain/access.ts';
import { imageDimensions, imageSizeProblem } from '../../domain/files/image-dimensions.ts';
import { uploadsOfAccountSince } from '../../db/field-queries.ts';
import { inspectorOfActor } from '../field/field-task-access.ts';

/** Per account and rolling hour: a day's field work is a few hundred photos of a few hundred KB. */
export const UPLOADS_PER_HOUR = { files: 300, bytes: 500 * 1024 * 1024 };

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
  // Administrators attach evidence to a 递补; inspectors their photos and signatures (images only).
  const isAdmin = hasPermission(ctx.actor, 'draws.manage');
  if (!isAdmin) await inspectorOfActor(ctx.db, ctx);
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
  if (!isAdmin && !contentType.startsWith('image/')) {
    throw new DomainError('UNSUPPORTED_FILE', `现场照片「${input.fileName}」：只接受 JPEG、PNG 或 WebP 图片`);
  }
  if (contentType.startsWith('image/')) {
    const problem = imageSizeProblem(imageDimensions(input.bytes, contentType));
    if (problem) throw new DomainError('UNSUPPORTED_FILE', `图片「${input.fileName}」：${problem}`);
  }
  const used = await uploadsOfAccountSince(ctx.db, ctx.actor.accountId, new Date(ctx.now.getTime() - 3600_000));
  if (used.files >= UPLOADS_PER_HOUR.files || used.bytes + input.bytes.length > UPLOADS_PER_HOUR.bytes) {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `上传过多：每个账号每小时最多上传 ${UPLOADS_PER_HOUR.files} 个文件、共 ${UPLOADS_PER_HOUR.bytes / 1024 / 1024} MB，请稍后再试（已上传的不必重传）`,
    );
  }
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

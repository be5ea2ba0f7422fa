import { sha256Hex } from '../../domain/crypto/sha256.ts';
import { DomainError } from '../../domain/errors.ts';
import { detectEvidenceFileKind, MAX_EVIDENCE_FILE_BYTES } from '../../domain/files/file-kind.ts';
import { imageDimensions, imageSizeProblem } from '../../domain/files/image-dimensions.ts';
import { findDocument } from '../../db/document-queries.ts';
import { insertStoredFile } from '../../db/file-queries.ts';
import { evidenceOfSessionSince, insertRectificationEvidence } from '../../db/unit-access-queries.ts';
import type { UnitEvidenceView } from '../../contracts/publication.ts';
import { recordUnitAudit } from './unit-audit.ts';
import type { UnitContext } from './unit-session.ts';

/** Per session and rolling hour: a few dozen photos of the corrected exits, not an archive. */
export const UNIT_UPLOADS_PER_HOUR = { files: 30, bytes: 100 * 1024 * 1024 };
const NOTICE_TYPES = new Set(['deadline_notice', 'immediate_notice']);

/**
 * 上传整改材料 (POST /api/unit/evidence?documentId=&fileName=, decision 0024): a photo or PDF (its kind read from its bytes)
 * for one of the unit's own issued correction notices, kept by SHA-256 in stored_files and named by a
 * rectification_evidence row; the brigade sees it on the notice's page. Another unit's notice looks like a missing one.
 */
export async function uploadEvidence(ctx: UnitContext, input: { documentId: string; fileName: string; bytes: Uint8Array }): Promise<UnitEvidenceView> {
  const notice = await findDocument(ctx.db, input.documentId);
  if (!notice || notice.unitId !== ctx.session.unitId || !NOTICE_TYPES.has(notice.docType)) {
    throw new DomainError('NOT_FOUND', '整改通知书不存在：只能为本单位的整改通知书上传材料', { field: 'documentId' });
  }
  if (notice.status !== 'issued') throw new DomainError('CONFLICT', `通知书 ${notice.number} 已作废，不能再上传整改材料`);
  if (input.bytes.length === 0) throw new DomainError('UNSUPPORTED_FILE', `整改材料「${input.fileName}」：文件是空的`);
  if (input.bytes.length > MAX_EVIDENCE_FILE_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `整改材料「${input.fileName}」：文件过大，最大 ${MAX_EVIDENCE_FILE_BYTES / 1024 / 1024} MB`);
  }
  const contentType = detectEvidenceFileKind(input.bytes);
  if (!contentType) throw new DomainError('UNSUPPORTED_FILE', `整改材料「${input.fileName}」：只接受照片（JPEG、PNG、WebP）或 PDF 文件（按文件内容判断，与扩展名无关）`);
  if (contentType.startsWith('image/')) {
    const problem = imageSizeProblem(imageDimensions(input.bytes, contentType));
    if (problem) throw new DomainError('UNSUPPORTED_FILE', `图片「${input.fileName}」：${problem}`);
  }
  const used = await evidenceOfSessionSince(ctx.db, ctx.session.sessionId, new Date(ctx.now.getTime() - 3600_000));
  if (used.files >= UNIT_UPLOADS_PER_HOUR.files || used.bytes + input.bytes.length > UNIT_UPLOADS_PER_HOUR.bytes) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `上传过多：每小时最多上传 ${UNIT_UPLOADS_PER_HOUR.files} 个文件、共 ${UNIT_UPLOADS_PER_HOUR.bytes / 1024 / 1024} MB，请稍后再试`);
  }
  const sha256 = sha256Hex(input.bytes);
  return ctx.db.transaction(async (tx) => {
    await insertStoredFile(tx, {
      sha256,
      contentType,
      byteSize: input.bytes.length,
      bytes: input.bytes,
      fileName: input.fileName,
      createdBy: ctx.session.sessionId,
      createdAt: ctx.now,
    });
    const row = await insertRectificationEvidence(tx, {
      unitId: ctx.session.unitId,
      documentId: notice.id,
      fileSha256: sha256,
      fileName: input.fileName,
      sessionId: ctx.session.sessionId,
      submittedAt: ctx.now,
    });
    await recordUnitAudit(tx, ctx, {
      action: 'unit_access.evidence',
      targetType: 'document',
      targetId: notice.id,
      orgId: notice.orgId,
      summary: { notice: notice.number, fileName: input.fileName, sha256: sha256, size: input.bytes.length },
    });
    return { id: row.id, fileName: input.fileName, contentType, byteSize: input.bytes.length, submittedAt: ctx.now.toISOString() };
  });
}

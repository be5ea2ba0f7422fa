import type { RecordServiceRequest } from '../../contracts/documents.ts';
import { serviceProblem } from '../../domain/documents/service-rules.ts';
import { DOCUMENT_TYPE_LABELS, SERVICE_METHOD_LABELS, type DocumentType } from '../../domain/documents/document-types.ts';
import { DomainError } from '../../domain/errors.ts';
import { startOfLocalDay } from '../../domain/local-date.ts';
import { insertService, type DocumentServiceRow } from '../../db/document-queries.ts';
import { findStoredFiles } from '../../db/file-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { readableDocument, requireActOnTask } from './document-access.ts';

/**
 * Records how a document reached its party (POST /api/documents/:id/services), append-only: method, time, place,
 * recipient; 留置 with the refusal and a witness, 邮寄 with the tracking number, 电子 with the address and the consent
 * file. Files are named by SHA-256 and must be uploaded first. Not for a voided document.
 */
export async function recordService(ctx: UseCaseContext, documentId: string, input: RecordServiceRequest): Promise<DocumentServiceRow> {
  return ctx.db.transaction(async (tx) => {
    const found = await readableDocument(ctx, tx, documentId);
    const doc = found.document;
    await requireActOnTask(ctx, tx, found.orgPath, doc.taskId);
    if (doc.status === 'voided') throw new DomainError('CONFLICT', '已作废的文书不能登记送达');
    const problem = serviceProblem(input);
    if (problem) throw new DomainError('VALIDATION_FAILED', problem.message, { field: problem.field });
    const servedAt = input.servedAt ? new Date(input.servedAt) : ctx.now;
    if (servedAt < startOfLocalDay(doc.issueDate)) throw new DomainError('VALIDATION_FAILED', '送达时间：不能早于文书的成文日期', { field: 'servedAt' });
    if (servedAt.getTime() > ctx.now.getTime() + 10 * 60_000) throw new DomainError('VALIDATION_FAILED', '送达时间：不能晚于现在', { field: 'servedAt' });
    const files = [...new Set([...input.evidenceFiles, ...(input.consentFile ? [input.consentFile] : [])])];
    const stored = new Set((await findStoredFiles(tx, files)).map((f) => f.sha256));
    const missing = files.filter((f) => !stored.has(f));
    if (missing.length > 0) throw new DomainError('CONFLICT', `有 ${missing.length} 个送达凭证文件尚未上传（${missing.map((m) => m.slice(0, 8)).join('、')}…），请先上传`, { missing });
    const left = input.method === 'left';
    const row = await insertService(tx, {
      documentId,
      method: input.method,
      servedAt,
      place: input.place,
      recipientName: input.recipientName,
      recipientRelation: input.recipientRelation,
      refusalReason: left ? input.refusalReason : null,
      witness: left ? input.witness : null,
      postalTracking: input.method === 'post' ? input.postalTracking : null,
      electronicAddress: input.method === 'electronic' ? input.electronicAddress : null,
      consentFile: input.method === 'electronic' ? input.consentFile : null,
      evidenceFiles: input.evidenceFiles,
      recordedBy: ctx.actor.accountId,
      recordedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'document.serve',
      targetType: 'document',
      targetId: documentId,
      orgId: doc.orgId,
      summary: { type: DOCUMENT_TYPE_LABELS[doc.docType as DocumentType], number: doc.number, method: SERVICE_METHOD_LABELS[input.method], servedAt: servedAt.toISOString(), files: files.length },
    });
    return row;
  });
}

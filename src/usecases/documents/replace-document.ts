import type { ReplaceDocumentRequest } from '../../contracts/documents.ts';
import { noticeCorrectionDues } from '../../domain/documents/notice-deadlines.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { findDocument, findReplacements, type DocumentRow } from '../../db/document-queries.ts';
import { findRecordDetail } from '../../db/field-queries.ts';
import { findHazards, hazardsOfNotice, updateHazard } from '../../db/hazard-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { readableDocument, requireActOnTask } from './document-access.ts';
import { issueDocument } from './issue-document.ts';
import { noticeComposer, signersOfTask } from './notice-signers.ts';

/**
 * Corrects an issued correction notice (POST /api/documents/:id/replace): a new document of the same type with the next
 * number, naming the old one (`replaces`); the hazards the old one ordered move to the new one with their new or kept
 * correction dates. The old document stays as it was, shown 「已被更正」. One correction per document (409 after).
 */
export async function replaceDocument(ctx: UseCaseContext, id: string, input: ReplaceDocumentRequest): Promise<DocumentRow> {
  return ctx.db.transaction(async (tx) => {
    const found = await readableDocument(ctx, tx, id);
    await requireActOnTask(ctx, tx, found.orgPath, found.document.taskId);
    const old = (await findDocument(tx, id, true))!;
    if (old.status === 'voided') throw new DomainError('CONFLICT', '已作废的文书不能更正');
    if (old.docType !== 'deadline_notice' && old.docType !== 'immediate_notice') throw new DomainError('CONFLICT', '目前只能更正责令改正通知书');
    if ((await findReplacements(tx, id)).length > 0) throw new DomainError('CONFLICT', '该文书已被更正，请更正最新的文书');
    const detail = old.recordId ? await findRecordDetail(tx, old.recordId) : undefined;
    if (!detail) throw new DomainError('CONFLICT', '该文书没有关联的检查记录，不能更正');
    const ordered = (await hazardsOfNotice(tx, id)).filter((h) => h.stage === 'ordered');
    if (ordered.length === 0) throw new DomainError('CONFLICT', '该通知书的隐患已进入复查或处罚程序，不能再更正');
    const hazards = await findHazards(tx, ordered.map((h) => h.id), true);
    const issueDate = input.issueDate ?? localDate(ctx.now);
    if (issueDate < old.issueDate) throw new DomainError('VALIDATION_FAILED', '成文日期：不能早于被更正文书的日期', { field: 'issueDate' });
    if (issueDate > localDate(ctx.now)) throw new DomainError('VALIDATION_FAILED', '成文日期：不能晚于今天', { field: 'issueDate' });
    const type = old.docType;
    const dues = noticeCorrectionDues(await loadHolidayCalendar(tx), type, issueDate, hazards, input.periods, true);
    const document = await issueDocument(tx, ctx, {
      orgId: old.orgId,
      unitId: old.unitId,
      type,
      issueDate,
      taskId: old.taskId,
      recordId: old.recordId,
      replaces: old,
      compose: noticeComposer(
        { type, unitName: detail.unitName, inspectedOn: detail.record.visitDate, inspectors: await signersOfTask(tx, detail.task), replaces: old.number },
        hazards,
        dues,
      ),
      auditSummary: { reason: input.reason, hazards: hazards.length },
    });
    // The hazards stay 限期整改中; only their notice and date change (no stage event).
    for (const h of hazards) {
      const correctionDue = dues.get(h.id)!;
      await updateHazard(tx, h.id, { noticeId: document.id, correctionDue, updatedAt: ctx.now });
      await recordAudit(tx, ctx, {
        action: 'hazard.stage',
        targetType: 'hazard',
        targetId: h.id,
        orgId: h.orgId,
        summary: { event: '通知书更正', from: old.number, to: document.number, correctionDue },
      });
    }
    return document;
  });
}

import { canManageInScope } from '../../domain/access.ts';
import { DOCUMENT_TYPE_LABELS, type DocumentType } from '../../domain/documents/document-types.ts';
import { DomainError } from '../../domain/errors.ts';
import { findDocument, voidDocumentRow } from '../../db/document-queries.ts';
import { hazardsOfNotice } from '../../db/hazard-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { readableDocument } from './document-access.ts';
import { moveHazards } from './move-hazards.ts';
import { requestWithdrawal } from '../publication/request-withdrawal.ts';
import { localDate } from '../../domain/local-date.ts';

/**
 * Voids an issued document (POST /api/documents/:id/void), brigade administrators only, with a reason: the number stays,
 * shown as voided. The hazards it ordered that are still 限期整改中 go back to 待开具文书 (notice_voided); hazards
 * that moved on (复查, case) keep their stage.
 */
export async function voidDocument(ctx: UseCaseContext, id: string, reason: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const found = await readableDocument(ctx, tx, id);
    if (!canManageInScope(ctx.actor, 'draws.manage', found.orgPath)) throw new DomainError('FORBIDDEN', '只有本大队管理员可以作废文书');
    const doc = (await findDocument(tx, id, true))!;
    if (doc.status === 'voided') throw new DomainError('CONFLICT', '该文书已作废');
    await voidDocumentRow(tx, id, { voidReason: reason, voidedAt: ctx.now, voidedBy: ctx.actor.accountId });
    const ordered = (await hazardsOfNotice(tx, id)).filter((h) => h.stage === 'ordered').map((h) => h.id);
    await recordAudit(tx, ctx, {
      action: 'document.void',
      targetType: 'document',
      targetId: id,
      orgId: doc.orgId,
      summary: { type: DOCUMENT_TYPE_LABELS[doc.docType as DocumentType], number: doc.number, reason, hazardsReturned: ordered.length },
    });
    if (ordered.length > 0) await moveHazards(tx, ctx, ordered, 'notice_voided', { noticeId: null, correctionDue: null });
    // A voided 处罚决定书 takes its published penalty entry off the portal (decision 0024).
    if (doc.caseId && (doc.docType === 'penalty_decision' || doc.docType === 'penalty_summary')) {
      await requestWithdrawal(tx, ctx, doc.caseId, 'voided', reason, localDate(ctx.now));
    }
  });
}

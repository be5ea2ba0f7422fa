import type { UpdateNumberFormatRequest } from '../../contracts/documents.ts';
import { canManageInScope } from '../../domain/access.ts';
import { DOCUMENT_TYPE_LABELS } from '../../domain/documents/document-types.ts';
import { DomainError } from '../../domain/errors.ts';
import { findNumberPattern, upsertNumberFormat } from '../../db/document-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { numberingBrigade, requireValidPattern } from './number-formats.ts';

/**
 * Sets a brigade's number pattern for one document type (PUT /api/document-formats), its administrators only. Numbers
 * already given keep their text; the sequence continues (the counter is per type and year, not per pattern).
 */
export async function updateNumberFormat(ctx: UseCaseContext, input: UpdateNumberFormatRequest): Promise<void> {
  requireValidPattern(input.pattern);
  await ctx.db.transaction(async (tx) => {
    const org = await numberingBrigade(ctx, tx, input.orgId);
    if (!canManageInScope(ctx.actor, 'draws.manage', org.path)) throw new DomainError('FORBIDDEN', '只有本大队管理员可以设置文号格式');
    const before = await findNumberPattern(tx, org.id, input.type);
    await upsertNumberFormat(tx, { orgId: org.id, docType: input.type, pattern: input.pattern, updatedBy: ctx.actor.accountId, updatedAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'document.format',
      targetType: 'org',
      targetId: org.id,
      orgId: org.id,
      summary: { type: DOCUMENT_TYPE_LABELS[input.type], from: before, to: input.pattern },
    });
  });
}

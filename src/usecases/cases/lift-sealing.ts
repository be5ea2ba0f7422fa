import { canHandleCases, canReadCases } from '../../domain/cases/case-access.ts';
import { composeSealingLifted } from '../../domain/documents/compose-sealing.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { findDocumentsByIds, findSealing, updateSealing } from '../../db/case-queries.ts';
import { issueDocument } from '../documents/issue-document.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';

/** 解除临时查封 (decision 0023): once, on or after the seal, with its 解除临时查封决定书. */
export async function liftSealing(ctx: UseCaseContext, sealingId: string, input: { liftedOn: string }): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const found = await findSealing(tx, sealingId, true);
    if (!found || !canReadCases(ctx.actor, found.org.path)) throw new DomainError('NOT_FOUND', '查封记录不存在');
    if (!canHandleCases(ctx.actor, found.org.path)) throw new DomainError('FORBIDDEN', '只有本大队的大队管理员可以办理案件、移送和查封');
    const { sealing: s, unit } = found;
    if (s.status === 'lifted') throw new DomainError('CONFLICT', '该查封已解除');
    if (input.liftedOn > localDate(ctx.now)) throw new DomainError('VALIDATION_FAILED', '解除日期：不能晚于今天', { field: 'liftedOn' });
    if (input.liftedOn < s.sealedOn) throw new DomainError('VALIDATION_FAILED', `解除日期：不能早于查封日期 ${s.sealedOn}`, { field: 'liftedOn' });
    const [decision] = await findDocumentsByIds(tx, s.decisionDocumentId ? [s.decisionDocumentId] : []);
    const lift = await issueDocument(tx, ctx, {
      orgId: s.orgId,
      unitId: s.unitId,
      type: 'sealing_lifted',
      issueDate: input.liftedOn,
      compose: (stamp) =>
        composeSealingLifted(stamp, {
          party: { kind: 'organisation', name: unit.name, address: unit.address ?? unit.registeredAddress ?? '', uscc: unit.uscc },
          decision: { number: decision?.number ?? '', issueDate: decision?.issueDate ?? s.sealedOn },
          places: s.places,
          liftedOn: input.liftedOn,
        }),
    });
    await updateSealing(tx, s.id, { status: 'lifted', liftedOn: input.liftedOn, liftDocumentId: lift.id });
    await recordAudit(tx, ctx, {
      action: 'sealing.lift',
      targetType: 'sealing',
      targetId: s.id,
      orgId: s.orgId,
      summary: { unit: unit.name, places: s.places, liftedOn: input.liftedOn, document: lift.number },
    });
    return s.unitId;
  });
}

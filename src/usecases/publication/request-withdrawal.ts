import { WITHDRAW_KIND_LABELS, type WithdrawKind } from '../../domain/publication/publication-types.ts';
import type { Tx } from '../../db/client.ts';
import { findPublicationOfCase, updatePublication } from '../../db/publication-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';

/**
 * A penalty decision was revoked, changed or its 决定书 voided (decision 0024), in that transaction: a published entry
 * waits for its withdrawal (待撤回, due 3 working days from `on`); an entry not yet published is never published
 * (不予公示, with the reason); an entry already withdrawn or suppressed stays as it is.
 */
export async function requestWithdrawal(tx: Tx, ctx: UseCaseContext, caseId: string, kind: WithdrawKind, reason: string, on: string): Promise<void> {
  const entry = await findPublicationOfCase(tx, caseId, true);
  if (!entry) return;
  const why = `${WITHDRAW_KIND_LABELS[kind]}：${reason}`;
  if (entry.status === 'pending') {
    await updatePublication(tx, entry.id, { status: 'suppressed', suppressReason: why, withdrawKind: kind, withdrawReason: reason, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'publication.suppress', targetType: 'publication', targetId: entry.id, orgId: entry.orgId, summary: { unit: entry.unitName, reason: why } });
    return;
  }
  if (entry.status !== 'published') return;
  await updatePublication(tx, entry.id, { status: 'withdrawal_pending', withdrawKind: kind, withdrawReason: reason, withdrawRequestedOn: on, updatedAt: ctx.now });
  await recordAudit(tx, ctx, {
    action: 'publication.withdraw_request',
    targetType: 'publication',
    targetId: entry.id,
    orgId: entry.orgId,
    summary: { unit: entry.unitName, reason: why, requestedOn: on },
  });
}

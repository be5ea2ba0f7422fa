import { DomainError } from '../../domain/errors.ts';
import { findTriggerEvent, updateTriggerEventRow } from '../../db/plan-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

/** Closes a trigger event with a reason (handled, unfounded …): the unit leaves the triggered pool. */
export async function closeTriggerEvent(ctx: UseCaseContext, id: string, reason: string): Promise<void> {
  requirePermission(ctx.actor, 'plans.manage');
  await ctx.db.transaction(async (tx) => {
    const found = await findTriggerEvent(tx, id);
    if (!found) throw new DomainError('NOT_FOUND', '线索不存在');
    requireInScope(ctx.actor, found.org.path, '线索');
    if (found.event.closedAt) throw new DomainError('CONFLICT', '该线索已关闭');
    await updateTriggerEventRow(tx, id, { closedAt: ctx.now, closedBy: ctx.actor.accountId, closeReason: reason });
    await recordAudit(tx, ctx, {
      action: 'trigger_event.close',
      targetType: 'trigger_event',
      targetId: id,
      orgId: found.org.id,
      summary: { unit: found.unitName, reason },
    });
  });
}

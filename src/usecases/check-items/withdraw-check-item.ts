import { withdrawCheckItemRow } from '../../db/check-item-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadManagedCheckItem } from './load-managed-check-item.ts';

/**
 * 废止 an item with a reason: it leaves the list of items plans can use, stays on the portal marked as
 * withdrawn with all its published versions, and can no longer be edited or published. Nothing is deleted.
 */
export async function withdrawCheckItem(ctx: UseCaseContext, id: string, reason: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const item = await loadManagedCheckItem(ctx, tx, id);
    await withdrawCheckItemRow(tx, id, { reason, now: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'check_item.withdraw',
      targetType: 'check_item',
      targetId: id,
      orgId: item.ownerOrgId,
      summary: { code: item.code, reason },
    });
  });
}

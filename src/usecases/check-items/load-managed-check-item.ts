import { canManageCheckItem, canSeeCheckItem } from '../../domain/check-items/check-item-access.ts';
import { DomainError } from '../../domain/errors.ts';
import { findCheckItemById, type CheckItemWithOwner } from '../../db/check-item-queries.ts';
import type { Tx } from '../../db/client.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/**
 * Loads an item the actor is about to change, locking its row so concurrent edits and publishes of the same
 * item run one after the other. Out of sight → 404; the national list for anyone but a system administrator,
 * or an org's item outside the actor's scope → 403; a withdrawn item → 409.
 */
export async function loadManagedCheckItem(ctx: UseCaseContext, tx: Tx, id: string): Promise<CheckItemWithOwner> {
  requirePermission(ctx.actor, 'items.manage');
  const item = await findCheckItemById(tx, id, { lock: true });
  if (!item || !canSeeCheckItem(ctx.actor, item.ownerOrgPath)) throw new DomainError('NOT_FOUND', '抽查事项不存在');
  if (!canManageCheckItem(ctx.actor, item.ownerOrgPath)) {
    throw new DomainError(
      'FORBIDDEN',
      item.ownerOrgPath === null ? '全国抽查事项只能由系统管理员修改' : '您无权修改该机构的抽查事项',
    );
  }
  if (item.withdrawnAt) throw new DomainError('CONFLICT', `抽查事项 ${item.code} 已废止，不能再修改或发布`);
  return item;
}

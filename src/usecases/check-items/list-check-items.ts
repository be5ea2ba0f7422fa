import { canManageCheckItem, canSeeCheckItem } from '../../domain/check-items/check-item-access.ts';
import {
  listCheckItemsWithOwner,
  listCheckItemVersionSummaries,
  type CheckItemVersionSummary,
} from '../../db/check-item-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';

/**
 * The items the actor can see (any logged-in account), each with its latest published version, its open
 * draft and whether the actor may manage it. Withdrawn items stay in the list, marked.
 */
export async function listCheckItems(ctx: UseCaseContext) {
  const [items, versions] = [await listCheckItemsWithOwner(ctx.db), await listCheckItemVersionSummaries(ctx.db)];
  const byItem = new Map<string, CheckItemVersionSummary[]>();
  for (const v of versions) {
    const own = byItem.get(v.itemId);
    if (own) own.push(v);
    else byItem.set(v.itemId, [v]);
  }
  return items
    .filter((item) => canSeeCheckItem(ctx.actor, item.ownerOrgPath))
    .map((item) => {
      const own = byItem.get(item.id) ?? [];
      return {
        item,
        current: own.find((v) => v.status === 'published') ?? null,
        draft: own.find((v) => v.status === 'draft') ?? null,
        canManage: canManageCheckItem(ctx.actor, item.ownerOrgPath),
      };
    });
}

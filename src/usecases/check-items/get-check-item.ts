import { canManageCheckItem, canSeeCheckItem } from '../../domain/check-items/check-item-access.ts';
import { DomainError } from '../../domain/errors.ts';
import { findCheckItemById, listCheckItemVersions } from '../../db/check-item-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { withVersionDiffs } from './with-version-diffs.ts';

/** One item with all its versions (draft included), newest first, each with its changes from the one before. */
export async function getCheckItem(ctx: UseCaseContext, id: string) {
  const item = await findCheckItemById(ctx.db, id);
  if (!item || !canSeeCheckItem(ctx.actor, item.ownerOrgPath)) throw new DomainError('NOT_FOUND', '抽查事项不存在');
  const versions = withVersionDiffs(await listCheckItemVersions(ctx.db, id));
  return { item, versions, canManage: canManageCheckItem(ctx.actor, item.ownerOrgPath) };
}

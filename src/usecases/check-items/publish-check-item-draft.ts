import { diffCheckItemVersions } from '../../domain/check-items/version-diff.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  fieldsOfVersion,
  findDraftVersion,
  findLatestPublishedVersion,
  publishDraftVersion,
} from '../../db/check-item-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadManagedCheckItem } from './load-managed-check-item.ts';
import { requireValidCheckItem } from './require-valid-check-item.ts';

/**
 * Publishes the item's draft: from then on that version is public on the portal and can never change
 * (migration 0008's trigger). The caller names the draft it saw (version and last-saved time): a second
 * click, a second administrator or a draft changed in the meantime gets a 409 and nothing is published
 * twice. The item row is locked first, so two publishes of one item run one after the other.
 */
export async function publishCheckItemDraft(
  ctx: UseCaseContext,
  id: string,
  input: { version: number; updatedAt: string },
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const item = await loadManagedCheckItem(ctx, tx, id);
    const draft = await findDraftVersion(tx, id);
    if (!draft || draft.version !== input.version) {
      throw new DomainError('CONFLICT', `抽查事项 ${item.code} 的第 ${input.version} 版草稿已发布或不存在，请刷新后查看`);
    }
    if (draft.updatedAt.getTime() !== new Date(input.updatedAt).getTime()) {
      throw new DomainError('CONFLICT', '草稿在您打开之后已被修改，请刷新后确认内容再发布');
    }
    const fields = fieldsOfVersion(draft);
    requireValidCheckItem(fields);
    const latest = await findLatestPublishedVersion(tx, id);
    if (latest && diffCheckItemVersions(fieldsOfVersion(latest), fields).unchanged) {
      throw new DomainError('VALIDATION_FAILED', `草稿与已发布的第 ${latest.version} 版内容相同，无需发布`);
    }
    if (!(await publishDraftVersion(tx, draft.id, { publishedBy: ctx.actor.accountId, now: ctx.now }))) {
      throw new DomainError('CONFLICT', `抽查事项 ${item.code} 的第 ${draft.version} 版已被发布`);
    }
    await recordAudit(tx, ctx, {
      action: 'check_item.publish',
      targetType: 'check_item',
      targetId: id,
      orgId: item.ownerOrgId,
      summary: { code: item.code, version: draft.version, name: fields.name, changeNote: draft.changeNote },
    });
    return draft.version;
  });
}

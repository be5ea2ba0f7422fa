import { canManageCheckItem } from '../../domain/check-items/check-item-access.ts';
import type { CheckItemFields } from '../../domain/check-items/check-item.ts';
import { checkItemCodeProblem } from '../../domain/check-items/check-item.ts';
import { DomainError } from '../../domain/errors.ts';
import { findCheckItemByCode, insertCheckItem, insertDraftVersion, nextCheckItemSortOrder } from '../../db/check-item-queries.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { findOrgById } from '../../db/org-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { requireValidCheckItem } from './require-valid-check-item.ts';

const codeTaken = (code: string) => new DomainError('CONFLICT', `事项编码：${code} 已被其他抽查事项使用`, { field: 'code' });

/**
 * The owner of a new item: `null` is the national list (system administrators only); `undefined` means the
 * actor's own org (the national list for a system administrator). An owner is a 总队 or 支队 in scope.
 */
async function resolveOwner(
  ctx: UseCaseContext,
  db: DbOrTx,
  ownerOrgId: string | null | undefined,
): Promise<{ id: string | null; path: string | null }> {
  const id = ownerOrgId === undefined ? (ctx.actor.role === 'system_admin' ? null : ctx.actor.orgId) : ownerOrgId;
  if (id === null) {
    if (!canManageCheckItem(ctx.actor, null)) throw new DomainError('FORBIDDEN', '全国抽查事项只能由系统管理员新建');
    return { id: null, path: null };
  }
  const org = await findOrgById(db, id);
  if (!org || !canManageCheckItem(ctx.actor, org.path)) {
    throw new DomainError('VALIDATION_FAILED', '所属机构：不存在或不在您的管辖范围内', { field: 'ownerOrgId' });
  }
  if (org.kind === 'brigade')
    throw new DomainError('VALIDATION_FAILED', '所属机构：抽查事项由总队或支队制定', { field: 'ownerOrgId' });
  return { id: org.id, path: org.path };
}

/** 新建抽查事项: the item (its code and owner) and its draft version 1, in one audited transaction. */
export async function createCheckItem(
  ctx: UseCaseContext,
  input: { code: string; ownerOrgId?: string | null | undefined; changeNote: string | null; fields: CheckItemFields },
): Promise<string> {
  requirePermission(ctx.actor, 'items.manage');
  const codeProblem = checkItemCodeProblem(input.code);
  if (codeProblem) throw new DomainError('VALIDATION_FAILED', codeProblem, { field: 'code' });
  requireValidCheckItem(input.fields);
  try {
    return await ctx.db.transaction(async (tx) => {
      const owner = await resolveOwner(ctx, tx, input.ownerOrgId);
      if (await findCheckItemByCode(tx, input.code)) throw codeTaken(input.code);
      const id = await insertCheckItem(tx, {
        code: input.code,
        ownerOrgId: owner.id,
        sortOrder: await nextCheckItemSortOrder(tx),
        createdBy: ctx.actor.accountId,
        createdAt: ctx.now,
      });
      await insertDraftVersion(tx, {
        itemId: id,
        version: 1,
        fields: input.fields,
        changeNote: input.changeNote,
        createdBy: ctx.actor.accountId,
        now: ctx.now,
      });
      await recordAudit(tx, ctx, {
        action: 'check_item.create',
        targetType: 'check_item',
        targetId: id,
        orgId: owner.id,
        summary: { code: input.code, name: input.fields.name, version: 1, national: owner.id === null },
      });
      return id;
    });
  } catch (e) {
    // Two administrators choosing the same code at once: the unique index decides.
    if (isUniqueViolation(e, 'check_items_code_key')) throw codeTaken(input.code);
    throw e;
  }
}

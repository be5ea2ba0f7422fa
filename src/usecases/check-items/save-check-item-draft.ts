import type { CheckItemFields } from '../../domain/check-items/check-item.ts';
import { changeNoteProblem } from '../../domain/check-items/check-item.ts';
import { diffCheckItemVersions } from '../../domain/check-items/version-diff.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  fieldsOfVersion,
  findDraftVersion,
  findLatestPublishedVersion,
  insertDraftVersion,
  maxCheckItemVersion,
  updateDraftVersion,
} from '../../db/check-item-queries.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadManagedCheckItem } from './load-managed-check-item.ts';
import { requireValidCheckItem } from './require-valid-check-item.ts';

/**
 * Saves the item's draft. A published version never changes: when no draft is open, this starts version
 * n+1 (the editor starts from the latest published text); otherwise it rewrites the open draft. Changing a
 * published item needs a 修改说明 (change note), shown in the history. The audit entry records which
 * fields and checklist lines changed against the previous text.
 */
export async function saveCheckItemDraft(
  ctx: UseCaseContext,
  id: string,
  input: { changeNote: string | null; fields: CheckItemFields },
): Promise<{ version: number; created: boolean }> {
  requireValidCheckItem(input.fields);
  try {
    return await ctx.db.transaction(async (tx) => {
      const item = await loadManagedCheckItem(ctx, tx, id);
      const draft = await findDraftVersion(tx, id);
      const base = draft ?? (await findLatestPublishedVersion(tx, id));
      const version = draft?.version ?? (await maxCheckItemVersion(tx, id)) + 1;
      const noteProblem = changeNoteProblem(version, input.changeNote);
      if (noteProblem) throw new DomainError('VALIDATION_FAILED', noteProblem, { field: 'changeNote' });
      if (draft) await updateDraftVersion(tx, draft.id, { fields: input.fields, changeNote: input.changeNote, now: ctx.now });
      else
        await insertDraftVersion(tx, {
          itemId: id,
          version,
          fields: input.fields,
          changeNote: input.changeNote,
          createdBy: ctx.actor.accountId,
          now: ctx.now,
        });
      const diff = base ? diffCheckItemVersions(fieldsOfVersion(base), input.fields) : null;
      await recordAudit(tx, ctx, {
        action: 'check_item.draft',
        targetType: 'check_item',
        targetId: id,
        orgId: item.ownerOrgId,
        summary: {
          code: item.code,
          version,
          created: !draft,
          changeNote: input.changeNote,
          fields: diff ? diff.fields.map((f) => f.field) : [],
          checklist: diff
            ? {
                added: diff.checklist.added.map((l) => l.code),
                removed: diff.checklist.removed.map((l) => l.code),
                changed: diff.checklist.changed.map((l) => l.code),
                reordered: diff.checklist.reordered,
              }
            : null,
        },
      });
      return { version, created: !draft };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'check_item_versions')) throw new DomainError('CONFLICT', '草稿已被他人同时创建，请刷新后再编辑');
    throw e;
  }
}

import { DomainError } from '../../domain/errors.ts';
import { findDictionaryEntry, insertDictionaryEntry, updateDictionaryEntryRow, type DictionaryKind } from '../../db/dictionary-queries.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { changedFields } from '../../domain/changes.ts';

type EntryFields = { label?: string | undefined; color?: string | null | undefined; weight?: number | null | undefined; sortOrder?: number | undefined; active?: boolean | undefined };

/**
 * Adds (id = null, with kind and code) or edits a dictionary entry. Codes never change and entries are
 * never deleted — records keep the code — they are deactivated instead. Only 支队/总队 and system admins.
 */
export async function saveDictionaryEntry(ctx: UseCaseContext, id: string | null, input: EntryFields & { kind?: DictionaryKind; code?: string }) {
  requirePermission(ctx.actor, 'dictionaries.manage');
  if (input.kind === 'inspector_post_weight' && id === null) {
    throw new DomainError('VALIDATION_FAILED', '字典类型：岗位权重只能修改，不能新增', { field: 'kind' });
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      if (id === null) {
        const row = await insertDictionaryEntry(tx, { kind: input.kind!, code: input.code!, label: input.label!, color: input.color ?? null, weight: input.weight ?? null, sortOrder: input.sortOrder ?? 0 });
        await recordAudit(tx, ctx, { action: 'dictionary.create', targetType: 'dictionary', targetId: row.id, orgId: null, summary: { kind: row.kind, code: row.code, label: row.label } });
        return row;
      }
      const existing = await findDictionaryEntry(tx, id);
      if (!existing) throw new DomainError('NOT_FOUND', '字典项不存在');
      if (existing.kind === 'inspector_post_weight' && input.weight === null) {
        throw new DomainError('VALIDATION_FAILED', '权重：岗位默认权重必须填写', { field: 'weight' });
      }
      const after = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      const changes = changedFields(existing, { ...existing, ...after }, ['label', 'color', 'weight', 'sortOrder', 'active']);
      if (Object.keys(changes).length === 0) return existing;
      const row = await updateDictionaryEntryRow(tx, id, { ...Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && k !== 'kind' && k !== 'code')), updatedAt: ctx.now });
      await recordAudit(tx, ctx, { action: 'dictionary.update', targetType: 'dictionary', targetId: id, orgId: null, summary: { kind: existing.kind, code: existing.code, changes } });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'dictionary_entries_kind_code_key')) throw new DomainError('CONFLICT', '代码：该字典中已存在', { field: 'code' });
    throw e;
  }
}

import { DomainError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { updateOrgRow } from '../../db/org-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { getOrg } from './get-org.ts';
import { changedFields } from '../../domain/changes.ts';

export type UpdateOrgInput = { name?: string | undefined; shortName?: string | undefined; divisionCode?: string | undefined };

/** Renames an org or corrects its division code; its place in the tree does not change. */
export async function updateOrg(ctx: UseCaseContext, id: string, input: UpdateOrgInput) {
  requirePermission(ctx.actor, 'orgs.manage');
  try {
    await ctx.db.transaction(async (tx) => {
      const org = await getOrg(ctx, id, tx);
      const after = { name: input.name ?? org.name, shortName: input.shortName ?? org.shortName, divisionCode: input.divisionCode ?? org.divisionCode };
      const changes = changedFields(org, after, ['name', 'shortName', 'divisionCode']);
      if (Object.keys(changes).length === 0) return;
      await updateOrgRow(tx, id, {
        name: input.name ?? org.name,
        shortName: input.shortName ?? org.shortName,
        divisionCode: input.divisionCode ?? org.divisionCode,
        updatedAt: ctx.now,
      });
      await recordAudit(tx, ctx, { action: 'org.update', targetType: 'org', targetId: id, orgId: id, summary: { changes } });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'orgs_parent_name_key')) {
      throw new DomainError('CONFLICT', '名称：同一上级下已有同名机构', { field: 'name' });
    }
    throw e;
  }
  return getOrg(ctx, id);
}

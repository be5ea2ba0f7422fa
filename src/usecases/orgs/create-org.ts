import { randomUUID } from 'node:crypto';
import { ORG_KIND_LABELS, PARENT_KIND } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { findSiblingByName, insertOrg } from '../../db/org-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { getOrg } from './get-org.ts';

export type CreateOrgInput = {
  parentId: string;
  kind: 'detachment' | 'brigade';
  name: string;
  shortName: string;
  divisionCode: string;
};

const DUPLICATE = () => new DomainError('CONFLICT', '名称：同一上级下已有同名机构', { field: 'name' });

/** Adds a 支队 under a 总队 or a 大队 under a 支队, inside the actor's subtree. */
export async function createOrg(ctx: UseCaseContext, input: CreateOrgInput) {
  requirePermission(ctx.actor, 'orgs.manage');
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const parent = await getOrg(ctx, input.parentId, tx).catch((e: unknown) => {
        if (e instanceof DomainError && e.code === 'NOT_FOUND') {
          throw new DomainError('VALIDATION_FAILED', '上级机构：不存在', { field: 'parentId' });
        }
        throw e;
      });
      if (PARENT_KIND[input.kind] !== parent.kind) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `上级机构：${ORG_KIND_LABELS[input.kind]}的上级应为${ORG_KIND_LABELS[PARENT_KIND[input.kind]!]}`,
          { field: 'parentId' },
        );
      }
      if (await findSiblingByName(tx, parent.id, input.name)) throw DUPLICATE();
      const newId = randomUUID();
      await insertOrg(tx, {
        id: newId,
        parentId: parent.id,
        kind: input.kind,
        name: input.name,
        shortName: input.shortName,
        divisionCode: input.divisionCode,
        path: `${parent.path}${newId}/`,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      await recordAudit(tx, ctx, {
        action: 'org.create',
        targetType: 'org',
        targetId: newId,
        orgId: newId,
        summary: { name: input.name, kind: input.kind, divisionCode: input.divisionCode, parentName: parent.name },
      });
      return newId;
    });
    return getOrg(ctx, id);
  } catch (e) {
    if (isUniqueViolation(e, 'orgs_parent_name_key')) throw DUPLICATE();
    throw e;
  }
}

import { checkAccountGrant, type Role } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findOrgById, type OrgRow } from '../../db/org-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';

/** Checks that the actor may give `role` at the org `orgId`, naming the offending field when not. */
export async function resolveGrant(ctx: UseCaseContext, db: DbOrTx, role: Role, orgId: string): Promise<OrgRow> {
  const org = await findOrgById(db, orgId);
  if (!org) throw new DomainError('VALIDATION_FAILED', '所属机构：不存在', { field: 'orgId' });
  const grant = checkAccountGrant(ctx.actor, role, org);
  if (!grant.ok) {
    // An org outside the subtree is reported like a missing one.
    const message = grant.field === 'orgId' && grant.message.includes('管辖') ? '所属机构：不存在' : grant.message;
    throw new DomainError(grant.field === 'role' ? 'FORBIDDEN' : 'VALIDATION_FAILED', message, { field: grant.field });
  }
  return org;
}

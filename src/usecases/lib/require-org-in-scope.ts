import { isInScope } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findOrgById, type OrgRow } from '../../db/org-queries.ts';
import type { UseCaseContext } from './context.ts';

/**
 * The org a request names in `field` (the brigade a unit is registered in, the org a plan is made for …), if it
 * exists and is in the actor's subtree. Otherwise VALIDATION_FAILED 「<label>：不存在」 naming the field: an org
 * outside the subtree reads exactly as a missing one, so its existence does not leak. What kind of org the field
 * accepts is the caller's rule, with its own message.
 */
export async function requireOrgInScope(
  ctx: UseCaseContext,
  db: DbOrTx,
  orgId: string,
  field: { name: string; label: string },
): Promise<OrgRow> {
  const org = await findOrgById(db, orgId);
  if (!org || !isInScope(ctx.actor, org.path)) throw new DomainError('VALIDATION_FAILED', `${field.label}：不存在`, { field: field.name });
  return org;
}

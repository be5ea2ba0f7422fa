import { grantableRoles, ORG_KIND_LABELS, ROLE_LABELS } from '../../domain/access.ts';
import { listOrgsInScope } from '../../db/org-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/** The roles the actor may grant and the orgs they may place accounts in, for the account form. */
export async function getAccountOptions(ctx: UseCaseContext) {
  requirePermission(ctx.actor, 'accounts.read');
  const orgs = await listOrgsInScope(ctx.db, scopePathOf(ctx.actor));
  return {
    roles: grantableRoles(ctx.actor).map((value) => ({ value, label: ROLE_LABELS[value] })),
    orgs: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      kindLabel: ORG_KIND_LABELS[o.kind],
      depth: o.path.split('/').filter(Boolean).length - 1,
    })),
  };
}

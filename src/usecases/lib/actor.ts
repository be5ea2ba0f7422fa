import type { Actor } from '../../domain/access.ts';
import type { AccountWithOrg } from '../../db/account-queries.ts';
import type { DbOrTx } from '../../db/client.ts';
import { resolveScopeOrgIds } from '../../db/unit-queries.ts';

export function actorOf({ account, org }: AccountWithOrg): Actor {
  return {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    orgId: org.id,
    orgPath: org.path,
    orgKind: org.kind,
  };
}

/** The subtree path to filter by, or null for a system admin who sees everything. */
export function scopePathOf(actor: Actor): string | null {
  return actor.role === 'system_admin' ? null : actor.orgPath;
}

/** The ids of the orgs the actor sees (null for a system admin: everything), for queries over owned records. */
export async function scopeOrgIdsOf(db: DbOrTx, actor: Actor): Promise<string[] | null> {
  return resolveScopeOrgIds(db, scopePathOf(actor));
}

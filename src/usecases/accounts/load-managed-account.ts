import { grantableRoles } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import type { AccountWithOrg } from '../../db/account-queries.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { getAccount } from './get-account.ts';

/**
 * Loads an account the actor is about to change: it must be in scope, of a role the actor could grant,
 * and not the actor's own account (nobody edits their own role or status).
 */
export async function loadManagedAccount(ctx: UseCaseContext, id: string, db: DbOrTx): Promise<AccountWithOrg> {
  requirePermission(ctx.actor, 'accounts.manage');
  const found = await getAccount(ctx, id, db);
  if (found.account.id === ctx.actor.accountId) {
    throw new DomainError('FORBIDDEN', '不能在账号管理中修改自己的账号；修改密码请使用“修改密码”');
  }
  if (!grantableRoles(ctx.actor).includes(found.account.role)) {
    throw new DomainError('FORBIDDEN', '您无权管理该角色的账号');
  }
  return found;
}

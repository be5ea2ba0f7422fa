import { DomainError } from '../../domain/errors.ts';
import { findAccountById, type AccountWithOrg } from '../../db/account-queries.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

export async function getAccount(ctx: UseCaseContext, id: string, db: DbOrTx = ctx.db): Promise<AccountWithOrg> {
  requirePermission(ctx.actor, 'accounts.read');
  const found = await findAccountById(db, id);
  if (!found) throw new DomainError('NOT_FOUND', '账号不存在');
  requireInScope(ctx.actor, found.org.path, '账号');
  return found;
}

import { listAccountsPage, type AccountFilter } from '../../db/account-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

export async function listAccounts(
  ctx: UseCaseContext,
  query: Omit<AccountFilter, 'scopePath'> & { page: number; pageSize: number },
) {
  requirePermission(ctx.actor, 'accounts.read');
  const { page, pageSize, ...filter } = query;
  return listAccountsPage(ctx.db, { ...filter, scopePath: scopePathOf(ctx.actor) }, page, pageSize);
}

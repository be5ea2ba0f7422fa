import { DomainError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { countByOrg, findOrgById } from '../../db/org-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

export async function getOrg(ctx: UseCaseContext, id: string, db: DbOrTx = ctx.db) {
  requirePermission(ctx.actor, 'orgs.read');
  const org = await findOrgById(db, id);
  if (!org) throw new DomainError('NOT_FOUND', '机构不存在');
  requireInScope(ctx.actor, org.path, '机构');
  const counts = await countByOrg(db, [org.id]);
  return { ...org, ...counts.get(org.id)! };
}

import { DomainError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findInspectorById, type InspectorWithOrg } from '../../db/inspector-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

export async function getInspector(ctx: UseCaseContext, id: string, db: DbOrTx = ctx.db): Promise<InspectorWithOrg> {
  requirePermission(ctx.actor, 'registry.read');
  const found = await findInspectorById(db, id);
  if (!found) throw new DomainError('NOT_FOUND', '检查人员不存在');
  requireInScope(ctx.actor, found.org.path, '检查人员');
  return found;
}

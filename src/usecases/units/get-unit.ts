import { DomainError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findUnitById, type UnitWithBrigade } from '../../db/unit-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

/** A unit the actor may see (outside the subtree it is "not found"). */
export async function getUnit(ctx: UseCaseContext, id: string, db: DbOrTx = ctx.db): Promise<UnitWithBrigade> {
  requirePermission(ctx.actor, 'registry.read');
  const found = await findUnitById(db, id);
  if (!found) throw new DomainError('NOT_FOUND', '单位不存在');
  requireInScope(ctx.actor, found.brigade.path, '单位');
  return found;
}

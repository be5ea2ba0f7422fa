import type { UnitListQuery } from '../../contracts/units.ts';
import { listUnitsPage } from '../../db/unit-queries.ts';
import { scopeOrgIdsOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

export async function listUnits(ctx: UseCaseContext, query: UnitListQuery) {
  requirePermission(ctx.actor, 'registry.read');
  const { page, pageSize, sort, order, ...filter } = query;
  return listUnitsPage(ctx.db, { ...filter, scopeOrgIds: await scopeOrgIdsOf(ctx.db, ctx.actor), now: ctx.now }, { page, pageSize, sort, order });
}

import { countUnitQuality, STALE_DAYS } from '../../db/unit-queries.ts';
import { scopeOrgIdsOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/** Counts of the registry's data-quality problems in the actor's subtree (optionally one brigade). */
export async function getUnitQuality(ctx: UseCaseContext, brigadeId?: string) {
  requirePermission(ctx.actor, 'registry.read');
  const { total, ...counts } = await countUnitQuality(ctx.db, await scopeOrgIdsOf(ctx.db, ctx.actor), brigadeId, ctx.now);
  return { total, counts, staleDays: STALE_DAYS };
}

import { listCampaigns as listRows } from '../../db/plan-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/** 专项检查 in the actor's subtree, latest first. */
export async function listCampaigns(ctx: UseCaseContext) {
  requirePermission(ctx.actor, 'plans.read');
  return listRows(ctx.db, { scopePath: scopePathOf(ctx.actor) });
}

import { listTriggerEvents as listRows } from '../../db/plan-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/** Trigger events in the actor's subtree (open, closed or all), latest first. */
export async function listTriggerEvents(ctx: UseCaseContext, open?: boolean) {
  requirePermission(ctx.actor, 'plans.read');
  return listRows(ctx.db, { scopePath: scopePathOf(ctx.actor), open });
}

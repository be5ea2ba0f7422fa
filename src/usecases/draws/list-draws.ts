import { listDraws as listRows } from '../../db/draw-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/** Draws in the actor's subtree, newest first. */
export async function listDraws(ctx: UseCaseContext) {
  requirePermission(ctx.actor, 'plans.read');
  return listRows(ctx.db, { scopePath: scopePathOf(ctx.actor) });
}

import { listZones } from '../../db/org-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

export async function listCollaborationZones(ctx: UseCaseContext) {
  requirePermission(ctx.actor, 'orgs.read');
  return listZones(ctx.db, scopePathOf(ctx.actor));
}

import { listOrgsInScope, countByOrg, type OrgCounts, type OrgRow } from '../../db/org-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

export type OrgTreeItem = OrgRow & OrgCounts & { children: OrgTreeItem[] };

/** The actor's subtree as a forest (one root for everyone but a system admin with several corps). */
export async function listOrgTree(ctx: UseCaseContext): Promise<OrgTreeItem[]> {
  requirePermission(ctx.actor, 'orgs.read');
  const rows = await listOrgsInScope(ctx.db, scopePathOf(ctx.actor));
  const counts = await countByOrg(ctx.db, rows.map((r) => r.id));
  const byId = new Map<string, OrgTreeItem>();
  for (const row of rows) byId.set(row.id, { ...row, ...counts.get(row.id)!, children: [] });
  const roots: OrgTreeItem[] = [];
  for (const item of byId.values()) {
    const parent = item.parentId ? byId.get(item.parentId) : undefined;
    if (parent) parent.children.push(item);
    else roots.push(item);
  }
  return roots;
}

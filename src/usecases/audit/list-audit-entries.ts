import { listAuditPage } from '../../db/audit-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

export type AuditQuery = { page: number; pageSize: number; action?: string; q?: string; from?: string; to?: string };

/** Audit entries about the actor's subtree, newest first. `to` is inclusive (the whole day). */
export async function listAuditEntries(ctx: UseCaseContext, query: AuditQuery) {
  requirePermission(ctx.actor, 'audit.read');
  const dayAfter = (d: string) => new Date(new Date(`${d}T00:00:00+08:00`).getTime() + 86_400_000);
  return listAuditPage(
    ctx.db,
    {
      scopePath: scopePathOf(ctx.actor),
      action: query.action,
      q: query.q,
      from: query.from ? new Date(`${query.from}T00:00:00+08:00`) : undefined,
      to: query.to ? dayAfter(query.to) : undefined,
    },
    query.page,
    query.pageSize,
  );
}

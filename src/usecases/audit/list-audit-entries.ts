import { startOfLocalDay, startOfNextLocalDay } from '../../domain/local-date.ts';
import { auditTargetNames, listAuditPage } from '../../db/audit-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

export type AuditQuery = {
  page: number;
  pageSize: number;
  action?: string | undefined;
  q?: string | undefined;
  actor?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  logins?: 'hide' | 'show' | 'only' | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/**
 * Audit entries about the actor's subtree, newest first, with the names of the objects they are about. Sign-ins
 * are left out unless asked for (`logins`) or filtered by action. `to` is inclusive (the whole day).
 */
export async function listAuditEntries(ctx: UseCaseContext, query: AuditQuery) {
  requirePermission(ctx.actor, 'audit.read');
  const page = await listAuditPage(
    ctx.db,
    {
      scopePath: scopePathOf(ctx.actor),
      action: query.action,
      q: query.q,
      actor: query.actor,
      targetType: query.targetType,
      targetId: query.targetId,
      logins: query.logins,
      from: query.from ? startOfLocalDay(query.from) : undefined,
      to: query.to ? startOfNextLocalDay(query.to) : undefined,
    },
    query.page,
    query.pageSize,
  );
  const names = await auditTargetNames(ctx.db, page.rows.map((r) => ({ type: r.entry.targetType, id: r.entry.targetId })));
  return { ...page, names };
}

import type { FastifyInstance } from 'fastify';
import { AUDIT_ACTION_LABELS } from '../../../domain/audit-actions.ts';
import { AUDIT_TARGET_LABELS } from '../../../domain/audit-presentation.ts';
import { AuditListQuery, type AuditActionOption, type AuditFilterOptions } from '../../../contracts/audit.ts';
import { listAuditEntries } from '../../../usecases/audit/list-audit-entries.ts';
import { verifyAuditChain } from '../../../usecases/audit/verify-audit-chain.ts';
import { requirePermission } from '../../../usecases/lib/require.ts';
import { contextOf, type RouteDeps } from '../../deps.ts';
import { parse } from '../../parse.ts';
import { presentAuditEntry, presentAuditVerification } from '../../presenters/audit-presenter.ts';

export function registerAuditRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get('/api/audit', async (request) => {
    const query = parse(AuditListQuery, request.query);
    const { rows, total, names } = await listAuditEntries(contextOf(request, deps), query);
    return { items: rows.map((r) => presentAuditEntry(r.entry, r.orgName, names)), total, page: query.page, pageSize: query.pageSize };
  });

  app.get('/api/audit/actions', async (request): Promise<AuditActionOption[]> => {
    requirePermission(contextOf(request, deps).actor, 'audit.read');
    return Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));
  });

  app.get('/api/audit/filters', async (request): Promise<AuditFilterOptions> => {
    requirePermission(contextOf(request, deps).actor, 'audit.read');
    return {
      actions: Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label })),
      targetTypes: Object.entries(AUDIT_TARGET_LABELS).map(([value, label]) => ({ value, label })),
    };
  });

  app.get('/api/audit/verify', async (request) => {
    const ctx = contextOf(request, deps);
    requirePermission(ctx.actor, 'audit.read');
    return presentAuditVerification(await verifyAuditChain(deps.db), ctx.now);
  });
}

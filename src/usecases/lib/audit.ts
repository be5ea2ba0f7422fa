import type { AuditAction } from '../../domain/audit-actions.ts';
import type { JsonValue } from '../../domain/canonical-json.ts';
import { appendAuditEntry } from '../../db/audit-queries.ts';
import type { Tx } from '../../db/client.ts';
import type { SystemContext, UseCaseContext } from './context.ts';

export type AuditRecord = {
  action: AuditAction;
  targetType: string;
  targetId: string | null;
  orgId: string | null;
  summary: JsonValue;
};

/** Records what the acting account did, in the transaction that did it. */
export async function recordAudit(tx: Tx, ctx: UseCaseContext, record: AuditRecord): Promise<void> {
  await appendAuditEntry(tx, {
    at: ctx.now,
    actorId: ctx.actor.accountId,
    actorName: ctx.actor.displayName,
    actorRole: ctx.actor.role,
    ip: ctx.ip,
    ...record,
  });
}

/** Records an action with no logged-in actor (a login attempt, a CLI command, first start). */
export async function recordSystemAudit(
  tx: Tx,
  ctx: SystemContext,
  record: AuditRecord & { actorId?: string | null; actorRole?: string | null },
): Promise<void> {
  await appendAuditEntry(tx, {
    at: ctx.now,
    actorId: record.actorId ?? null,
    actorName: ctx.actorName,
    actorRole: record.actorRole ?? null,
    ip: ctx.ip,
    action: record.action,
    targetType: record.targetType,
    targetId: record.targetId,
    orgId: record.orgId,
    summary: record.summary,
  });
}

import { ROLE_LABELS, ROLES, type Role } from '../../domain/access.ts';
import { auditActionLabel } from '../../domain/audit-actions.ts';
import { AUDIT_TARGET_LABELS, describeAuditSummary } from '../../domain/audit-presentation.ts';
import type { AuditEntryView, AuditVerifyView } from '../../contracts/audit.ts';
import type { AuditRow } from '../../db/audit-queries.ts';
import type { verifyAuditChain } from '../../usecases/audit/verify-audit-chain.ts';

const isRole = (r: string | null): r is Role => r !== null && (ROLES as readonly string[]).includes(r);

/** An entry as 纪检 reads it: who, what in Chinese, about which object by name, the summary as lines. */
export function presentAuditEntry(entry: AuditRow, orgName: string | null, names: ReadonlyMap<string, string>): AuditEntryView {
  const targetName =
    entry.targetType === 'calendar_year' && entry.targetId ? `${entry.targetId} 年` : (names.get(`${entry.targetType}/${entry.targetId}`) ?? null);
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorName: entry.actorName,
    actorRoleLabel: isRole(entry.actorRole) ? ROLE_LABELS[entry.actorRole] : null,
    ip: entry.ip,
    action: entry.action,
    actionLabel: auditActionLabel(entry.action),
    targetType: entry.targetType,
    targetTypeLabel: AUDIT_TARGET_LABELS[entry.targetType] ?? entry.targetType,
    targetId: entry.targetId,
    targetName,
    orgName,
    summary: entry.summary,
    lines: describeAuditSummary(entry.summary),
    hash: entry.hash,
  };
}

export function presentAuditVerification(result: Awaited<ReturnType<typeof verifyAuditChain>>, at: Date): AuditVerifyView {
  return result.ok
    ? { ok: true, checked: result.checked, lastHash: result.lastHash, verifiedAt: at.toISOString() }
    : {
        ok: false,
        checked: result.checked,
        brokenSeq: result.broken.seq,
        reason: result.broken.reason,
        message: result.broken.message,
        verifiedAt: at.toISOString(),
      };
}

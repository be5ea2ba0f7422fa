import { createHash } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { evaluateLoginThrottle } from '../../domain/login-throttle.ts';
import { codeValidity, UNIT_ACCESS_MESSAGES, UNIT_ACCESS_THROTTLE, UNIT_SESSION_MINUTES, type UnitAccessRefusal } from '../../domain/publication/unit-access.ts';
import { normalizeUscc } from '../../domain/uscc.ts';
import type { Db } from '../../db/client.ts';
import {
  deleteExpiredUnitSessions,
  findDocumentForUnitAccess,
  insertUnitAccessAttempt,
  insertUnitSession,
  recentUnitAccessAttempts,
  recentUnitAccessFailuresFrom,
} from '../../db/unit-access-queries.ts';
import { recordSystemAudit } from '../lib/audit.ts';
import { newToken } from '../lib/tokens.ts';

/** Who the audit log names for what the unit does on its own page: it has no account. */
export const UNIT_ACTOR_NAME = '单位（凭核验码）';

/** The stored form of a unit page's bearer token: its SHA-256 (the token itself is never stored). */
export function unitTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type OpenUnitAccessResult = { token: string; expiresAt: Date; unitName: string };

/**
 * 单位凭核验码查看 (POST /api/public/unit-access, decision 0024): a document's check code and the unit's 统一社会信用代码
 * open the unit's own page for UNIT_SESSION_MINUTES. The throttle is checked first, per code and per address (a locked
 * code is refused even with the right credit code). A wrong code and a wrong credit code get one message; a voided or
 * expired document its own (the code was right and the credit code too, so nothing is told that the holder does not
 * know). Every attempt is counted and audited; the credit code typed is never stored when it was wrong.
 */
export async function openUnitAccess(deps: { db: Db; ip: string; now: Date }, input: { code: string; uscc: string }): Promise<OpenUnitAccessResult> {
  const { db, now, ip } = deps;
  const code = input.code.trim();
  const attemptKey = code.toUpperCase();
  const policy = UNIT_ACCESS_THROTTLE;
  const attempts = await recentUnitAccessAttempts(db, attemptKey, policy.maxConsecutiveFailures);
  const addressFailures = await recentUnitAccessFailuresFrom(db, ip, new Date(now.getTime() - policy.addressWindowMinutes * 60_000), policy.maxFailuresPerAddress);
  const throttle = evaluateLoginThrottle(attempts, addressFailures, now, policy);
  if (!throttle.allowed) {
    const minutes = Math.ceil(throttle.retryAfterSeconds / 60);
    throw new DomainError(
      'LOGIN_THROTTLED',
      throttle.scope === 'account' ? `该核验码连续验证失败次数过多，请 ${minutes} 分钟后再试` : `该地址验证失败次数过多，请 ${minutes} 分钟后再试`,
      { retryAfterSeconds: throttle.retryAfterSeconds },
    );
  }

  const found = await findDocumentForUnitAccess(db, code);
  const matches = found !== null && normalizeUscc(input.uscc) === normalizeUscc(found.uscc);
  const validity = matches ? codeValidity(found, localDate(now)) : null;
  const refusal: UnitAccessRefusal | null = !matches ? 'not_found' : validity && !validity.ok ? validity.refusal : null;
  const token = newToken();
  const expiresAt = new Date(now.getTime() + UNIT_SESSION_MINUTES * 60_000);

  await db.transaction(async (tx) => {
    await insertUnitAccessAttempt(tx, { code: attemptKey, ip, succeeded: refusal === null, at: now });
    const audit = { db, ip, now, actorName: UNIT_ACTOR_NAME };
    if (refusal !== null || !found) {
      // The code typed is the object (shown as an identifier); a wrong credit code tells nothing about the document
      // the code names, so only then is the document named (voided or expired: the holder knows both codes).
      await recordSystemAudit(tx, audit, {
        action: 'unit_access.refused',
        targetType: 'unit_access',
        targetId: code.slice(0, 16),
        orgId: matches ? found!.orgId : null,
        summary: matches ? { document: found!.number, reason: UNIT_ACCESS_MESSAGES[refusal ?? 'not_found'] } : { reason: UNIT_ACCESS_MESSAGES.not_found },
      });
      return;
    }
    await deleteExpiredUnitSessions(tx, now);
    const session = await insertUnitSession(tx, { tokenHash: unitTokenHash(token), unitId: found.unitId, documentId: found.documentId, ip, createdAt: now, expiresAt });
    await recordSystemAudit(tx, audit, {
      action: 'unit_access.open',
      targetType: 'unit_access',
      targetId: session.id,
      orgId: found.orgId,
      summary: { document: found.number, unit: found.unitName, unitId: found.unitId },
    });
  });
  if (refusal !== null || !found) throw new DomainError('NOT_FOUND', UNIT_ACCESS_MESSAGES[refusal ?? 'not_found'], { field: 'code' });
  return { token, expiresAt, unitName: found.unitName };
}

import { DomainError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import { findLiveUnitSession } from '../../db/unit-access-queries.ts';
import { unitTokenHash } from './open-unit-access.ts';

/** What a unit page's bearer token stands for: the session, its unit and the document whose code opened it. */
export type UnitSession = { sessionId: string; unitId: string; documentId: string; expiresAt: Date };

/** The context of a unit page's use cases: no account, only the session. */
export type UnitContext = { db: Db; session: UnitSession; ip: string | null; now: Date };

export const UNIT_SESSION_EXPIRED = '查看已过期，请重新输入核验码';

/** Resolves `Authorization: Bearer <token>`; a missing, unknown or expired token is 401 in Chinese. */
export async function resolveUnitSession(deps: { db: Db; now: Date }, authorization: string | undefined): Promise<UnitSession> {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization?.trim() ?? '');
  if (!match) throw new DomainError('UNAUTHENTICATED', UNIT_SESSION_EXPIRED);
  const row = await findLiveUnitSession(deps.db, unitTokenHash(match[1]!), deps.now);
  if (!row) throw new DomainError('UNAUTHENTICATED', UNIT_SESSION_EXPIRED);
  return { sessionId: row.id, unitId: row.unitId, documentId: row.documentId, expiresAt: row.expiresAt };
}

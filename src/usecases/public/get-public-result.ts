import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { readTogether, type Db } from '../../db/client.ts';
import { findPortalEntry } from '../../db/publication-queries.ts';
import { effectivePolicy } from '../publication/publication-policy.ts';
import { isCorrected, portalNoticesOfTasks } from './public-notices.ts';

/**
 * GET /api/public/results/:id: one entry on the portal today, with the policy of its brigade (whether a punished
 * person's name is published), and for a result the states of its correction notices and whether it is 已整改. An
 * entry not on the portal (pending, suppressed, past its display period) is not found, whatever it is.
 */
export async function getPublicResult(db: Db, id: string, now: Date) {
  const today = localDate(now);
  const found = await findPortalEntry(db, id, today);
  if (!found) throw new DomainError('NOT_FOUND', '公示信息不存在或已不在公示期内');
  const entry = found.publication;
  const [{ policy }, notices] = await readTogether(db, [
    () => effectivePolicy(db, found.orgPath),
    () => (entry.kind === 'result' && entry.taskId ? portalNoticesOfTasks(db, [entry.taskId], today) : Promise.resolve([])),
  ]);
  const corrected =
    entry.content.kind === 'result' && entry.content.outcome === 'hazards' && isCorrected(entry.content.hazards, notices);
  return { entry, drawCode: found.drawCode, policy, notices, corrected };
}

import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import type { Db } from '../../db/client.ts';
import { findPortalUnit, searchPortal } from '../../db/publication-queries.ts';
import { portalNoticesOfTasks } from './public-notices.ts';

/** The most entries a unit's page lists (a unit is drawn a few times a year). */
export const UNIT_PAGE_ENTRIES = 200;

/**
 * GET /api/public/units/:id: the public page of a unit with at least one entry on the portal — its results, its
 * penalties within their display period, and its notices' states. A unit with nothing on the portal is not found,
 * exactly like an id that names no unit: the portal must not tell that a unit exists in the registry.
 */
export async function getPublicUnit(db: Db, id: string, now: Date) {
  const today = localDate(now);
  const unit = await findPortalUnit(db, id, today);
  if (!unit) throw new DomainError('NOT_FOUND', '单位不存在或没有公示信息');
  const { rows } = await searchPortal(db, { unitId: id, today, page: 1, pageSize: UNIT_PAGE_ENTRIES });
  const taskIds = rows.flatMap((r) => (r.kind === 'result' && r.taskId ? [r.taskId] : []));
  const notices = await portalNoticesOfTasks(db, taskIds, today);
  return { unit, results: rows.filter((r) => r.kind === 'result'), penalties: rows.filter((r) => r.kind === 'penalty'), notices };
}

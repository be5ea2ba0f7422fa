import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { readTogether, type Db } from '../../db/client.ts';
import { findDrawByCode } from '../../db/draw-queries.ts';
import { portalEntriesOfDraw } from '../../db/publication-queries.ts';
import { loadDrawDetail, type DrawDetail } from '../draws/get-draw.ts';

/**
 * A draw as the portal shows it: every draw is public from the moment it is frozen (its hash first). With each task's
 * result on the portal today (task id → entry id), so that the draw page links to what the inspection found.
 */
export async function getPublicDraw(db: Db, code: string, now: Date): Promise<DrawDetail & { resultIds: Map<string, string> }> {
  const found = await findDrawByCode(db, code);
  if (!found) throw new DomainError('NOT_FOUND', '抽取不存在');
  const [detail, resultIds] = await readTogether(db, [() => loadDrawDetail(db, found), () => portalEntriesOfDraw(db, found.draw.id, localDate(now))]);
  return { ...detail, resultIds };
}

import { DomainError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import { findDrawByCode } from '../../db/draw-queries.ts';
import { loadDrawDetail, type DrawDetail } from '../draws/get-draw.ts';

/** A draw as the portal shows it: every draw is public from the moment it is frozen (its hash first). */
export async function getPublicDraw(db: Db, code: string): Promise<DrawDetail> {
  const found = await findDrawByCode(db, code);
  if (!found) throw new DomainError('NOT_FOUND', '抽取不存在');
  return loadDrawDetail(db, found);
}

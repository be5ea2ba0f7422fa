import { DomainError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import { findNoticeByCode } from '../../db/field-queries.ts';

/** A pre-notice by the short code in its link (/portal/notice/<code>), for the unit: no login, nothing about people. */
export async function getPublicNotice(db: Db, code: string) {
  const found = await findNoticeByCode(db, code);
  if (!found) throw new DomainError('NOT_FOUND', '告知书不存在或链接有误');
  return found;
}

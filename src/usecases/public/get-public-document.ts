import { DomainError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import { findPublicDocument } from '../../db/document-queries.ts';

/** A document by the check code printed on it (/portal/documents/<code>), for anyone: the presenter whitelists. */
export async function getPublicDocument(db: Db, code: string) {
  const found = await findPublicDocument(db, code);
  if (!found) throw new DomainError('NOT_FOUND', '未找到该文书：请核对核验码，或该文书并非本系统开具');
  return found;
}

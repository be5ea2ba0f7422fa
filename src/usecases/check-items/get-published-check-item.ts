import { DomainError } from '../../domain/errors.ts';
import { findCheckItemByCode, listCheckItemVersions } from '../../db/check-item-queries.ts';
import type { Db } from '../../db/client.ts';
import { withVersionDiffs } from './with-version-diffs.ts';

/** The portal's view of one item: its published versions only, newest first, each with its changes. 404 until published. */
export async function getPublishedCheckItem(db: Db, code: string) {
  const item = await findCheckItemByCode(db, code);
  const versions = item ? withVersionDiffs(await listCheckItemVersions(db, item.id, { publishedOnly: true })) : [];
  const [current, ...history] = versions;
  if (!item || !current) throw new DomainError('NOT_FOUND', `抽查事项 ${code} 不存在或尚未发布`);
  return { item, current, history };
}

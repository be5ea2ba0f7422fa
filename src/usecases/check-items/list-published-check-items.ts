import { listCheckItemsWithOwner, listCheckItemVersionSummaries } from '../../db/check-item-queries.ts';
import type { Db } from '../../db/client.ts';

/**
 * The portal's item list: every item with at least one published version, shown by its latest published
 * version. Drafts never appear; withdrawn items do, marked, so the public can see what was in force.
 */
export async function listPublishedCheckItems(db: Db) {
  const [items, versions] = [await listCheckItemsWithOwner(db), await listCheckItemVersionSummaries(db)];
  return items.flatMap((item) => {
    const current = versions.find((v) => v.itemId === item.id && v.status === 'published');
    return current ? [{ item, current }] : [];
  });
}

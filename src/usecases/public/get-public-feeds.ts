import { localDate } from '../../domain/local-date.ts';
import type { Db } from '../../db/client.ts';
import { listDraws } from '../../db/draw-queries.ts';
import { searchPortal } from '../../db/publication-queries.ts';
import { drawSourceLabel } from '../draws/draw-source-label.ts';
import { getPublicPlans } from './get-public-plans.ts';

/** How many entries each feed carries: the latest, newest first. */
export const FEED_SIZE = 50;

export type FeedTopic = 'results' | 'plans' | 'draws';

/**
 * The portal's feeds (Atom 1.0 and JSON Feed 1.1, decision 0024) for journalists and the 协同监管平台: the latest
 * results on the portal, published plans (annual, monthly and special campaigns), and draws from their freeze.
 * Only what the portal's own pages publish; the routes present each item with the portal's presenters.
 */
export async function getPublicFeed(db: Db, topic: FeedTopic, now: Date) {
  if (topic === 'results') {
    const { rows } = await searchPortal(db, { today: localDate(now), page: 1, pageSize: FEED_SIZE });
    return { topic, rows } as const;
  }
  if (topic === 'plans') return { topic, plans: await getPublicPlans(db) } as const;
  const draws = (await listDraws(db, { scopePath: null })).slice(0, FEED_SIZE);
  return { topic, draws: draws.map((d) => ({ row: d, sourceLabel: drawSourceLabel(d) })) } as const;
}

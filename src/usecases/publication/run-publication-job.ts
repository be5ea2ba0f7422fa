import { localDate } from '../../domain/local-date.ts';
import { isAutoPublishable } from '../../domain/publication/publication-rules.ts';
import type { PublicationPolicy } from '../../domain/publication/publication-types.ts';
import { findPublication, pendingPublications } from '../../db/publication-queries.ts';
import type { SystemContext } from '../lib/context.ts';
import { systemActorContext } from '../lib/system-actor.ts';
import { applyAction } from './act-on-entries.ts';
import { effectivePolicy } from './publication-policy.ts';

/**
 * The daily auto-publication (decision 0024): every pending entry of a brigade whose policy publishes automatically
 * after N days, once it is N days old, is published as the system, each in its own transaction (one that changed
 * meanwhile is skipped). Returns how many were published.
 */
export async function runPublicationJob(sys: SystemContext): Promise<number> {
  const ctx = systemActorContext(sys);
  const today = localDate(sys.now);
  const policies = new Map<string, PublicationPolicy>();
  let published = 0;
  for (const p of await pendingPublications(sys.db)) {
    if (!policies.has(p.orgPath)) policies.set(p.orgPath, (await effectivePolicy(sys.db, p.orgPath)).policy);
    const policy = policies.get(p.orgPath)!;
    if (!isAutoPublishable(p, today, policy)) continue;
    await sys.db.transaction(async (tx) => {
      const found = await findPublication(tx, p.id, true);
      if (found?.publication.status !== 'pending') return;
      await applyAction(tx, ctx, found.publication, { action: 'publish' }, policy, true);
      published += 1;
    });
  }
  return published;
}

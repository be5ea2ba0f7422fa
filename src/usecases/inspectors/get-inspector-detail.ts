import { localDate } from '../../domain/local-date.ts';
import { listAvailability, listInspectorZones, listRecusals } from '../../db/inspector-queries.ts';
import { accounts } from '../../db/schema.ts';
import { inArray } from 'drizzle-orm';
import type { UseCaseContext } from '../lib/context.ts';
import { drawabilityOf } from './inspector-facts.ts';
import { getInspector } from './get-inspector.ts';

export async function getInspectorDetail(ctx: UseCaseContext, id: string) {
  const found = await getInspector(ctx, id);
  const today = localDate(ctx.now);
  const availability = await listAvailability(ctx.db, [id]);
  const creatorIds = [...new Set(availability.map((a) => a.createdBy))];
  const creators = creatorIds.length
    ? await ctx.db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(inArray(accounts.id, creatorIds))
    : [];
  return {
    ...found,
    today,
    drawability: drawabilityOf(found.inspector, availability, today),
    availability: availability.map((a) => ({ ...a, createdByName: creators.find((c) => c.id === a.createdBy)?.name ?? null })),
    recusals: await listRecusals(ctx.db, { inspectorId: id, scopePath: null }),
    zones: await listInspectorZones(ctx.db, id),
  };
}

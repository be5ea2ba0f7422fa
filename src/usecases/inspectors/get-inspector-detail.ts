import { localDate } from '../../domain/local-date.ts';
import { listAvailability, listInspectorZones, listRecusals } from '../../db/inspector-queries.ts';
import { accountNames } from '../../db/account-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { drawabilityOf } from './inspector-facts.ts';
import { getInspector } from './get-inspector.ts';

export async function getInspectorDetail(ctx: UseCaseContext, id: string) {
  const found = await getInspector(ctx, id);
  const today = localDate(ctx.now);
  const availability = await listAvailability(ctx.db, [id]);
  const creators = await accountNames(ctx.db, availability.map((a) => a.createdBy));
  return {
    ...found,
    today,
    drawability: drawabilityOf(found.inspector, availability, today),
    availability: availability.map((a) => ({ ...a, createdByName: creators.get(a.createdBy) ?? null })),
    recusals: await listRecusals(ctx.db, { inspectorId: id, scopePath: null }),
    zones: await listInspectorZones(ctx.db, id),
  };
}

import { localDate } from '../../domain/local-date.ts';
import { listAvailability, listInspectorsInScope, type InspectorFilter } from '../../db/inspector-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { drawabilityOf } from './inspector-facts.ts';

export type InspectorListInput = Omit<InspectorFilter, 'scopePath'> & { page: number; pageSize: number; drawable?: 'true' | 'false' | undefined; on?: string | undefined };

/** Inspectors of the subtree with whether each can be drawn on `on` (default: today). */
export async function listInspectors(ctx: UseCaseContext, query: InspectorListInput) {
  requirePermission(ctx.actor, 'registry.read');
  const on = query.on ?? localDate(ctx.now);
  const rows = await listInspectorsInScope(ctx.db, { ...query, scopePath: scopePathOf(ctx.actor) });
  const availability = await listAvailability(ctx.db, rows.map((r) => r.inspector.id));
  const withDrawability = rows.map((r) => ({
    ...r,
    drawability: drawabilityOf(r.inspector, availability.filter((a) => a.inspectorId === r.inspector.id), on),
  }));
  const filtered = query.drawable ? withDrawability.filter((r) => r.drawability.drawable === (query.drawable === 'true')) : withDrawability;
  const start = (query.page - 1) * query.pageSize;
  return { rows: filtered.slice(start, start + query.pageSize), total: filtered.length, on };
}

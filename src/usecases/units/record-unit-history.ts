import type { JsonValue } from '../../domain/canonical-json.ts';
import type { Tx } from '../../db/client.ts';
import { unitHistory } from '../../db/schema.ts';
import type { UseCaseContext } from '../lib/context.ts';

export type UnitHistoryKind = (typeof unitHistory.$inferInsert)['kind'];

/** Adds entries to the units' change history (shown on the detail page), in the caller's transaction. */
export async function recordUnitHistory(
  tx: Tx,
  ctx: UseCaseContext,
  entries: { unitId: string; kind: UnitHistoryKind; summary: JsonValue }[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    await tx.insert(unitHistory).values(
      entries.slice(i, i + 1000).map((e) => ({ ...e, at: ctx.now, actorId: ctx.actor.accountId, actorName: ctx.actor.displayName })),
    );
  }
}

import type { JsonValue } from '../../domain/canonical-json.ts';
import type { Tx } from '../../db/client.ts';
import { insertUnitHistory, type UnitHistoryKind } from '../../db/unit-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';

/** Adds entries to the units' change history (shown on the detail page), in the caller's transaction. */
export async function recordUnitHistory(
  tx: Tx,
  ctx: UseCaseContext,
  entries: { unitId: string; kind: UnitHistoryKind; summary: JsonValue }[],
): Promise<void> {
  await insertUnitHistory(
    tx,
    entries.map((e) => ({ ...e, at: ctx.now, actorId: ctx.actor.accountId, actorName: ctx.actor.displayName })),
  );
}

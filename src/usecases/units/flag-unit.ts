import { updateUnitRow } from '../../db/unit-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { getUnit } from './get-unit.ts';
import { recordUnitHistory } from './record-unit-history.ts';

/** Marks a unit as a suspected 僵尸单位 pending review (out of the pool), or clears the mark after review. */
export async function flagUnit(ctx: UseCaseContext, id: string, input: { flagged: boolean; reason: string }) {
  requirePermission(ctx.actor, 'registry.manage');
  await ctx.db.transaction(async (tx) => {
    const { unit, brigade } = await getUnit(ctx, id, tx);
    if ((unit.flaggedAt !== null) === input.flagged) return;
    await updateUnitRow(tx, id, input.flagged ? { flaggedAt: ctx.now, flagReason: input.reason, updatedAt: ctx.now } : { flaggedAt: null, flagReason: null, updatedAt: ctx.now });
    await recordUnitHistory(tx, ctx, [{ unitId: id, kind: input.flagged ? 'flag' : 'unflag', summary: { reason: input.reason } }]);
    await recordAudit(tx, ctx, {
      action: input.flagged ? 'unit.flag' : 'unit.unflag',
      targetType: 'unit',
      targetId: id,
      orgId: brigade.id,
      summary: { name: unit.name, reason: input.reason },
    });
  });
}

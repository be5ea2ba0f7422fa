import type { UnitStatus } from '../../domain/registry/unit-rules.ts';
import { isInScope } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { findUnitsWithBrigadePath, updateUnitRows } from '../../db/unit-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { recordUnitHistory } from './record-unit-history.ts';

export type StatusChange = { status: UnitStatus; reason: string; effectiveOn: string };

/**
 * Changes the status of one or many units (停业, 注销, 迁出, 查无此单位 take them out of the drawable pool;
 * 正常 brings them back). Never deletes. A unit outside the actor's subtree is "not found" and nothing is
 * written; units already in the target status are left as they are. Clears a pending 待核实 flag, since
 * the status change is the outcome of that review.
 */
export async function changeUnitStatus(ctx: UseCaseContext, unitIds: string[], change: StatusChange): Promise<{ updated: number }> {
  requirePermission(ctx.actor, 'registry.manage');
  const ids = [...new Set(unitIds)];
  return ctx.db.transaction(async (tx) => {
    const rows = await findUnitsWithBrigadePath(tx, ids);
    const visible = rows.filter((r) => isInScope(ctx.actor, r.path));
    if (visible.length !== ids.length) {
      throw new DomainError('NOT_FOUND', ids.length === 1 ? '单位不存在' : `有 ${ids.length - visible.length} 个单位不存在或不在管辖范围内，未做任何修改`);
    }
    const changing = visible.filter((r) => r.status !== change.status);
    if (changing.length === 0) return { updated: 0 };
    await updateUnitRows(
      tx,
      changing.map((r) => r.id),
      {
        status: change.status,
        statusReason: change.reason,
        statusEffectiveOn: change.effectiveOn,
        statusChangedAt: ctx.now,
        flaggedAt: null,
        flagReason: null,
        updatedAt: ctx.now,
      },
    );
    await recordUnitHistory(
      tx,
      ctx,
      changing.map((r) => ({ unitId: r.id, kind: 'status' as const, summary: { from: r.status, to: change.status, reason: change.reason, effectiveOn: change.effectiveOn } })),
    );
    const single = changing.length === 1 ? changing[0]! : null;
    await recordAudit(tx, ctx, {
      action: single && ids.length === 1 ? 'unit.status' : 'unit.bulk_status',
      targetType: 'unit',
      targetId: single && ids.length === 1 ? single.id : null,
      orgId: single ? single.brigadeId : ctx.actor.orgId,
      summary: single && ids.length === 1
        ? { name: single.name, from: single.status, to: change.status, reason: change.reason, effectiveOn: change.effectiveOn }
        : { count: changing.length, to: change.status, reason: change.reason, effectiveOn: change.effectiveOn, unitIds: changing.map((r) => r.id) },
    });
    return { updated: changing.length };
  });
}

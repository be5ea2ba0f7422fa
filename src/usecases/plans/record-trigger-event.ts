import { DomainError } from '../../domain/errors.ts';
import type { TriggerKind } from '../../domain/plans/trigger-kinds.ts';
import { insertTriggerEvent } from '../../db/plan-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { getUnit } from '../units/get-unit.ts';


/**
 * Registers a complaint, report, incident or bad-credit event against a unit: until it is closed the unit is
 * in the triggered pool and weighs triggeredFactor times more in draws (触发式抽查).
 */
export async function recordTriggerEvent(
  ctx: UseCaseContext,
  input: { unitId: string; kind: TriggerKind; receivedOn: string; summary: string; reference: string },
): Promise<string> {
  requirePermission(ctx.actor, 'plans.manage');
  return ctx.db.transaction(async (tx) => {
    const { unit, brigade } = await getUnit(ctx, input.unitId, tx).catch(() => {
      throw new DomainError('VALIDATION_FAILED', '检查对象：不存在', { field: 'unitId' });
    });
    const id = await insertTriggerEvent(tx, {
      unitId: unit.id,
      orgId: brigade.id,
      kind: input.kind,
      receivedOn: input.receivedOn,
      summary: input.summary,
      reference: input.reference === '' ? null : input.reference,
      createdBy: ctx.actor.accountId,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'trigger_event.create',
      targetType: 'trigger_event',
      targetId: id,
      orgId: brigade.id,
      summary: { unit: unit.name, uscc: unit.uscc, kind: input.kind, receivedOn: input.receivedOn, reference: input.reference },
    });
    return id;
  });
}

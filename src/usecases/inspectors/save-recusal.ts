import { DomainError } from '../../domain/errors.ts';
import { findRecusalById, insertRecusal, updateRecusalRow } from '../../db/inspector-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';
import { getUnit } from '../units/get-unit.ts';
import { getInspector } from './get-inspector.ts';

/** Declares a 回避: the inspector will not be assigned to the unit during the validity period. */
export async function createRecusal(
  ctx: UseCaseContext,
  input: { inspectorId: string; unitId: string; reason: string; validFrom: string; validTo?: string | null | undefined },
): Promise<string> {
  requirePermission(ctx.actor, 'registry.manage');
  return ctx.db.transaction(async (tx) => {
    const { inspector, org } = await getInspector(ctx, input.inspectorId, tx);
    // A unit of a neighbouring brigade can matter too (cross-region draws): any unit the actor can see.
    const { unit } = await getUnit(ctx, input.unitId, tx).catch(() => {
      throw new DomainError('VALIDATION_FAILED', '单位：不存在', { field: 'unitId' });
    });
    const id = await insertRecusal(tx, { inspectorId: inspector.id, unitId: unit.id, reason: input.reason, validFrom: input.validFrom, validTo: input.validTo ?? null, createdBy: ctx.actor.accountId, createdAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'recusal.create',
      targetType: 'recusal',
      targetId: id,
      orgId: org.id,
      summary: { inspector: inspector.name, unit: unit.name, uscc: unit.uscc, reason: input.reason, validFrom: input.validFrom, validTo: input.validTo ?? null },
    });
    return id;
  });
}

/** Revokes a 回避 declaration (it stays on record with the reason). */
export async function revokeRecusal(ctx: UseCaseContext, id: string, reason: string): Promise<string> {
  requirePermission(ctx.actor, 'registry.manage');
  return ctx.db.transaction(async (tx) => {
    const found = await findRecusalById(tx, id);
    if (!found) throw new DomainError('NOT_FOUND', '回避记录不存在');
    requireInScope(ctx.actor, found.inspectorOrgPath, '回避记录');
    if (found.recusal.revokedAt) throw new DomainError('CONFLICT', '该回避记录已撤销');
    await updateRecusalRow(tx, id, { revokedAt: ctx.now, revokeReason: reason });
    await recordAudit(tx, ctx, {
      action: 'recusal.revoke',
      targetType: 'recusal',
      targetId: id,
      orgId: null,
      summary: { inspector: found.inspectorName, unit: found.unitName, reason },
    });
    return id;
  });
}

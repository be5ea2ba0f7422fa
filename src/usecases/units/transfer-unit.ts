import { isInScope } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { findOrgById } from '../../db/org-queries.ts';
import { updateUnitRow } from '../../db/unit-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { getUnit } from './get-unit.ts';
import { recordUnitHistory } from './record-unit-history.ts';

/**
 * Moves a unit to another brigade (辖区调整, the unit moved). The target must be a brigade in the actor's
 * subtree or a sibling brigade of the same 支队 (a brigade admin hands a unit over to a neighbour).
 */
export async function transferUnit(ctx: UseCaseContext, id: string, input: { brigadeId: string; reason: string }) {
  requirePermission(ctx.actor, 'registry.manage');
  return ctx.db.transaction(async (tx) => {
    const { unit, brigade } = await getUnit(ctx, id, tx);
    const target = await findOrgById(tx, input.brigadeId);
    const reachable = target && (isInScope(ctx.actor, target.path) || target.parentId === brigade.parentId);
    if (!target || !reachable) throw new DomainError('VALIDATION_FAILED', '转入大队：不存在', { field: 'brigadeId' });
    if (target.kind !== 'brigade') throw new DomainError('VALIDATION_FAILED', '转入大队：只能转到大队', { field: 'brigadeId' });
    if (target.id === brigade.id) throw new DomainError('VALIDATION_FAILED', '转入大队：与当前所属大队相同', { field: 'brigadeId' });
    await updateUnitRow(tx, id, { brigadeId: target.id, updatedAt: ctx.now });
    const summary = { from: brigade.name, to: target.name, reason: input.reason };
    await recordUnitHistory(tx, ctx, [{ unitId: id, kind: 'transfer', summary }]);
    await recordAudit(tx, ctx, { action: 'unit.transfer', targetType: 'unit', targetId: id, orgId: target.id, summary: { name: unit.name, ...summary, fromId: brigade.id, toId: target.id } });
    return { id, brigadeId: target.id, brigadeName: target.name, stillVisible: isInScope(ctx.actor, target.path) };
  });
}

import { DomainError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { findUnitByUscc, insertUnit } from '../../db/unit-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { requireOrgInScope } from '../lib/require-org-in-scope.ts';
import { recordUnitHistory } from './record-unit-history.ts';
import { validateUnitFields, type UnitFieldValues } from './validate-unit-fields.ts';

const alreadyRegistered = (name: string, brigadeName: string) =>
  new DomainError('CONFLICT', `统一社会信用代码：已登记为「${name}」（${brigadeName}）`, { field: 'uscc' });

/** Registers a unit in a brigade of the actor's subtree. A credit code is unique across the whole system. */
export async function createUnit(ctx: UseCaseContext, input: UnitFieldValues & { brigadeId: string }) {
  requirePermission(ctx.actor, 'registry.manage');
  const brigade = await requireOrgInScope(ctx, ctx.db, input.brigadeId, { name: 'brigadeId', label: '所属大队' });
  if (brigade.kind !== 'brigade') throw new DomainError('VALIDATION_FAILED', '所属大队：检查对象只能登记在大队', { field: 'brigadeId' });
  const { values } = await validateUnitFields(ctx.db, input);
  const existing = await findUnitByUscc(ctx.db, values.uscc);
  if (existing) throw alreadyRegistered(existing.unit.name, existing.brigade.name);
  try {
    return await ctx.db.transaction(async (tx) => {
      const id = await insertUnit(tx, { ...values, brigadeId: brigade.id, createdAt: ctx.now, updatedAt: ctx.now });
      await recordUnitHistory(tx, ctx, [{ unitId: id, kind: 'create', summary: { name: values.name, uscc: values.uscc, brigade: brigade.name } }]);
      await recordAudit(tx, ctx, {
        action: 'unit.create',
        targetType: 'unit',
        targetId: id,
        orgId: brigade.id,
        summary: { name: values.name, uscc: values.uscc, category: values.category },
      });
      return id;
    });
  } catch (e) {
    if (isUniqueViolation(e, 'units_uscc_key')) {
      const clash = await findUnitByUscc(ctx.db, values.uscc);
      throw alreadyRegistered(clash?.unit.name ?? '', clash?.brigade.name ?? '');
    }
    throw e;
  }
}

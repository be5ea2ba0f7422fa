import { DomainError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { updateUnitRow, type UnitRow } from '../../db/unit-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { getUnit } from './get-unit.ts';
import { recordUnitHistory } from './record-unit-history.ts';
import { validateUnitFields, type UnitFieldValues } from './validate-unit-fields.ts';
import { changedFields } from '../../domain/changes.ts';

const EDITABLE: (keyof UnitFieldValues)[] = [
  'name', 'uscc', 'registeredAddress', 'address', 'districtCode', 'street', 'community', 'category', 'isCrowded', 'isFlammable',
  'isHighRise', 'industry', 'buildingScale', 'riskLevel', 'creditLevel', 'tags', 'legalRepresentative', 'contactName',
  'contactPhone', 'safetyOwner', 'safetyManager', 'source',
];

/** Edits a unit's fields; the history and the audit entry record each changed field as [before, after]. */
export async function updateUnit(ctx: UseCaseContext, id: string, patch: Partial<UnitFieldValues>) {
  requirePermission(ctx.actor, 'registry.manage');
  try {
    await ctx.db.transaction(async (tx) => {
      const { unit, brigade } = await getUnit(ctx, id, tx);
      const merged = { ...pick(unit), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as UnitFieldValues;
      const { values } = await validateUnitFields(tx, merged);
      const changes = changedFields(unit, values, EDITABLE);
      if (Object.keys(changes).length === 0) return;
      await updateUnitRow(tx, id, { ...values, updatedAt: ctx.now });
      await recordUnitHistory(tx, ctx, [{ unitId: id, kind: 'update', summary: { changes } }]);
      await recordAudit(tx, ctx, { action: 'unit.update', targetType: 'unit', targetId: id, orgId: brigade.id, summary: { name: values.name, changes } });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'units_uscc_key')) throw new DomainError('CONFLICT', '统一社会信用代码：已被其他单位使用', { field: 'uscc' });
    throw e;
  }
}

function pick(unit: UnitRow): UnitFieldValues {
  return Object.fromEntries(EDITABLE.map((k) => [k, unit[k]])) as UnitFieldValues;
}

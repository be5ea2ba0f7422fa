import { AVAILABILITY_KIND_LABELS } from '../../domain/registry/inspector-rules.ts';
import { DomainError } from '../../domain/errors.ts';
import { findAvailabilityById, updateAvailabilityRow } from '../../db/inspector-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { getInspector } from './get-inspector.ts';

/** Ends a period early (解冻, 销假, 抽调结束) with a reason; the period itself stays on record. */
export async function liftAvailability(ctx: UseCaseContext, periodId: string, reason: string): Promise<string> {
  requirePermission(ctx.actor, 'registry.manage');
  return ctx.db.transaction(async (tx) => {
    const period = await findAvailabilityById(tx, periodId);
    if (!period) throw new DomainError('NOT_FOUND', '记录不存在');
    const { inspector, org } = await getInspector(ctx, period.inspectorId, tx);
    if (period.liftedAt) throw new DomainError('CONFLICT', '该记录已解除');
    await updateAvailabilityRow(tx, periodId, { liftedAt: ctx.now, liftedBy: ctx.actor.accountId, liftReason: reason });
    await recordAudit(tx, ctx, {
      action: 'inspector.availability_lift',
      targetType: 'inspector',
      targetId: inspector.id,
      orgId: org.id,
      summary: { name: inspector.name, kind: period.kind, kindLabel: AVAILABILITY_KIND_LABELS[period.kind], from: period.fromDate, to: period.toDate, reason, periodId },
    });
    return inspector.id;
  });
}

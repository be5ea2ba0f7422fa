import { AVAILABILITY_KIND_LABELS, type AvailabilityKind } from '../../domain/registry/inspector-rules.ts';
import { insertAvailability } from '../../db/inspector-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { getInspector } from './get-inspector.ts';

/**
 * Records a 请假 / 抽调 / 冻结 period (the inspector cannot be drawn while it lasts). Only admins of the
 * inspector's subtree; every period is audited and visible to 纪检, freezing above all.
 */
export async function addAvailability(
  ctx: UseCaseContext,
  inspectorId: string,
  input: { kind: AvailabilityKind; from: string; to?: string | null | undefined; reason: string },
) {
  requirePermission(ctx.actor, 'registry.manage');
  await ctx.db.transaction(async (tx) => {
    const { inspector, org } = await getInspector(ctx, inspectorId, tx);
    const periodId = await insertAvailability(tx, { inspectorId, kind: input.kind, fromDate: input.from, toDate: input.to ?? null, reason: input.reason, createdBy: ctx.actor.accountId, createdAt: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'inspector.availability',
      targetType: 'inspector',
      targetId: inspectorId,
      orgId: org.id,
      summary: { name: inspector.name, kind: input.kind, kindLabel: AVAILABILITY_KIND_LABELS[input.kind], from: input.from, to: input.to ?? null, reason: input.reason, periodId },
    });
  });
}

import { and, eq } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import { draws, tasks } from '../../db/schema.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { readableDraw } from './draw-access.ts';

/**
 * 作废: a draw is never deleted or re-drawn. Voiding needs a reason; the draw, its manifest and its would-be
 * result stay visible (portal and audit log), its open tasks are cancelled, and the plan may then be drawn
 * again only with a new manifest naming new external values.
 */
export async function voidDraw(ctx: UseCaseContext, drawId: string, reason: string): Promise<void> {
  requirePermission(ctx.actor, 'draws.manage');
  await ctx.db.transaction(async (tx) => {
    const { draw, org } = await readableDraw(ctx, drawId, tx, true);
    if (draw.status === 'voided') throw new DomainError('CONFLICT', '该抽取已作废');
    await tx.update(draws).set({ status: 'voided', voidedAt: ctx.now, voidedBy: ctx.actor.accountId, voidReason: reason }).where(eq(draws.id, drawId));
    const cancelled = await tx
      .update(tasks)
      .set({ status: 'cancelled', updatedAt: ctx.now })
      .where(and(eq(tasks.drawId, drawId), eq(tasks.status, 'assigned')))
      .returning({ id: tasks.id });
    await recordAudit(tx, ctx, {
      action: 'draw.void',
      targetType: 'draw',
      targetId: drawId,
      orgId: org.id,
      summary: { drawId: draw.code, reason, wasExecuted: draw.status === 'executed', resultHash: draw.resultHash, cancelledTasks: cancelled.length },
    });
  });
}

import { updateTaskRow } from '../../db/draw-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { lockFieldTask } from './field-task-access.ts';

/** The inspectors arrive (检查中). Starting a task already started changes nothing: a repeat from the device is harmless. */
export async function startTask(ctx: UseCaseContext, taskId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { task } = await lockFieldTask(tx, ctx, taskId, 'start');
    if (task.status === 'in_progress') return;
    await updateTaskRow(tx, taskId, { status: 'in_progress', startedAt: ctx.now, updatedAt: ctx.now });
    await recordAudit(tx, ctx, { action: 'task.start', targetType: 'task', targetId: taskId, orgId: task.orgId, summary: { visitDate: task.visitDate } });
  });
}

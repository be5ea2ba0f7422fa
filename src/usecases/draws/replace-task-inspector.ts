import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { INSPECTOR_ROLE_LABELS } from '../../domain/registry/inspector-rules.ts';
import { insertTaskChange, updateTaskRow } from '../../db/draw-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { attachedFilesOf } from '../files/attached-files.ts';
import { lockOpenTask, nextBackup, stoodDownFrom } from './task-replacement.ts';

/**
 * 递补 of an inspector who cannot go (leave, illness, a conflict found late): the next eligible person in the
 * task's published backup order for that role takes the place. Reason and evidence are required; the change is
 * audited and listed publicly as a change since the draw.
 */
export async function replaceTaskInspector(
  ctx: UseCaseContext,
  taskId: string,
  input: { inspectorId: string; reason: string; evidence: string; evidenceFiles?: readonly string[] },
): Promise<{ replacementId: string }> {
  requirePermission(ctx.actor, 'draws.manage');
  return ctx.db.transaction(async (tx) => {
    const found = await lockOpenTask(tx, ctx, taskId, 'replace_inspector');
    const evidenceFiles = await attachedFilesOf(tx, input.evidenceFiles ?? []);
    const { task, draw } = found;
    const role = task.leadIds.includes(input.inspectorId) ? 'lead' : task.assistantIds.includes(input.inspectorId) ? 'assistant' : null;
    if (!role) throw new DomainError('VALIDATION_FAILED', '检查人员：不在该任务中', { field: 'inspectorId' });
    const backups = task.backups[role];
    const replacement = await nextBackup(tx, {
      backups,
      role,
      unitId: task.unitId,
      exclude: new Set([...task.leadIds, ...task.assistantIds, ...(await stoodDownFrom(tx, task))]),
      manifest: draw.manifest,
      today: localDate(ctx.now),
      dueDate: task.dueDate,
    });
    if (!replacement) throw new DomainError('CONFLICT', `${INSPECTOR_ROLE_LABELS[role]}的递补顺序已用尽，没有可递补的人员`);
    const swap = (ids: string[]) => ids.map((id) => (id === input.inspectorId ? replacement : id));
    await updateTaskRow(tx, taskId, role === 'lead' ? { leadIds: swap(task.leadIds), updatedAt: ctx.now } : { assistantIds: swap(task.assistantIds), updatedAt: ctx.now });
    await insertTaskChange(tx, { drawId: draw.id, taskId, kind: 'inspector_replaced', role, fromId: input.inspectorId, toId: replacement, reason: input.reason, evidence: input.evidence, evidenceFiles, by: ctx.actor.accountId, at: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'task.replace_inspector',
      targetType: 'task',
      targetId: taskId,
      orgId: found.org.id,
      summary: { drawId: draw.code, unitId: task.unitId, role, from: input.inspectorId, to: replacement, reason: input.reason, evidence: input.evidence, evidenceFiles: evidenceFiles.map((f) => `${f.fileName}（${f.sha256}）`) },
    });
    return { replacementId: replacement };
  });
}

import { isInScope } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { fromHex } from '../../domain/crypto/sha256.ts';
import { assignInspectors } from '../../domain/draw/assign-inspectors.ts';
import type { InspectorRole } from '../../domain/registry/inspector-rules.ts';
import { findUnitBrigade, insertTask, insertTaskChange, unitIdsWithTasks, updateTaskRow } from '../../db/draw-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { attachedFilesOf } from '../files/attached-files.ts';
import { lockOpenTask, nextBackup, stoodDownFrom } from './task-replacement.ts';

/**
 * 递补 of a unit found closed, gone or not operating: its task is marked replaced and the next unused
 * alternate of the same stratum (the published order) gets a task, under the alternate's own brigade, and
 * with a reason and evidence.
 * - Same inspector pool: the same inspectors go — any of them with a conflict with the new unit gives way to
 *   the next backup of that role.
 * - Another pool (a cross-region draw): the old team may not serve there, so the team and backups are those
 *   draw-algorithm.md §6 gives the alternate as a task of its own (the draw's seed, loads from zero): anyone can
 *   recompute them from the bundle, and nobody picks them.
 */
export async function replaceTaskUnit(ctx: UseCaseContext, taskId: string, input: { reason: string; evidence: string; evidenceFiles?: readonly string[] }): Promise<{ taskId: string; unitId: string }> {
  requirePermission(ctx.actor, 'draws.manage');
  return ctx.db.transaction(async (tx) => {
    const found = await lockOpenTask(tx, ctx, taskId, 'replace_unit');
    const evidenceFiles = await attachedFilesOf(tx, input.evidenceFiles ?? []);
    const { task, draw } = found;
    const result = draw.result!;
    const stratum = result.strata.find((s) => s.code === task.stratum)!;
    const existing = await unitIdsWithTasks(tx, draw.id);
    const index = stratum.alternates.findIndex((id) => !existing.has(id));
    if (index < 0) throw new DomainError('CONFLICT', '该分层的备选单位已用尽，无法递补');
    const unitId = stratum.alternates[index]!;
    const manifest = draw.manifest;
    const today = localDate(ctx.now);
    const alternateIndex = manifest.candidates.findIndex((c) => c[0] === unitId);
    const samePool = manifest.candidates[alternateIndex]?.[3] === manifest.candidates.find((c) => c[0] === task.unitId)?.[3];
    const team = samePool ? null : assignInspectors(manifest, fromHex(result.seed), [alternateIndex])[0]!;
    const backups = team ? { lead: [...team.backups.lead], assistant: [...team.backups.assistant] } : task.backups;
    const conflicted = new Set(manifest.conflicts.filter((c) => c[1] === unitId).map((c) => c[0]));
    const staff: Record<InspectorRole, string[]> = team
      ? { lead: [...team.lead], assistant: [...team.assistant] }
      : { lead: [...task.leadIds], assistant: [...task.assistantIds] };
    const stoodDown = await stoodDownFrom(tx, task);
    for (const role of ['lead', 'assistant'] as const) {
      for (const [i, id] of staff[role].entries()) {
        if (!conflicted.has(id)) continue;
        const exclude = new Set([...staff.lead, ...staff.assistant, ...stoodDown]);
        const replacement = await nextBackup(tx, { backups: backups[role], role, unitId, exclude, manifest, today, dueDate: task.dueDate });
        if (!replacement) throw new DomainError('CONFLICT', '备选单位与现有检查人员存在回避关系，且没有可递补的人员');
        staff[role][i] = replacement;
      }
    }
    const unit = await findUnitBrigade(tx, unitId);
    // The alternate's task belongs to its own brigade: one brigade does not create another's tasks.
    if (unit && !isInScope(ctx.actor, unit.brigadePath)) {
      throw new DomainError('FORBIDDEN', '下一家备选单位属于其他大队，须由组织本次抽取的上级单位办理递补');
    }
    await updateTaskRow(tx, taskId, { status: 'replaced', updatedAt: ctx.now });
    const newTaskId = await insertTask(tx, {
      drawId: draw.id,
      orgId: unit?.brigadeId ?? task.orgId,
      unitId,
      stratum: task.stratum,
      rank: stratum.selected.length + index,
      leadIds: staff.lead,
      assistantIds: staff.assistant,
      backups,
      dueDate: task.dueDate,
      replacesTaskId: taskId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await insertTaskChange(tx, { drawId: draw.id, taskId, kind: 'unit_replaced', role: null, fromId: task.unitId, toId: unitId, reason: input.reason, evidence: input.evidence, evidenceFiles, by: ctx.actor.accountId, at: ctx.now });
    await recordAudit(tx, ctx, {
      action: 'task.replace_unit',
      targetType: 'task',
      targetId: taskId,
      orgId: found.org.id,
      summary: {
        drawId: draw.code,
        stratum: task.stratum,
        from: task.unitId,
        to: unitId,
        newTask: newTaskId,
        team: samePool ? 'kept' : 'drawn_for_the_alternate',
        reason: input.reason,
        evidence: input.evidence,
        evidenceFiles: evidenceFiles.map((f) => `${f.fileName}（${f.sha256}）`),
      },
    });
    return { taskId: newTaskId, unitId };
  });
}

import { DomainError } from '../../domain/errors.ts';
import { HAZARD_EVENT_LABELS, HAZARD_STAGE_LABELS, isTerminalHazardStage, nextHazardStage, type HazardEvent, type HazardStage } from '../../domain/hazards/hazard-stage.ts';
import { localDate } from '../../domain/local-date.ts';
import { decideTaskAction, type TaskStatus } from '../../domain/tasks/task-lifecycle.ts';
import type { Tx } from '../../db/client.ts';
import { findTask, updateTaskRow } from '../../db/draw-queries.ts';
import { findHazards, hazardsOfTask, updateHazard, type HazardRow } from '../../db/hazard-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';

/** Facts that come with a move: the notice and its correction deadline, the 复查 task, the case. */
export type HazardMoveFacts = {
  noticeId?: string | null;
  correctionDue?: string | null;
  reinspectionTaskId?: string | null;
  caseId?: string | null;
};

/**
 * Moves hazards by one event (src/domain/hazards/hazard-stage.ts) inside the caller's transaction, one audit entry per
 * hazard ('hazard.stage'). Every hazard must accept the event: otherwise nothing moves (409 naming the hazard and its
 * stage). Terminal stages set closedOn (today, China time). Then each task whose hazards are all terminal is closed.
 */
export async function moveHazards(tx: Tx, ctx: UseCaseContext, hazardIds: readonly string[], event: HazardEvent, facts: HazardMoveFacts = {}): Promise<HazardRow[]> {
  const rows = await findHazards(tx, hazardIds, true);
  if (rows.length !== new Set(hazardIds).size) throw new DomainError('NOT_FOUND', '部分隐患不存在');
  const today = localDate(ctx.now);
  const moved: HazardRow[] = [];
  for (const row of rows) {
    const from = row.stage as HazardStage;
    const to = nextHazardStage(from, event);
    if (to === null) throw new DomainError('CONFLICT', `隐患 ${row.seq}（${row.description.slice(0, 20)}）当前为「${HAZARD_STAGE_LABELS[from]}」，不能进行此操作`);
    const patch = {
      stage: to,
      updatedAt: ctx.now,
      ...(facts.noticeId !== undefined ? { noticeId: facts.noticeId } : {}),
      ...(facts.correctionDue !== undefined ? { correctionDue: facts.correctionDue } : {}),
      ...(facts.reinspectionTaskId !== undefined ? { reinspectionTaskId: facts.reinspectionTaskId } : {}),
      ...(facts.caseId !== undefined ? { caseId: facts.caseId } : {}),
      closedOn: isTerminalHazardStage(to) ? today : null,
    };
    await updateHazard(tx, row.id, patch);
    await recordAudit(tx, ctx, {
      action: 'hazard.stage',
      targetType: 'hazard',
      targetId: row.id,
      orgId: row.orgId,
      summary: { event: HAZARD_EVENT_LABELS[event], from: HAZARD_STAGE_LABELS[from], to: HAZARD_STAGE_LABELS[to], task: row.taskId, ...facts },
    });
    moved.push({ ...row, ...patch });
  }
  for (const taskId of new Set(rows.map((r) => r.taskId))) await closeTaskIfSettled(tx, ctx, taskId);
  return moved;
}

/**
 * Closes a task (已办结) once it has hazards and every one is in a terminal stage. A task without hazards keeps its
 * status: 已检查 is final for an inspection that found nothing. Returns whether it closed.
 */
export async function closeTaskIfSettled(tx: Tx, ctx: UseCaseContext, taskId: string): Promise<boolean> {
  const found = await findTask(tx, taskId, true);
  if (!found) return false;
  const all = await hazardsOfTask(tx, taskId);
  if (all.length === 0 || !all.every((h) => isTerminalHazardStage(h.stage as HazardStage))) return false;
  const decision = decideTaskAction(found.task.status as TaskStatus, 'close', 'admin');
  if (!decision.ok) return false;
  await updateTaskRow(tx, taskId, { status: decision.next, updatedAt: ctx.now });
  return true;
}

import { DomainError } from '../../domain/errors.ts';
import { decideTaskAction, type TaskStatus } from '../../domain/tasks/task-lifecycle.ts';
import type { InspectorRole } from '../../domain/registry/inspector-rules.ts';
import type { Manifest } from '../../domain/draw/draw-types.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { findDraw, findTask, inspectorsReplacedOn, loadRecusalsInPeriod, replacedTaskIdOf } from '../../db/draw-queries.ts';
import { findInspectorsByIds, listAvailability } from '../../db/inspector-queries.ts';
import { drawabilityOf } from '../inspectors/inspector-facts.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope } from '../lib/require.ts';

/**
 * The task a 递补 changes, locked for the change: it must exist in the actor's scope, still be open (or, for a unit,
 * ended as 无法检查), and belong
 * to an executed draw (a voided draw's tasks are closed). The draw row is locked first, then the task, as
 * voiding does: every change to one draw's tasks waits for the one before (two 递补 of one stratum cannot take
 * the same alternate, and a void cannot miss a task created while it waited).
 */
export async function lockOpenTask(tx: Tx, ctx: UseCaseContext, taskId: string, action: 'replace_inspector' | 'replace_unit') {
  const peek = await findTask(tx, taskId);
  if (!peek) throw new DomainError('NOT_FOUND', '任务不存在');
  requireInScope(ctx.actor, peek.org.path, '任务');
  // A 复查 task follows a notice: no draw, no strata, no alternates.
  if (!peek.draw) throw new DomainError('CONFLICT', '复查任务不是抽取产生的任务，不能递补；如需更换检查人员请作废后重新安排复查');
  await findDraw(tx, peek.draw.id, true);
  const found = (await findTask(tx, taskId, true))!;
  const draw = found.draw!;
  // Open tasks (not yet inspected); a unit also after 无法检查 (the stratum's next alternate comes in, decision 0020).
  const decision = decideTaskAction(found.task.status as TaskStatus, action, 'admin');
  if (!decision.ok || draw.status !== 'executed') throw new DomainError('CONFLICT', '只有进行中的任务可以递补');
  return { ...found, draw };
}

/**
 * Everyone who stood down (an inspector 递补) from this task or from the tasks it replaced, back to the drawn
 * one: a person who could not go is not brought back by a later 递补.
 */
export async function stoodDownFrom(tx: Tx, task: { id: string; replacesTaskId: string | null }): Promise<Set<string>> {
  const ids = [task.id];
  for (let previous = task.replacesTaskId; previous !== null; previous = await replacedTaskIdOf(tx, previous)) ids.push(previous);
  return inspectorsReplacedOn(tx, ids);
}

/**
 * The first of `backups` (the published 递补 order) who can take the place today: not already on the task,
 * not excluded (someone who already stood down), drawable today in that role with a certificate valid to the
 * due date (as the freeze requires), and with no 回避 or manifest conflict with the unit during the task
 * period. Null when the order is exhausted.
 */
export async function nextBackup(
  db: DbOrTx,
  input: { backups: readonly string[]; role: InspectorRole; unitId: string; exclude: ReadonlySet<string>; manifest: Manifest; today: string; dueDate: string },
): Promise<string | null> {
  const options = input.backups.filter((id) => !input.exclude.has(id));
  if (options.length === 0) return null;
  const rows = await findInspectorsByIds(db, options);
  const availability = await listAvailability(db, options);
  const recused = new Set((await loadRecusalsInPeriod(db, options, input.today, input.dueDate)).filter((r) => r.unitId === input.unitId).map((r) => r.inspectorId));
  const conflicted = new Set(input.manifest.conflicts.filter((c) => c[1] === input.unitId).map((c) => c[0]));
  for (const id of options) {
    const i = rows.find((r) => r.id === id);
    if (!i || recused.has(id) || conflicted.has(id) || (i.certificateValidUntil ?? '') < input.dueDate) continue;
    if (drawabilityOf(i, availability.filter((a) => a.inspectorId === id), input.today, input.role).drawable) return id;
  }
  return null;
}

import { isInScope } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { findAccountById } from '../../db/account-queries.ts';
import { findDraw, findTask, inspectorNames, unitNames } from '../../db/draw-queries.ts';
import { findUnitById } from '../../db/unit-queries.ts';
import { loadTaskFieldFacts } from '../field/task-field-facts.ts';
import { loadTaskFollowUp } from '../reinspections/task-follow-up.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { loadDrawDetail } from './get-draw.ts';

/**
 * One task for its page — a 复查 task (kind 'reinspection': the notice it follows and its 复查意见书), or the task in its draw (people, status, notice, latest record), the changes that concern it,
 * the task its unit's 递补 handed over to or took over from, and the stratum's next unused alternate (who 递补检查对象
 * would bring in, decision 0020: offered after 无法检查) — with its 责令限期改正通知书 still waiting for a 复查. Readable in the actor's subtree, and by an inspector on the
 * task (我的任务 lists tasks of other brigades' draws too); NOT_FOUND otherwise.
 */
export async function getTask(ctx: UseCaseContext, id: string) {
  requirePermission(ctx.actor, 'plans.read');
  const found = await findTask(ctx.db, id);
  if (!found) throw new DomainError('NOT_FOUND', '任务不存在');
  if (!isInScope(ctx.actor, found.org.path)) {
    const inspectorId = (await findAccountById(ctx.db, ctx.actor.accountId))?.account.inspectorId ?? null;
    const onTask = inspectorId !== null && [...found.task.leadIds, ...found.task.assistantIds].includes(inspectorId);
    if (!onTask) throw new DomainError('NOT_FOUND', '任务不存在');
  }
  const followUp = await loadTaskFollowUp(ctx.db, found.task);
  if (!found.draw) {
    // A 复查 task: no draw, no strata, no 递补.
    const unit = (await findUnitById(ctx.db, found.task.unitId))!.unit;
    const names = await inspectorNames(ctx.db, [...found.task.leadIds, ...found.task.assistantIds]);
    const field = await loadTaskFieldFacts(ctx.db, [found.task.id]);
    const row = { task: found.task, unitName: unit.name, unitAddress: unit.address, orgName: found.org.name, drawCode: null };
    return { kind: 'reinspection' as const, row, names, field, orgPath: found.org.path, followUp };
  }
  const drawWithOrg = await findDraw(ctx.db, found.draw.id);
  if (!drawWithOrg) throw new DomainError('NOT_FOUND', '任务不存在');
  const detail = await loadDrawDetail(ctx.db, drawWithOrg);
  const row = detail.tasks.find((t) => t.task.id === id);
  if (!row) throw new DomainError('NOT_FOUND', '任务不存在');
  const byId = (taskId: string | null) => detail.tasks.find((t) => t.task.id === taskId) ?? null;
  const replacedBy = detail.tasks.find((t) => t.task.replacesTaskId === id) ?? null;
  const replaces = byId(row.task.replacesTaskId);
  const stratum = detail.draw.result?.strata.find((s) => s.code === row.task.stratum);
  const drawn = new Set(detail.tasks.map((t) => t.task.unitId));
  const nextId = stratum?.alternates.find((unitId) => !drawn.has(unitId)) ?? null;
  const nextName = nextId ? ((await unitNames(ctx.db, [nextId])).get(nextId) ?? nextId) : null;
  return {
    kind: 'draw' as const,
    followUp,
    detail,
    row,
    orgPath: found.org.path,
    replacedBy,
    replaces,
    nextAlternate: nextId && nextName ? { unitId: nextId, unitName: nextName } : null,
  };
}

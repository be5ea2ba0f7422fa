import { DomainError } from '../../domain/errors.ts';
import { inspectorNames, listTasks as listRows } from '../../db/draw-queries.ts';
import { findAccountById } from '../../db/account-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import type { TaskStatus } from '../../domain/tasks/task-lifecycle.ts';
import { loadTaskFieldFacts } from '../field/task-field-facts.ts';

/**
 * Tasks: all of the actor's subtree (admins, 纪检), or 我的任务 — the tasks the actor's own inspector record is
 * on as 主办 or 协办. An account not linked to an inspector has no tasks of its own.
 */
export async function listTasks(ctx: UseCaseContext, filter: { mine: boolean; status?: TaskStatus | undefined }) {
  requirePermission(ctx.actor, 'plans.read');
  let inspectorId: string | undefined;
  if (filter.mine) {
    const account = await findAccountById(ctx.db, ctx.actor.accountId);
    inspectorId = account?.account.inspectorId ?? undefined;
    if (!inspectorId) throw new DomainError('NOT_FOUND', '当前账号没有关联检查人员，没有「我的任务」');
  }
  const rows = await listRows(ctx.db, { scopePath: filter.mine ? null : scopePathOf(ctx.actor), ...(inspectorId ? { inspectorId } : {}), ...(filter.status ? { status: filter.status } : {}) });
  const names = await inspectorNames(ctx.db, rows.flatMap((r) => [...r.task.leadIds, ...r.task.assistantIds, ...r.task.backups.lead, ...r.task.backups.assistant]));
  const field = await loadTaskFieldFacts(ctx.db, rows.map((r) => r.task.id));
  return { rows, names, field };
}

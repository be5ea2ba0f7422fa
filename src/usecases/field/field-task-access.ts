import { DomainError } from '../../domain/errors.ts';
import { decideTaskAction, roleOnTask, type TaskAction, type TaskStatus } from '../../domain/tasks/task-lifecycle.ts';
import { findAccountById } from '../../db/account-queries.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { findTask } from '../../db/draw-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';

/** The inspector record of the acting account; field work needs one (403 otherwise). */
export async function inspectorOfActor(db: DbOrTx, ctx: UseCaseContext): Promise<string> {
  const found = await findAccountById(db, ctx.actor.accountId);
  const inspectorId = found?.account.inspectorId ?? null;
  if (!inspectorId) throw new DomainError('FORBIDDEN', '当前账号没有关联检查人员，不能进行现场检查');
  return inspectorId;
}

/**
 * The task a field action changes, locked, with the actor's role on it, once the lifecycle allows `action`: a task
 * that does not exist is 404; one the actor's inspector is not on is 403 (before its status is looked at); the wrong
 * status is 409, all in Chinese (src/domain/tasks/task-lifecycle.ts).
 */
export async function lockFieldTask(tx: Tx, ctx: UseCaseContext, taskId: string, action: TaskAction, outcome?: 'inspected' | 'unable') {
  const inspectorId = await inspectorOfActor(tx, ctx);
  const found = await findTask(tx, taskId, true);
  if (!found) throw new DomainError('NOT_FOUND', '任务不存在');
  const role = roleOnTask(found.task, inspectorId);
  const decision = decideTaskAction(found.task.status as TaskStatus, action, role, outcome);
  if (!decision.ok) throw new DomainError(decision.refusal === 'forbidden' ? 'FORBIDDEN' : 'CONFLICT', decision.message);
  if (found.draw && found.draw.status !== 'executed') throw new DomainError('CONFLICT', '任务所属的抽取已作废，不能再对本任务操作');
  return { ...found, role: role!, inspectorId, next: decision.next };
}

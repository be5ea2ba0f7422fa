import { canManageInScope } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { findAccountById } from '../../db/account-queries.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findDocumentDetail, findTaskPeople, type DocumentListRow } from '../../db/document-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

/** A document the actor may read (like records: plans.read, in scope), else 404. */
export async function readableDocument(ctx: UseCaseContext, db: DbOrTx, id: string): Promise<DocumentListRow> {
  requirePermission(ctx.actor, 'plans.read');
  const found = await findDocumentDetail(db, id);
  if (!found) throw new DomainError('NOT_FOUND', '文书不存在');
  requireInScope(ctx.actor, found.orgPath, '文书');
  return found;
}

/**
 * Whether the actor may issue, serve or correct documents of a task: the brigade's administrators (in scope, not
 * read-only), and the task's own inspectors (lead or assistant).
 */
export async function mayActOnTask(ctx: UseCaseContext, db: DbOrTx, orgPath: string, taskId: string | null): Promise<boolean> {
  if (canManageInScope(ctx.actor, 'draws.manage', orgPath)) return true;
  if (!taskId || ctx.actor.role !== 'inspector') return false;
  const inspectorId = (await findAccountById(db, ctx.actor.accountId))?.account.inspectorId ?? null;
  if (!inspectorId) return false;
  const people = await findTaskPeople(db, taskId);
  return people !== null && (people.leadIds.includes(inspectorId) || people.assistantIds.includes(inspectorId));
}

export async function requireActOnTask(ctx: UseCaseContext, db: DbOrTx, orgPath: string, taskId: string | null): Promise<void> {
  if (!(await mayActOnTask(ctx, db, orgPath, taskId))) throw new DomainError('FORBIDDEN', '只有本大队管理员和本任务的检查人员可以办理该任务的文书');
}

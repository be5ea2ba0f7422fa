import { DomainError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findCallbackRound, type CallbackRoundRow } from '../../db/callback-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

/** The round if the actor may read it (纪检 of the subtree, the system administrator), else NOT_FOUND / FORBIDDEN. */
export async function readableRound(ctx: UseCaseContext, id: string, db: DbOrTx = ctx.db, forUpdate = false) {
  requirePermission(ctx.actor, 'callbacks.read');
  const found = await findCallbackRound(db, id, forUpdate);
  if (!found) throw new DomainError('NOT_FOUND', '回访抽取不存在');
  requireInScope(ctx.actor, found.org.path, '回访抽取');
  return found;
}

/** The round locked for a change by 纪检 of the round's own org subtree. */
export async function changeableRound(ctx: UseCaseContext, id: string, db: DbOrTx) {
  requirePermission(ctx.actor, 'callbacks.manage');
  return readableRound(ctx, id, db, true);
}

export function requireFrozenRound(round: CallbackRoundRow): void {
  if (round.status === 'executed') throw new DomainError('CONFLICT', '该回访抽取已经执行，结果不可更改');
  if (round.status === 'voided') throw new DomainError('CONFLICT', '该回访抽取已作废');
}

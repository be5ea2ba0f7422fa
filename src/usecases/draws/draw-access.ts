import { DomainError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findDraw, listObservers, type DrawRow, type DrawWithOrg } from '../../db/draw-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireInScope, requirePermission } from '../lib/require.ts';

/** The draw if the actor may read it, else NOT_FOUND. `forUpdate` locks the row: steps of one draw serialise. */
export async function readableDraw(ctx: UseCaseContext, id: string, db: DbOrTx = ctx.db, forUpdate = false): Promise<DrawWithOrg> {
  requirePermission(ctx.actor, 'plans.read');
  const found = await findDraw(db, id, forUpdate);
  if (!found) throw new DomainError('NOT_FOUND', '抽取不存在');
  requireInScope(ctx.actor, found.org.path, '抽取');
  return found;
}

export function requireFrozen(draw: DrawRow): void {
  if (draw.status === 'executed') throw new DomainError('CONFLICT', '该抽取已经执行，结果不可更改');
  if (draw.status === 'voided') throw new DomainError('CONFLICT', '该抽取已作废');
}

/** A frozen draw locked for an observer's step (commitment or reveal), its observers, and the one named. */
export async function lockObserverStep(ctx: UseCaseContext, db: DbOrTx, drawId: string, observerId: string) {
  const found = await readableDraw(ctx, drawId, db, true);
  requireFrozen(found.draw);
  const observers = await listObservers(db, drawId);
  const observer = observers.find((o) => o.observerId === observerId);
  if (!observer) throw new DomainError('NOT_FOUND', '监督人不存在');
  return { ...found, observers, observer };
}

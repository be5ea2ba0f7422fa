import { canHandleCases, canReadCases } from '../../domain/cases/case-access.ts';
import { DomainError } from '../../domain/errors.ts';
import { findCase } from '../../db/case-queries.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findUnitById } from '../../db/unit-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';

/** The refusal when the actor may read but not act. */
export function requireHandler(ctx: UseCaseContext, orgPath: string): void {
  if (!canHandleCases(ctx.actor, orgPath)) throw new DomainError('FORBIDDEN', '只有本大队的大队管理员可以办理案件、移送和查封');
}

/**
 * A case the actor may read (outside the subtree it is "not found"); with `act`, one they may handle. `forUpdate`
 * locks the row: the steps of one case serialise.
 */
export async function loadCase(ctx: UseCaseContext, id: string, options: { db?: DbOrTx; act?: boolean; forUpdate?: boolean } = {}) {
  const found = await findCase(options.db ?? ctx.db, id, options.forUpdate ?? false);
  if (!found || !canReadCases(ctx.actor, found.org.path)) throw new DomainError('NOT_FOUND', '案件不存在');
  if (options.act) requireHandler(ctx, found.org.path);
  return found;
}

/** A unit the actor may read, with its brigade; with `act`, one whose cases they may handle. */
export async function loadUnitForCases(ctx: UseCaseContext, unitId: string, options: { db?: DbOrTx; act?: boolean } = {}) {
  const found = await findUnitById(options.db ?? ctx.db, unitId);
  if (!found || !canReadCases(ctx.actor, found.brigade.path)) throw new DomainError('NOT_FOUND', '单位不存在');
  if (options.act) requireHandler(ctx, found.brigade.path);
  return found;
}

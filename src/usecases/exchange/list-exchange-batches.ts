import { canManageInScope } from '../../domain/access.ts';
import { latestDeliveriesOf, listExchangeBatches } from '../../db/exchange-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requireExchangeRead } from './exchange-settings.ts';

/** 导出批次: the batches of the actor's subtree, newest first, each with its latest delivery and whether the actor may resend it. */
export async function listExchangeBatchesInScope(ctx: UseCaseContext, query: { page: number; pageSize: number }) {
  requireExchangeRead(ctx.actor);
  const { rows, total } = await listExchangeBatches(ctx.db, { scopePath: scopePathOf(ctx.actor), limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const deliveries = await latestDeliveriesOf(ctx.db, rows.map((r) => r.id));
  return {
    rows: rows.map((r) => ({ batch: r, delivery: deliveries.get(r.id) ?? null, canManage: canManageInScope(ctx.actor, 'registry.manage', r.orgPath) })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

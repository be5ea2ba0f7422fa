import type { RecordListQuery } from '../../contracts/field.ts';
import { listRecords as queryRecords } from '../../db/field-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/** Inspection records of the actor's subtree (every version), filtered by task, unit, inspector or outcome, newest first. */
export async function listRecords(ctx: UseCaseContext, query: RecordListQuery) {
  requirePermission(ctx.actor, 'plans.read');
  const { rows, total } = await queryRecords(ctx.db, {
    scopePath: scopePathOf(ctx.actor),
    taskId: query.taskId,
    unitId: query.unitId,
    inspectorId: query.inspectorId,
    outcome: query.outcome,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { rows, total, page: query.page, pageSize: query.pageSize };
}

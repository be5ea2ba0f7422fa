import type { CaseStatus } from '../../domain/cases/case-types.ts';
import { listCases as listRows } from '../../db/case-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { deadlinesOfCases } from './case-deadlines-of.ts';

/** The cases of the actor's subtree, newest first, with their deadlines. */
export async function listCases(ctx: UseCaseContext, query: { status?: CaseStatus | undefined; unitId?: string | undefined; page: number; pageSize: number }) {
  requirePermission(ctx.actor, 'plans.read');
  const { rows, total } = await listRows(ctx.db, { scopePath: scopePathOf(ctx.actor), ...query });
  const deadlines = await deadlinesOfCases(ctx.db, ctx.now, rows.map((r) => r.case));
  return { rows: rows.map((r) => ({ ...r, deadlines: deadlines.get(r.case.id)! })), total, page: query.page, pageSize: query.pageSize };
}

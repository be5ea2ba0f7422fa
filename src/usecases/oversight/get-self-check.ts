import type { SelfCheckDetailView, SelfCheckFindingView } from '../../contracts/self-checks.ts';
import { DomainError } from '../../domain/errors.ts';
import { findingSummary, type FindingKind } from '../../domain/oversight/self-check.ts';
import { findReport, markReportRead } from '../../db/self-check-queries.ts';
import { scopePathOf } from '../lib/actor.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { listItemOf, totalOf } from './list-self-checks.ts';

type StoredBrigade = { reportId: string; orgId: string; orgName: string; counts: Record<string, number> };

/** One report in the reader's scope (another brigade's is 「不存在」); opening it reads the reader's inbox items about it. */
export async function getSelfCheck(ctx: UseCaseContext, id: string): Promise<SelfCheckDetailView> {
  requirePermission(ctx.actor, 'plans.read');
  const found = await findReport(ctx.db, id);
  const scope = scopePathOf(ctx.actor);
  if (!found || (scope !== null && !found.orgPath.startsWith(scope))) throw new DomainError('NOT_FOUND', '检查报告不存在');
  await markReportRead(ctx.db, ctx.actor.accountId, id, ctx.now);
  const r = found.report;
  return {
    ...listItemOf({ ...r, orgName: found.orgName }),
    createdAt: r.createdAt.toISOString(),
    findings: r.findings as SelfCheckFindingView[],
    brigades: (r.brigades as StoredBrigade[]).map((b) => ({
      reportId: b.reportId,
      orgId: b.orgId,
      orgName: b.orgName,
      total: totalOf(b.counts),
      summary: findingSummary(b.counts as Record<FindingKind, number>),
    })),
  };
}

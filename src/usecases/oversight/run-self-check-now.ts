import { DomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { findOrgById } from '../../db/org-queries.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';
import { computeBrigadeFindings, saveBrigadeReport } from './check-brigade.ts';

/**
 * 「立即检查」: a brigade administrator runs the check for their brigade today, check day or not. The report is marked
 * manual and replaces the day's earlier manual one; the scheduled report of a check day is kept apart.
 */
export async function runSelfCheckNow(ctx: UseCaseContext): Promise<{ id: string }> {
  requirePermission(ctx.actor, 'plans.manage');
  if (ctx.actor.orgKind !== 'brigade') throw new DomainError('FORBIDDEN', '只有大队管理员可以立即检查本大队');
  const org = await findOrgById(ctx.db, ctx.actor.orgId);
  if (!org) throw new DomainError('NOT_FOUND', '所属大队不存在');
  const today = localDate(ctx.now);
  const calendar = await loadHolidayCalendar(ctx.db);
  const result = await computeBrigadeFindings(ctx.db, calendar, org, today);
  const id = await ctx.db.transaction((tx) => saveBrigadeReport(tx, ctx, org, today, result, true));
  return { id };
}

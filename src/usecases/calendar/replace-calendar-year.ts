import { replaceCalendarYear as replaceRows } from '../../db/calendar-queries.ts';
import { checkYearArrangement, type HolidayDay } from '../../domain/calendar/working-days.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { requirePermission } from '../lib/require.ts';

/**
 * Enters or replaces a year's 放假调休 arrangement (after the State Council publishes it), all rows in
 * one transaction with its audit entry. System administrators only.
 */
export async function replaceCalendarYear(
  ctx: UseCaseContext,
  year: number,
  input: { source: string; publishedOn: string | null; days: readonly HolidayDay[] },
): Promise<void> {
  requirePermission(ctx.actor, 'calendar.manage');
  checkYearArrangement(year, input.days);
  await ctx.db.transaction(async (tx) => {
    const { removed } = await replaceRows(tx, year, input, ctx.now);
    const holidays = input.days.filter((d) => d.kind === 'holiday').length;
    await recordAudit(tx, ctx, {
      action: 'calendar.update',
      targetType: 'calendar_year',
      targetId: String(year),
      orgId: null,
      summary: { year, source: input.source, publishedOn: input.publishedOn, holidays, workdays: input.days.length - holidays, removed },
    });
  });
}

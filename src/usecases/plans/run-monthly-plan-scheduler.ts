import { DomainError, isDomainError } from '../../domain/errors.ts';
import { localDate } from '../../domain/local-date.ts';
import type { YearMonth } from '../../domain/calendar/year-month.ts';
import { monthDueForGeneration } from '../../domain/plans/schedule.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { findAnnualPlan, listAnnualPlans, listMonthlyPlans } from '../../db/plan-queries.ts';
import type { SystemContext } from '../lib/context.ts';
import { writeMonthlyPlan } from './generate-monthly-plan.ts';

export type SchedulerOutcome = {
  annualPlanId: string;
  orgName: string;
  year: number;
  month: number;
  result: 'generated' | 'exists' | 'failed';
  message: string;
};

/**
 * The monthly-plan scheduler: on the last two working days of a month, generates next month's draft plan
 * for every published annual plan that does not have one yet (the server runs this hourly; the CLI runs it
 * on demand, optionally for an explicit month). Each plan is generated in its own transaction and audited
 * as 系统定时任务; a failure (no calendar for the year, a plan rule) is reported, never hidden.
 */
export async function runMonthlyPlanScheduler(ctx: SystemContext, options: { month?: YearMonth } = {}): Promise<{ due: YearMonth | null; outcomes: SchedulerOutcome[] }> {
  let due = options.month ?? null;
  if (!due) {
    const today = localDate(ctx.now);
    const calendar = await loadHolidayCalendar(ctx.db, [Number(today.slice(0, 4))]);
    due = monthDueForGeneration(calendar, today);
  }
  if (!due) return { due: null, outcomes: [] };
  const plans = await listAnnualPlans(ctx.db, { scopePath: null, year: due.year, publishedOnly: true });
  const existing = await listMonthlyPlans(ctx.db, { scopePath: null, year: due.year, month: due.month });
  const done = new Set(existing.map((m) => m.plan.annualPlanId));
  const outcomes: SchedulerOutcome[] = [];
  for (const { plan, org } of plans) {
    const base = { annualPlanId: plan.id, orgName: org.name, year: due.year, month: due.month };
    if (done.has(plan.id)) {
      outcomes.push({ ...base, result: 'exists', message: '本月计划已存在' });
      continue;
    }
    try {
      await ctx.db.transaction(async (tx) => {
        const annual = await findAnnualPlan(tx, plan.id, true);
        if (!annual) throw new DomainError('NOT_FOUND', '年度计划不存在');
        await writeMonthlyPlan(tx, { kind: 'system', ctx }, annual, due.month);
      });
      outcomes.push({ ...base, result: 'generated', message: '已生成月度计划草稿' });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      outcomes.push({ ...base, result: 'failed', message: e.message });
    }
  }
  return { due, outcomes };
}

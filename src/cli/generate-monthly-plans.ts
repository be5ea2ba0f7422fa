import { z } from 'zod';
import { parseYearMonth } from '../domain/calendar/year-month.ts';
import { atLocalTime } from '../domain/local-date.ts';
import type { Db } from '../db/client.ts';
import { runMonthlyPlanScheduler, type SchedulerOutcome } from '../usecases/plans/run-monthly-plan-scheduler.ts';
import { parseOptions } from './args.ts';

const RESULT_LABELS: Record<SchedulerOutcome['result'], string> = { generated: '已生成', exists: '已存在', failed: '失败' };

const Options = z.object({
  month: z
    .string()
    .transform((text, ctx) => {
      const month = parseYearMonth(text);
      if (!month) ctx.addIssue({ code: 'custom', message: '应为 YYYY-MM 格式的月份' });
      return month ?? z.NEVER;
    })
    .optional(),
  // z.iso.date checks the day exists: 2026-02-30 is refused, not rolled over to March.
  date: z.iso.date('应为 YYYY-MM-DD 格式的有效日期').optional(),
});

/** The options of `plans-generate`; a bad one throws CliError naming it. */
export function parseGenerateOptions(argv: string[]): z.infer<typeof Options> {
  return parseOptions(argv, ['month', 'date'], Options);
}

/**
 * `plans-generate`: what the server's scheduler does each hour, on demand. Without options it acts only on
 * the last two working days of the month (for next month); --month YYYY-MM generates that month now;
 * --date YYYY-MM-DD runs the scheduler as if it were that day (China time). Exit 1 when a plan failed.
 */
export async function runGenerateMonthlyPlans(db: Db, argv: string[]): Promise<number> {
  const { month, date } = parseGenerateOptions(argv);
  const now = date ? atLocalTime(date, '09:00') : new Date();
  const { due, outcomes } = await runMonthlyPlanScheduler({ db, ip: null, now, actorName: '命令行' }, month ? { month } : {});
  if (!due) {
    console.log('今天不是本月最后两个工作日，无需生成月度计划（可用 --month YYYY-MM 指定月份）。');
    return 0;
  }
  console.log(`${due.year} 年 ${due.month} 月：已发布的年度计划 ${outcomes.length} 个`);
  for (const o of outcomes) console.log(`  ${RESULT_LABELS[o.result]}  ${o.orgName}  ${o.message}`);
  return outcomes.some((o) => o.result === 'failed') ? 1 : 0;
}

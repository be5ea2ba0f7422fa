import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { runMonthlyPlanScheduler, type SchedulerOutcome } from '../usecases/plans/run-monthly-plan-scheduler.ts';
import { parseOptions } from './args.ts';

const RESULT_LABELS: Record<SchedulerOutcome['result'], string> = { generated: '已生成', exists: '已存在', failed: '失败' };

const Options = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为 YYYY-MM')
    .optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD')
    .optional(),
});

/**
 * `plans-generate`: what the server's scheduler does each hour, on demand. Without options it acts only on
 * the last two working days of the month (for next month); --month YYYY-MM generates that month now;
 * --date YYYY-MM-DD runs the scheduler as if it were that day (China time). Exit 1 when a plan failed.
 */
export async function runGenerateMonthlyPlans(db: Db, argv: string[]): Promise<number> {
  const options = parseOptions(argv, ['month', 'date'], Options);
  const now = options.date ? new Date(`${options.date}T09:00:00+08:00`) : new Date();
  const month = options.month ? { year: Number(options.month.slice(0, 4)), month: Number(options.month.slice(5, 7)) } : undefined;
  const { due, outcomes } = await runMonthlyPlanScheduler({ db, ip: null, now, actorName: '命令行' }, month ? { month } : {});
  if (!due) {
    console.log('今天不是本月最后两个工作日，无需生成月度计划（可用 --month YYYY-MM 指定月份）。');
    return 0;
  }
  console.log(`${due.year} 年 ${due.month} 月：已发布的年度计划 ${outcomes.length} 个`);
  for (const o of outcomes) console.log(`  ${RESULT_LABELS[o.result]}  ${o.orgName}  ${o.message}`);
  return outcomes.some((o) => o.result === 'failed') ? 1 : 0;
}

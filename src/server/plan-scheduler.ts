import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { runMonthlyPlanScheduler } from '../usecases/plans/run-monthly-plan-scheduler.ts';

const HOUR = 3600_000;

/**
 * Runs the monthly-plan scheduler a minute after start and then every hour (it acts only on the last two
 * working days of a month, and skips plans whose month already exists). Failures are logged; the timer never
 * keeps the process alive. Returns a function that stops it.
 */
export function startPlanScheduler(db: Db, log: FastifyBaseLogger, now: () => Date = () => new Date()): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { due, outcomes } = await runMonthlyPlanScheduler({ db, ip: null, now: now(), actorName: '系统定时任务' });
      if (due) {
        for (const o of outcomes) {
          if (o.result === 'exists') continue;
          const entry = { plan: o.annualPlanId, org: o.orgName, month: `${o.year}-${o.month}`, result: o.result };
          if (o.result === 'failed') log.error(entry, `月度计划生成失败：${o.message}`);
          else log.info(entry, '月度计划已生成');
        }
      }
    } catch (error) {
      log.error({ err: error }, '月度计划定时任务出错');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 60_000);
  const every = setInterval(() => void tick(), HOUR);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

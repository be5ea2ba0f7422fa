import type { FastifyBaseLogger } from 'fastify';
import { vacuumPortalTables, type Db } from '../../db/client.ts';
import { refreshStatisticsRollup } from '../../db/statistics-queries.ts';
import { CalendarYearMissingError } from '../../domain/calendar/working-days.ts';
import { dispatchExchangeDeliveries, type ExchangeSender } from '../../usecases/exchange/dispatch-exchange-deliveries.ts';
import { dispatchOutbox, type MessageChannel } from '../../usecases/outbox/dispatch-outbox.ts';
import { runSelfChecks } from '../../usecases/oversight/run-self-checks.ts';
import { runMonthlyPlanScheduler } from '../../usecases/plans/run-monthly-plan-scheduler.ts';
import { runPublicationJob } from '../../usecases/publication/run-publication-job.ts';
import { runReinspectionScheduler } from '../../usecases/reinspections/run-reinspection-scheduler.ts';

/** What a run of a background job is given. A run never throws: it logs what failed and returns. */
export type JobRun = { db: Db; log: FastifyBaseLogger; now: Date; stopped: () => boolean };

/**
 * A scheduled piece of background work (decision 0029). One definition, two runners: on PostgreSQL the pg-boss queue
 * runs it exactly once across every instance (`cron`, and for jobs more frequent than a minute a chain of delayed jobs
 * every `everyMs`); on PGlite, which one process owns, timers in that process (`firstAfterMs`, then every `everyMs`).
 */
export type BackgroundJob = {
  /** The queue's name (ASCII). */
  name: string;
  /** What the logs call it. */
  title: string;
  everyMs: number;
  firstAfterMs: number;
  /** The schedule on PostgreSQL, in China's time (Asia/Shanghai), minute granularity. */
  cron: string;
  /** How long a run may take before the queue gives it up (and lets the next one start). */
  expireInSeconds: number;
  run(job: JobRun): Promise<void>;
};

export type JobEnvironment = {
  vacuumPortal: boolean;
  statisticsCellsPerStep: number;
  channels: Partial<Record<'log' | 'sms', MessageChannel>>;
  exchangeSender: ExchangeSender;
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SYSTEM = { ip: null, actorName: '系统定时任务' } as const;

/**
 * Every scheduled job of the server. The jobs' use cases are idempotent (a month's plan, a notice's 复查 task, a day's
 * self-check report exist once by constraint; messages are leased), so a run repeated after a crash does no harm; the
 * queue keeps two runs of one job from overlapping.
 */
export function backgroundJobs(env: JobEnvironment): BackgroundJob[] {
  return [
    {
      name: 'monthly-plans',
      title: '月度计划定时任务',
      // Acts only on the last two working days of a month, and skips plans whose month already exists.
      everyMs: HOUR,
      firstAfterMs: MINUTE,
      cron: '7 * * * *',
      expireInSeconds: 30 * 60,
      run: async ({ db, log, now }) => {
        try {
          const { due, outcomes } = await runMonthlyPlanScheduler({ db, now, ...SYSTEM });
          if (!due) return;
          for (const o of outcomes) {
            if (o.result === 'exists') continue;
            const entry = { plan: o.annualPlanId, org: o.orgName, month: `${o.year}-${o.month}`, result: o.result };
            if (o.result === 'failed') log.error(entry, `月度计划生成失败：${o.message}`);
            else log.info(entry, '月度计划已生成');
          }
        } catch (error) {
          log.error({ err: error }, '月度计划定时任务出错');
        }
      },
    },
    {
      name: 'daily',
      title: '每日定时任务',
      // The 复查 scheduler (decision 0023), auto-publication (0024), on PGlite a VACUUM of the portal's tables, and on
      // the 10th and 20th (next working day) the brigades' self-checks. Daily on one process; hourly on the queue,
      // where a day's work done once is found done (the self-check report of a day exists once).
      everyMs: DAY,
      firstAfterMs: MINUTE,
      cron: '17 * * * *',
      expireInSeconds: 60 * 60,
      run: async ({ db, log, now }) => {
        try {
          for (const o of await runReinspectionScheduler({ db, now, ...SYSTEM })) {
            const entry = { notice: o.number, noticeId: o.noticeId, task: o.taskId, dueDate: o.dueDate };
            if (o.result === 'created') log.info(entry, '复查任务已生成');
            else if (o.result === 'skipped') log.warn(entry, `复查任务暂未生成：${o.message}`);
            else log.error(entry, `复查任务生成失败：${o.message}`);
          }
        } catch (error) {
          log.error({ err: error }, '复查定时任务出错');
        }
        try {
          const published = await runPublicationJob({ db, now, ...SYSTEM });
          if (published > 0) log.info({ published }, `已自动公示 ${published} 条`);
          // PGlite has no autovacuum: keep the portal's index-only search reading the indexes alone.
          if (env.vacuumPortal) await vacuumPortalTables(db);
        } catch (error) {
          log.error({ err: error }, '自动公示定时任务出错');
        }
        try {
          // 十日、二十日检查: only on a check day; a year without calendar data is logged, never guessed.
          const checks = await runSelfChecks({ db, now, ...SYSTEM });
          if (checks.brigades + checks.detachments > 0) log.info(checks, `十日、二十日检查已完成：${checks.brigades} 个大队，${checks.detachments} 个支队汇总`);
        } catch (error) {
          if (error instanceof CalendarYearMissingError) log.warn({ year: error.year }, `十日、二十日检查未运行：${error.message}`);
          else log.error({ err: error }, '十日、二十日检查定时任务出错');
        }
      },
    },
    {
      name: 'outbox',
      title: '消息发件箱',
      // Pending messages and exchange deliveries (decisions 0020, 0027), every 15 seconds.
      everyMs: 15 * SECOND,
      firstAfterMs: 5 * SECOND,
      cron: '* * * * *',
      expireInSeconds: 10 * 60,
      run: async ({ db, log, now }) => {
        try {
          for (const o of await dispatchOutbox(db, now, env.channels)) {
            if (o.result === 'sent') log.info({ message: o.id }, '消息已发送');
            else log.warn({ message: o.id, error: o.error }, o.result === 'failed' ? '消息发送失败，已停止重试' : '消息发送失败，稍后重试');
          }
          for (const o of await dispatchExchangeDeliveries(db, now, env.exchangeSender)) {
            if (o.result === 'sent') log.info({ delivery: o.id }, '数据交换批次已发送');
            else log.warn({ delivery: o.id, error: o.error }, o.result === 'failed' ? '数据交换批次发送失败，已停止重试' : '数据交换批次发送失败，稍后重试');
          }
        } catch (error) {
          log.error({ err: error }, '消息发件箱出错');
        }
      },
    },
    {
      name: 'statistics-rollup',
      title: '统计汇总',
      // Folds the statistics cells written since the last pass into the rollup (decision 0025), in steps of a few
      // cells, each its own short transaction: on PGlite, which runs one statement at a time, a request waits for at
      // most one step. Until folded a dirty cell is counted from the rows, so the figures are exact either way.
      everyMs: MINUTE,
      firstAfterMs: 10 * SECOND,
      cron: '* * * * *',
      expireInSeconds: 30 * 60,
      run: async ({ db, log, stopped }) => {
        let folded = 0;
        try {
          for (let n = -1; n !== 0 && !stopped(); folded += n) {
            n = Math.max(0, await refreshStatisticsRollup(db, { maxCells: env.statisticsCellsPerStep }));
            await new Promise((resolve) => setImmediate(resolve)); // let waiting requests in between steps
          }
          if (folded > 0) log.debug({ folded }, '统计汇总已更新');
        } catch (error) {
          log.error({ err: error }, '统计汇总更新出错');
        }
      },
    },
  ];
}

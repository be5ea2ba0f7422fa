import type { FastifyBaseLogger } from 'fastify';
import PgBoss from 'pg-boss';
import type { Db } from '../../db/client.ts';
import type { BackgroundJob } from './background-jobs.ts';

/** The schema pg-boss keeps its tables in, beside ours. */
export const JOB_QUEUE_SCHEMA = 'pgboss';
const TIME_ZONE = 'Asia/Shanghai';

export type JobQueue = { stop(): Promise<void>; boss: PgBoss };

/**
 * Runs the jobs through pg-boss on PostgreSQL (decision 0029), so that however many instances share the database,
 * each due run happens once: every instance schedules the same crons (pg-boss turns a cron into at most one job per
 * minute, whichever instance's clock sees it first), every instance works the queues (a job is fetched by one worker,
 * `FOR UPDATE SKIP LOCKED`), and each queue is `stately` — at most one run waiting and one running, so two instances
 * never run one job at once. A job more frequent than a minute chains itself: a run's end queues the next after
 * `everyMs` (refused while one is waiting), and the minute's cron restarts the chain if every instance was down.
 */
export async function startJobQueue(
  connectionString: string,
  jobs: readonly BackgroundJob[],
  db: Db,
  log: FastifyBaseLogger,
  options: {
    now?: () => Date;
    pollingIntervalSeconds?: number;
    /**
     * Runs pg-boss's start and the queues' creation under the instances' start-up lock: pg-boss creates a queue's
     * table in a transaction of its own, and two instances creating the same queues at once deadlocked (seen in CI).
     */
    exclusively?: <T>(work: () => Promise<T>) => Promise<T>;
  } = {},
): Promise<JobQueue> {
  const now = options.now ?? (() => new Date());
  const boss = new PgBoss({
    connectionString,
    schema: JOB_QUEUE_SCHEMA,
    application_name: 'xf-jobs',
    max: 4,
    // Job history is kept a week, for the audit of who ran what when.
    deleteAfterDays: 7,
  });
  boss.on('error', (error) => log.error({ err: error }, '任务队列出错'));
  let stopped = false;
  const exclusively = options.exclusively ?? (<T>(work: () => Promise<T>) => work());
  await exclusively(async () => {
    await boss.start();
    for (const job of jobs) {
      await boss.createQueue(job.name, { name: job.name, policy: 'stately', retryLimit: 0, expireInSeconds: job.expireInSeconds });
      await boss.schedule(job.name, job.cron, {}, { tz: TIME_ZONE });
    }
  });
  const chained = jobs.filter((job) => job.everyMs < 60_000);
  const queueNext = (job: BackgroundJob, afterMs: number) =>
    boss.send(job.name, {}, { startAfter: Math.max(1, Math.round(afterMs / 1000)) }).catch((error: unknown) => log.error({ err: error }, `${job.title}：排队失败`));
  for (const job of jobs) {
    await boss.work(job.name, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async () => {
      try {
        await job.run({ db, log, now: now(), stopped: () => stopped });
      } finally {
        if (chained.includes(job) && !stopped) await queueNext(job, job.everyMs);
      }
    });
  }
  // Start each chain (the first instance's send wins; the queue refuses a second waiting run).
  for (const job of chained) await queueNext(job, job.firstAfterMs);
  return {
    boss,
    stop: async () => {
      stopped = true;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

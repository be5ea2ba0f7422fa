import type { FastifyBaseLogger } from 'fastify';
import { CalendarYearMissingError } from '../domain/calendar/working-days.ts';
import { vacuumPortalTables, type Db } from '../db/client.ts';
import { runReinspectionScheduler } from '../usecases/reinspections/run-reinspection-scheduler.ts';
import { runPublicationJob } from '../usecases/publication/run-publication-job.ts';
import { runSelfChecks } from '../usecases/oversight/run-self-checks.ts';

const DAY = 24 * 3600_000;

/**
 * Runs the daily jobs a minute after start and then once a day: the 复查 scheduler (decision 0023) and the
 * auto-publication of pending entries where a brigade's policy asks for it (decision 0024), then on PGlite a VACUUM of
 * the portal's tables, then on the 10th and 20th (next working day) the brigades' self-checks (issue 16). Created tasks are logged; a
 * notice skipped for a year without calendar data is logged as a warning, a failure as an error; the timer never keeps
 * the process alive. Returns a function that stops it.
 */
export function startReinspectionScheduler(db: Db, log: FastifyBaseLogger, now: () => Date = () => new Date(), options: { vacuumPortal?: boolean } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const outcomes = await runReinspectionScheduler({ db, ip: null, now: now(), actorName: '系统定时任务' });
      for (const o of outcomes) {
        const entry = { notice: o.number, noticeId: o.noticeId, task: o.taskId, dueDate: o.dueDate };
        if (o.result === 'created') log.info(entry, '复查任务已生成');
        else if (o.result === 'skipped') log.warn(entry, `复查任务暂未生成：${o.message}`);
        else log.error(entry, `复查任务生成失败：${o.message}`);
      }
    } catch (error) {
      log.error({ err: error }, '复查定时任务出错');
    }
    try {
      const published = await runPublicationJob({ db, ip: null, now: now(), actorName: '系统定时任务' });
      if (published > 0) log.info({ published }, `已自动公示 ${published} 条`);
      // PGlite has no autovacuum: keep the portal's index-only search reading the indexes alone.
      if (options.vacuumPortal) await vacuumPortalTables(db);
    } catch (error) {
      log.error({ err: error }, '自动公示定时任务出错');
    }
    try {
      // 十日、二十日检查 (issue 16): only on a check day; a year without calendar data is logged, never guessed.
      const checks = await runSelfChecks({ db, ip: null, now: now(), actorName: '系统定时任务' });
      if (checks.brigades + checks.detachments > 0) log.info(checks, `十日、二十日检查已完成：${checks.brigades} 个大队，${checks.detachments} 个支队汇总`);
    } catch (error) {
      if (error instanceof CalendarYearMissingError) log.warn({ year: error.year }, `十日、二十日检查未运行：${error.message}`);
      else log.error({ err: error }, '十日、二十日检查定时任务出错');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 60_000);
  const every = setInterval(() => void tick(), DAY);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { BackgroundJob } from './background-jobs.ts';

/**
 * Runs the jobs on timers in this process (PGlite, which one process owns): each `firstAfterMs` after start, then
 * every `everyMs`, one run of a job at a time. The timers never keep the process alive. Returns a function that stops
 * them (a run under way finishes its current step).
 */
export function runJobsInProcess(jobs: readonly BackgroundJob[], db: Db, log: FastifyBaseLogger, now: () => Date = () => new Date()): () => void {
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    let running = false;
    const tick = async () => {
      if (running || stopped) return;
      running = true;
      try {
        await job.run({ db, log, now: now(), stopped: () => stopped });
      } finally {
        running = false;
      }
    };
    timers.push(setTimeout(() => void tick(), job.firstAfterMs), setInterval(() => void tick(), job.everyMs));
  }
  for (const timer of timers) timer.unref();
  return () => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
  };
}

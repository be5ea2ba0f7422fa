import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { refreshStatisticsRollup } from '../db/statistics-queries.ts';

const EVERY = 60_000;

/**
 * Folds the statistics cells written since the last pass (statistics_dirty) into the rollup, once a minute, in steps of
 * a few cells, each its own short transaction: on PGlite, which runs one statement at a time, a request waits for at
 * most one step. Until folded, a dirty cell is counted from the rows, so the figures are exact either way; folding only
 * keeps the dashboard fast. The first pass (after a migration every cell is dirty) runs 10 s after start. Returns a
 * function that stops it; the timer never keeps the process alive.
 */
export function startStatisticsRollupRefresher(db: Db, log: FastifyBaseLogger, options: { cellsPerStep?: number } = {}): () => void {
  const cellsPerStep = options.cellsPerStep ?? 20;
  // A step reads its cells' orgs over the months between them: a few cells at a time keeps each step short.
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running) return;
    running = true;
    let folded = 0;
    try {
      for (let n = -1; n !== 0 && !stopped; folded += n) {
        n = Math.max(0, await refreshStatisticsRollup(db, { maxCells: cellsPerStep }));
        await new Promise((resolve) => setImmediate(resolve)); // let waiting requests in between steps
      }
      if (folded > 0) log.debug({ folded }, '统计汇总已更新');
    } catch (error) {
      log.error({ err: error }, '统计汇总更新出错');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 10_000);
  const every = setInterval(() => void tick(), EVERY);
  first.unref();
  every.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
  };
}

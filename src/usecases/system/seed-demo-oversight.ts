import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import type { Db } from '../../db/client.ts';
import { latestCheckDayOnOrBefore } from '../../domain/oversight/check-days.ts';
import { localDate } from '../../domain/local-date.ts';
import { runSelfChecks } from '../oversight/run-self-checks.ts';

/**
 * The demo's oversight on a first start: the 10th/20th check the daily job would have run on the latest check day,
 * so 「十日、二十日检查」 and the inbox show a report (of the demo data as it stands) rather than an empty page. Run by
 * the server's first start and the demo template, after the demo draw; journeys seed without it.
 */
export async function seedDemoOversight(db: Db, now: Date): Promise<void> {
  const day = latestCheckDayOnOrBefore(await loadHolidayCalendar(db), localDate(now));
  if (!day) return;
  // 09:00 in China on the check day, when the daily job runs.
  await runSelfChecks({ db, ip: null, now: new Date(`${day}T01:00:00Z`), actorName: '系统定时任务' });
}

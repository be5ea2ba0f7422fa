import { addWorkingDays } from '../../domain/calendar/working-days.ts';
import { localDate } from '../../domain/local-date.ts';
import type { Db } from '../../db/client.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { listPublicationsInScope } from '../../db/publication-queries.ts';
import { actOnEntries } from '../publication/act-on-entries.ts';
import { demoContextFor } from './seed-demo-draw.ts';
import { skipRefusal } from './seed-demo-field-work.ts';

/**
 * 一公开 of the demo (issue 15), through the use cases: the entries last month's inspections and the penalty made are
 * published by 婺城's administrator a few working days after each event — except the oldest result, left in the queue
 * past its 20 working days (the queue shows it overdue), and the two newest, still within their period. So the portal
 * shows results on first start and the brigade's queue has work in it.
 */
export async function seedDemoPublication(db: Db, now: Date): Promise<void> {
  const today = localDate(now);
  const calendar = await loadHolidayCalendar(db);
  const entries = (await listPublicationsInScope(db, { scopePath: null, statuses: ['pending'], limit: 1000 })).map((r) => r.publication);
  const results = entries.filter((e) => e.kind === 'result').sort((a, b) => a.eventDate.localeCompare(b.eventDate) || a.id.localeCompare(b.id));
  const keep = new Set([results[0]?.id, ...results.slice(-2).map((r) => r.id)]);
  const toPublish = [...results.filter((r) => !keep.has(r.id)), ...entries.filter((e) => e.kind === 'penalty')];
  for (const [i, entry] of toPublish.entries()) {
    let on: string;
    try {
      on = addWorkingDays(calendar, entry.eventDate, 2 + (i % 4));
    } catch {
      continue;
    }
    if (on >= today) continue;
    const admin = await demoContextFor(db, 'wucheng', new Date(`${on}T03:00:00Z`));
    await skipRefusal(() => actOnEntries(admin, [entry.id], { action: 'publish' }));
  }
}

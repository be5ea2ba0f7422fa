import { caseDeadlines } from '../../domain/cases/case-deadlines.ts';
import { localDate } from '../../domain/local-date.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { firstServices, type CaseRow } from '../../db/case-queries.ts';
import type { DbOrTx } from '../../db/client.ts';

/** Each case's open deadlines as of `now` (decision due while open; payment due from the first service, else the decision). */
export async function deadlinesOfCases(db: DbOrTx, now: Date, rows: readonly CaseRow[]) {
  const result = new Map<string, ReturnType<typeof caseDeadlines>>();
  if (rows.length === 0) return result;
  const calendar = await loadHolidayCalendar(db);
  const served = await firstServices(db, rows.flatMap((c) => (c.decisionDocumentId ? [c.decisionDocumentId] : [])));
  const today = localDate(now);
  for (const c of rows) {
    const servedAt = c.decisionDocumentId ? served.get(c.decisionDocumentId) : undefined;
    result.set(c.id, caseDeadlines(calendar, today, { ...c, servedOn: servedAt ? localDate(servedAt) : null }));
  }
  return result;
}

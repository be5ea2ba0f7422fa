import { isCheckDay } from '../../domain/oversight/check-days.ts';
import { findingSummary, FINDING_KINDS, type FindingKind } from '../../domain/oversight/self-check.ts';
import { localDate } from '../../domain/local-date.ts';
import { loadHolidayCalendar } from '../../db/calendar-queries.ts';
import { activeAccountsWithRole, brigadeReportsOfDay, deliverInboxItems, findReportOfDay, listOrgsOfKind, saveReport } from '../../db/self-check-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { SystemContext } from '../lib/context.ts';
import { systemActorContext } from '../lib/system-actor.ts';
import { computeBrigadeFindings, saveBrigadeReport } from './check-brigade.ts';

export type SelfCheckRun = { checkDay: boolean; brigades: number; detachments: number };

/**
 * The daily job's step for 每月 10 日、20 日 的检查 (issue 16): on a check day (the 10th and 20th, rolled to the next
 * working day) a report for every brigade that has none for the day yet, then one summary per 支队 adding up its
 * brigades' counts, each in the inbox of its administrators. Idempotent per org and day: a second run adds nothing.
 * A day whose year has no holiday arrangement throws CalendarYearMissingError (the job logs it; no guess is made).
 */
export async function runSelfChecks(sys: SystemContext): Promise<SelfCheckRun> {
  const today = localDate(sys.now);
  const calendar = await loadHolidayCalendar(sys.db);
  if (!isCheckDay(calendar, today)) return { checkDay: false, brigades: 0, detachments: 0 };
  const ctx = systemActorContext(sys);
  let brigades = 0;
  for (const org of await listOrgsOfKind(sys.db, 'brigade')) {
    if (await findReportOfDay(sys.db, org.id, today, false)) continue;
    const result = await computeBrigadeFindings(sys.db, calendar, org, today);
    await sys.db.transaction(async (tx) => {
      if (await findReportOfDay(tx, org.id, today, false)) return;
      await saveBrigadeReport(tx, ctx, org, today, result, false);
      brigades += 1;
    });
  }
  let detachments = 0;
  for (const det of await listOrgsOfKind(sys.db, 'detachment')) {
    if (await findReportOfDay(sys.db, det.id, today, false)) continue;
    // A brigade's scheduled report of the day, else its manual one (ordered scheduled first).
    const seen = new Set<string>();
    const rows = (await brigadeReportsOfDay(sys.db, det.path, today)).filter((r) => !seen.has(r.orgId) && seen.add(r.orgId));
    const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, rows.reduce((n, r) => n + (r.counts[k] ?? 0), 0)])) as Record<FindingKind, number>;
    const summary = `${rows.length} 个大队：${findingSummary(counts)}`;
    await sys.db.transaction(async (tx) => {
      if (await findReportOfDay(tx, det.id, today, false)) return;
      const id = await saveReport(tx, {
        orgId: det.id,
        checkDate: today,
        kind: 'detachment',
        manual: false,
        findings: [],
        counts,
        brigades: rows.map((r) => ({ reportId: r.id, orgId: r.orgId, orgName: r.orgName, counts: r.counts })),
        summary,
        createdBy: null,
        createdAt: sys.now,
      });
      const recipients = await activeAccountsWithRole(tx, det.id, 'org_admin');
      const title = `${det.name} ${today} 十日、二十日检查汇总`;
      await deliverInboxItems(tx, recipients.map((a) => ({ accountId: a.id, orgId: det.id, title, body: summary, link: `/admin/self-checks/${id}`, reportId: id, createdAt: sys.now })));
      await recordAudit(tx, ctx, { action: 'oversight.self_check_summary', targetType: 'self_check_report', targetId: id, orgId: det.id, summary: { checkDate: today, findingSummary: summary } });
      detachments += 1;
    });
  }
  return { checkDay: true, brigades, detachments };
}

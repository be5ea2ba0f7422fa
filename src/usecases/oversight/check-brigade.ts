import type { HolidayCalendar } from '../../domain/calendar/working-days.ts';
import { findingCounts, findingSummary, runSelfCheck, type SelfCheckPublication } from '../../domain/oversight/self-check.ts';
import { publicationTiming } from '../../domain/publication/publication-rules.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { activeAccountsWithRole, deliverInboxItems, loadSelfCheckRows, saveReport } from '../../db/self-check-queries.ts';
import { recordAudit } from '../lib/audit.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { effectivePolicy } from '../publication/publication-policy.ts';

/** A brigade's findings on `today`, from its rows (no writes). */
export async function computeBrigadeFindings(db: DbOrTx, calendar: HolidayCalendar, org: { id: string; path: string }, today: string) {
  const rows = await loadSelfCheckRows(db, org.id);
  const policy = (await effectivePolicy(db, org.path)).policy;
  const overduePublications: SelfCheckPublication[] = [];
  for (const p of rows.pending) {
    const timing = publicationTiming(calendar, p, today, policy);
    if (timing.kind === 'overdue') overduePublications.push({ id: p.id, unitName: p.unitName, due: timing.due, overdueWorkingDays: timing.days });
  }
  const units = new Map(rows.openTasks.map((t) => [t.unitId, { id: t.unitId, name: t.unitName, address: t.address, contactPhone: t.contactPhone, districtCode: t.districtCode }]));
  const findings = runSelfCheck(calendar, {
    today,
    tasks: rows.openTasks,
    inspectors: rows.people.map((p) => ({
      id: p.id,
      name: p.name,
      active: p.status === 'active',
      absences: rows.absences.filter((a) => a.inspectorId === p.id),
    })),
    units: [...units.values()],
    overduePublications,
  });
  const counts = findingCounts(findings);
  return { findings, counts, summary: findingSummary(counts) };
}

/**
 * Saves a brigade's report for `today` (replacing the day's manual one when manual), puts it in the inbox of the
 * brigade's 大队管理员 and audits it, in `tx`. Returns the report id.
 */
export async function saveBrigadeReport(
  tx: Tx,
  ctx: UseCaseContext,
  org: { id: string; name: string },
  today: string,
  result: Awaited<ReturnType<typeof computeBrigadeFindings>>,
  manual: boolean,
): Promise<string> {
  const id = await saveReport(tx, {
    orgId: org.id,
    checkDate: today,
    kind: 'brigade',
    manual,
    findings: result.findings,
    counts: result.counts,
    brigades: [],
    summary: result.summary,
    createdBy: manual ? ctx.actor.accountId : null,
    createdAt: ctx.now,
  });
  const title = `${org.name} ${today} ${manual ? '立即检查' : '十日、二十日检查'}报告`;
  const recipients = await activeAccountsWithRole(tx, org.id, 'brigade_admin');
  await deliverInboxItems(
    tx,
    recipients.map((a) => ({ accountId: a.id, orgId: org.id, title, body: result.summary, link: `/admin/self-checks/${id}`, reportId: id, createdAt: ctx.now })),
  );
  await recordAudit(tx, ctx, {
    action: 'oversight.self_check',
    targetType: 'self_check_report',
    targetId: id,
    orgId: org.id,
    summary: { checkDate: today, manual, findingSummary: result.summary },
  });
  return id;
}

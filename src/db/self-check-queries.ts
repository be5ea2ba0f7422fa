import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from './client.ts';
import { accounts, inboxItems, inspectorAvailability, inspectors, orgs, publications, selfCheckReports, tasks, units } from './schema.ts';

export type SelfCheckReportRow = typeof selfCheckReports.$inferSelect;
export type InboxItemRow = typeof inboxItems.$inferSelect;

const OPEN = ['assigned', 'notified', 'in_progress'] as const;

/** The facts one brigade's check reads: open tasks with their units, the inspectors with their unlifted absences, the publications not yet done. */
export async function loadSelfCheckRows(db: DbOrTx, orgId: string) {
  const openTasks = await db
    .select({
      id: tasks.id,
      unitId: tasks.unitId,
      unitName: units.name,
      dueDate: tasks.dueDate,
      visitDate: tasks.visitDate,
      status: tasks.status,
      leadIds: tasks.leadIds,
      assistantIds: tasks.assistantIds,
      address: units.address,
      contactPhone: units.contactPhone,
      districtCode: units.districtCode,
    })
    .from(tasks)
    .innerJoin(units, eq(units.id, tasks.unitId))
    .where(and(eq(tasks.orgId, orgId), inArray(tasks.status, [...OPEN])));
  const heldIds = [...new Set(openTasks.flatMap((t) => [...t.leadIds, ...t.assistantIds]))];
  const people = await db
    .select({ id: inspectors.id, name: inspectors.name, status: inspectors.status })
    .from(inspectors)
    .where(heldIds.length > 0 ? sql`${inspectors.orgId} = ${orgId} or ${inArray(inspectors.id, heldIds)}` : eq(inspectors.orgId, orgId));
  const absences =
    people.length === 0
      ? []
      : await db
          .select({ inspectorId: inspectorAvailability.inspectorId, kind: inspectorAvailability.kind, fromDate: inspectorAvailability.fromDate, toDate: inspectorAvailability.toDate })
          .from(inspectorAvailability)
          .where(and(inArray(inspectorAvailability.inspectorId, people.map((p) => p.id)), isNull(inspectorAvailability.liftedAt)));
  const pending = await db
    .select({
      id: publications.id,
      unitName: publications.unitName,
      kind: publications.kind,
      status: publications.status,
      eventDate: publications.eventDate,
      publishedOn: publications.publishedOn,
      withdrawRequestedOn: publications.withdrawRequestedOn,
      withdrawnOn: publications.withdrawnOn,
    })
    .from(publications)
    .where(and(eq(publications.orgId, orgId), inArray(publications.status, ['pending', 'withdrawal_pending'])));
  return { openTasks, people, absences, pending };
}

export async function listOrgsOfKind(db: DbOrTx, kind: 'brigade' | 'detachment') {
  return db.select({ id: orgs.id, name: orgs.name, path: orgs.path, parentId: orgs.parentId }).from(orgs).where(eq(orgs.kind, kind)).orderBy(orgs.path);
}

/** The day's report of an org (scheduled or manual), if made. */
export async function findReportOfDay(db: DbOrTx, orgId: string, checkDate: string, manual: boolean): Promise<SelfCheckReportRow | undefined> {
  const [row] = await db
    .select()
    .from(selfCheckReports)
    .where(and(eq(selfCheckReports.orgId, orgId), eq(selfCheckReports.checkDate, checkDate), eq(selfCheckReports.manual, manual)));
  return row;
}

/** Inserts a report, or replaces the day's manual one; returns its id. */
export async function saveReport(tx: Tx, values: typeof selfCheckReports.$inferInsert): Promise<string> {
  const [row] = await tx
    .insert(selfCheckReports)
    .values(values)
    .onConflictDoUpdate({
      target: [selfCheckReports.orgId, selfCheckReports.checkDate, selfCheckReports.manual],
      set: { findings: values.findings, counts: values.counts, brigades: values.brigades ?? [], summary: values.summary, createdBy: values.createdBy, createdAt: values.createdAt },
    })
    .returning({ id: selfCheckReports.id });
  return row!.id;
}

/** The newest brigade reports of the brigades under a detachment on a day (a manual one counts when no scheduled one exists). */
export async function brigadeReportsOfDay(db: DbOrTx, detachmentPath: string, checkDate: string) {
  return db
    .select({ id: selfCheckReports.id, orgId: selfCheckReports.orgId, orgName: orgs.name, counts: selfCheckReports.counts, manual: selfCheckReports.manual })
    .from(selfCheckReports)
    .innerJoin(orgs, eq(orgs.id, selfCheckReports.orgId))
    .where(and(eq(selfCheckReports.checkDate, checkDate), eq(selfCheckReports.kind, 'brigade'), sql`${orgs.path} like ${detachmentPath + '%'}`))
    .orderBy(orgs.path, selfCheckReports.manual);
}

export async function listReportsInScope(db: DbOrTx, scopePath: string | null, limit: number) {
  return db
    .select({
      id: selfCheckReports.id,
      orgId: selfCheckReports.orgId,
      orgName: orgs.name,
      checkDate: selfCheckReports.checkDate,
      kind: selfCheckReports.kind,
      manual: selfCheckReports.manual,
      counts: selfCheckReports.counts,
      summary: selfCheckReports.summary,
      createdAt: selfCheckReports.createdAt,
    })
    .from(selfCheckReports)
    .innerJoin(orgs, eq(orgs.id, selfCheckReports.orgId))
    .where(scopePath ? sql`${orgs.path} like ${scopePath + '%'}` : undefined)
    .orderBy(desc(selfCheckReports.checkDate), desc(selfCheckReports.createdAt), orgs.path)
    .limit(limit);
}

export async function findReport(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ report: selfCheckReports, orgName: orgs.name, orgPath: orgs.path })
    .from(selfCheckReports)
    .innerJoin(orgs, eq(orgs.id, selfCheckReports.orgId))
    .where(eq(selfCheckReports.id, id));
  return row;
}

/** Enabled accounts of an org with a role (the recipients of its reports). */
export async function activeAccountsWithRole(db: DbOrTx, orgId: string, role: 'brigade_admin' | 'org_admin') {
  return db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.orgId, orgId), eq(accounts.role, role), isNull(accounts.disabledAt)));
}

/** One inbox item per recipient; a replaced report's item is made unread again with the new text. */
export async function deliverInboxItems(tx: Tx, items: (typeof inboxItems.$inferInsert)[]): Promise<void> {
  if (items.length === 0) return;
  await tx
    .insert(inboxItems)
    .values(items)
    .onConflictDoUpdate({
      target: [inboxItems.reportId, inboxItems.accountId],
      set: { title: sql`excluded.title`, body: sql`excluded.body`, readAt: null, createdAt: sql`excluded.created_at` },
    });
}

export async function listUnreadInbox(db: DbOrTx, accountId: string, limit: number): Promise<InboxItemRow[]> {
  return db
    .select()
    .from(inboxItems)
    .where(and(eq(inboxItems.accountId, accountId), isNull(inboxItems.readAt)))
    .orderBy(desc(inboxItems.createdAt))
    .limit(limit);
}

/** Marks an account's items about a report read (opening the report reads them). */
export async function markReportRead(db: DbOrTx, accountId: string, reportId: string, at: Date): Promise<void> {
  await db
    .update(inboxItems)
    .set({ readAt: at })
    .where(and(eq(inboxItems.accountId, accountId), eq(inboxItems.reportId, reportId), isNull(inboxItems.readAt)));
}

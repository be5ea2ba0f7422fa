import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/harness/db.ts';
import { createDrawFixture } from '../../../test/harness/documents.ts';
import { createAccountFixture, createInspectorFixture, createOrgTree, createUnitFixture } from '../../../test/harness/factories.ts';
import { auditLog, inboxItems, inspectorAvailability, selfCheckReports, tasks } from '../../db/schema.ts';
import type { Finding } from '../../domain/oversight/self-check.ts';
import { actorOf } from '../lib/actor.ts';
import { findAccountById } from '../../db/account-queries.ts';
import { runSelfCheckNow } from './run-self-check-now.ts';
import { runSelfChecks } from './run-self-checks.ts';

/*
 * 十日、二十日检查 over a small fixture: on 2026-11-10 (a check day) brigade A has a task past its due date, held by
 * an inspector on leave; the run makes one report per brigade and one summary for the detachment adding them up,
 * each in its administrators' inbox, and a second run adds nothing. Not on a check day it does nothing; 「立即检查」
 * makes a manual report any day.
 */

let database: TestDatabase;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let laggingTaskId = '';
let inspectorId = '';
let adminA = { id: '', username: '' };
let leaderId = '';

const sys = (at: string) => ({ db: database.db, ip: null, now: new Date(at), actorName: '系统定时任务' });

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  tree = await createOrgTree(db);
  adminA = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
  await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeB });
  leaderId = (await createAccountFixture(db, { role: 'org_admin', org: tree.detachment })).id;
  inspectorId = await createInspectorFixture(db, { orgId: tree.brigadeA.id, name: '张休假' });
  const drawId = await createDrawFixture(db, tree.brigadeA.id, adminA.id);
  const unitId = await createUnitFixture(db, { brigadeId: tree.brigadeA.id, name: '逾期单位', contactPhone: null, districtCode: '330702' });
  const [row] = await db
    .insert(tasks)
    .values({ drawId, orgId: tree.brigadeA.id, unitId, stratum: 'general', rank: 0, leadIds: [inspectorId], assistantIds: [], backups: { lead: [], assistant: [] }, dueDate: '2026-11-05' })
    .returning({ id: tasks.id });
  laggingTaskId = row!.id;
  await db.insert(inspectorAvailability).values({ inspectorId, kind: 'leave', fromDate: '2026-11-09', toDate: '2026-11-13', reason: '年休假', createdBy: adminA.id });
});

afterAll(async () => {
  await database.dispose();
});

describe('the checks on the 10th and 20th', () => {
  it('does nothing on a day that is not a check day', async () => {
    expect(await runSelfChecks(sys('2026-11-09T01:00:00Z'))).toEqual({ checkDay: false, brigades: 0, detachments: 0 });
  });

  it('reports a lagging task and an inspector on leave holding it, once per brigade and day', async () => {
    expect(await runSelfChecks(sys('2026-11-10T01:00:00Z'))).toEqual({ checkDay: true, brigades: 2, detachments: 1 });
    const [report] = await database.db.select().from(selfCheckReports).where(eq(selfCheckReports.orgId, tree.brigadeA.id));
    const findings = report!.findings as Finding[];
    const lagging = findings.find((f) => f.kind === 'lagging')!;
    expect(lagging.items).toEqual([{ id: laggingTaskId, target: 'task', text: '逾期单位：应于 2026-11-05 前完成，已逾期 3 个工作日（主办 张休假）' }]);
    expect(findings.find((f) => f.kind === 'away_holding')!.items.map((i) => i.id)).toEqual([inspectorId]);
    expect(findings.find((f) => f.kind === 'unit_facts')!.items[0]!.text).toBe('逾期单位：缺少联系电话');
    expect(report!.summary).toBe('逾期未完成 1 项，休假人员持有任务 1 项，单位信息缺失 1 项');

    expect(await runSelfChecks(sys('2026-11-10T03:00:00Z'))).toEqual({ checkDay: true, brigades: 0, detachments: 0 });
    expect(await database.db.select().from(selfCheckReports)).toHaveLength(3);
  });

  it('sums the brigades in the detachment summary and delivers each report to its administrators', async () => {
    const [summary] = await database.db.select().from(selfCheckReports).where(eq(selfCheckReports.orgId, tree.detachment.id));
    expect(summary!.kind).toBe('detachment');
    expect(summary!.counts).toMatchObject({ lagging: 1, away_holding: 1, unit_facts: 1, due_soon: 0 });
    expect((summary!.brigades as { orgId: string }[]).map((b) => b.orgId).sort()).toEqual([tree.brigadeA.id, tree.brigadeB.id].sort());
    expect(summary!.summary).toBe('2 个大队：逾期未完成 1 项，休假人员持有任务 1 项，单位信息缺失 1 项');
    const leaderInbox = await database.db.select().from(inboxItems).where(eq(inboxItems.accountId, leaderId));
    expect(leaderInbox.map((i) => i.link)).toEqual([`/admin/self-checks/${summary!.id}`]);
    const adminInbox = await database.db.select().from(inboxItems).where(eq(inboxItems.accountId, adminA.id));
    expect(adminInbox).toHaveLength(1);
    expect(adminInbox[0]!.body).toBe('逾期未完成 1 项，休假人员持有任务 1 项，单位信息缺失 1 项');
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, 'oversight.self_check'));
    expect(audits).toHaveLength(2);
  });

  it('lets a brigade administrator check now on any day, replacing the day\'s earlier manual report', async () => {
    const found = await findAccountById(database.db, adminA.id);
    const ctx = { db: database.db, ip: null, now: new Date('2026-11-11T02:00:00Z'), actor: actorOf(found!) };
    const first = await runSelfCheckNow(ctx);
    const second = await runSelfCheckNow({ ...ctx, now: new Date('2026-11-11T05:00:00Z') });
    expect(second.id).toBe(first.id);
    const [manual] = await database.db.select().from(selfCheckReports).where(eq(selfCheckReports.id, first.id));
    expect(manual).toMatchObject({ manual: true, checkDate: '2026-11-11', kind: 'brigade' });
  });
});

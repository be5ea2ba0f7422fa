import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createDrawFixture, createInspectedTask } from '../../../../test/harness/documents.ts';
import { createAccountFixture, createInspectorFixture, createOrgTree, createUnitFixture } from '../../../../test/harness/factories.ts';
import { createInspectionWithHazards } from '../../../../test/harness/hazard-fixtures.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import type { CaseView } from '../../../contracts/cases.ts';
import type { PublicationPolicyView, PublicationQueueView } from '../../../contracts/publication.ts';
import { auditLog, inspectionRecords, publications, tasks } from '../../../db/schema.ts';
import { findTask } from '../../../db/draw-queries.ts';
import { findUnitById } from '../../../db/unit-queries.ts';
import { DEFAULT_PUBLICATION_POLICY } from '../../../domain/publication/publication-types.ts';
import { recordResultEntry } from '../../../usecases/publication/record-result-entry.ts';
import { runPublicationJob } from '../../../usecases/publication/run-publication-job.ts';
import { systemActorContext } from '../../../usecases/lib/system-actor.ts';

/*
 * 公示管理 through the API (decision 0024): a drawn task's result entry (made when its record is submitted) waits in
 * the brigade's queue with its 20-working-day deadline, overdue first; the brigade publishes it (once, even on a
 * double click); a penalty decision makes a penalty entry (a minor's never published); a revoked decision's entry
 * waits to be withdrawn within 3 working days and is then withdrawn; the policy is set per org and inherited; the
 * daily job publishes automatically where the policy says so. Another brigade sees nothing; a leader reads only.
 */

let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let other: Session;
let leader: Session;
let adminId = '';
let brigadeId = '';
let inspectorId = '';
let drawId = '';
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let now = new Date('2026-11-30T02:00:00Z');
let logins: { admin: { username: string; password: string }; other: { username: string; password: string }; leader: { username: string; password: string } };

/** Moves the clock (sessions expire across days, so everyone logs in again). */
async function setNow(at: string): Promise<void> {
  now = new Date(at);
  admin = await logInAs(app, logins.admin.username, logins.admin.password);
  other = await logInAs(app, logins.other.username, logins.other.password);
  leader = await logInAs(app, logins.leader.username, logins.leader.password);
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => now });
  tree = await createOrgTree(database.db);
  brigadeId = tree.brigadeA.id;
  const a = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeA });
  const b = await createAccountFixture(database.db, { role: 'brigade_admin', org: tree.brigadeB });
  const l = await createAccountFixture(database.db, { role: 'org_admin', org: tree.detachment });
  adminId = a.id;
  logins = { admin: a, other: b, leader: l };
  admin = await logInAs(app, a.username, a.password);
  other = await logInAs(app, b.username, b.password);
  leader = await logInAs(app, l.username, l.password);
  inspectorId = await createInspectorFixture(database.db, { orgId: brigadeId });
  drawId = await createDrawFixture(database.db, brigadeId, adminId);
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.dispose();
});

const sys = () => ({ db: database.db, ip: null, now, actorName: '测试' });

/** A drawn task inspected on `visitDate` and its result entry, made as the record submission makes it. */
async function inspected(name: string, visitDate: string, hazardCount = 1): Promise<string> {
  const unitId = await createUnitFixture(database.db, { brigadeId, name, address: '某路 1 号', contactPhone: '13900001357' });
  const hazards = Array.from({ length: hazardCount }, (_, i) => ({ description: `张三宿舍门口堆放杂物${i}`, location: '二楼' }));
  const { taskId } = await createInspectedTask(database.db, { drawId, orgId: brigadeId, unitId, leadIds: [inspectorId], accountId: adminId, visitDate, hazards });
  await database.db.transaction(async (tx) => {
    const found = (await findTask(tx, taskId))!;
    const [record] = await tx.select().from(inspectionRecords).where(eq(inspectionRecords.taskId, taskId));
    const { unit } = (await findUnitById(tx, unitId))!;
    await recordResultEntry(tx, systemActorContext(sys()), { task: found.task, brigadeName: found.org.name, drawCode: found.draw?.code ?? null, unit, record: record! });
  });
  const [entry] = await database.db.select().from(publications).where(eq(publications.taskId, taskId));
  return entry!.id;
}

async function queue(session: Session = admin, view = 'queue'): Promise<PublicationQueueView> {
  const res = await call(app, session, 'GET', `/api/publications?view=${view}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PublicationQueueView>();
}

describe('the result entries and the queue', () => {
  it('lists each result 待公示 with its 20-working-day deadline, overdue first, and nothing personal', async () => {
    const late = await inspected('甲商场有限公司', '2026-10-12', 2);
    const fresh = await inspected('乙酒店有限公司', '2026-11-27', 0);
    const view = await queue();
    expect(view.items.map((i) => i.id)).toEqual([late, fresh]);
    expect(view.items[0]).toMatchObject({ kind: 'result', kindLabel: '抽查结果', status: 'pending', statusLabel: '待公示', unitName: '甲商场有限公司', eventDate: '2026-10-12', summary: '发现火灾隐患 2 处', due: '2026-11-09', timingLabel: '已逾期 15 个工作日', overdue: true });
    expect(view.items[1]).toMatchObject({ summary: '未发现火灾隐患', due: '2026-12-25', timingLabel: '还剩 19 个工作日', overdue: false });
    expect(view.canManage).toBe(true);
    const [row] = await database.db.select().from(publications).where(eq(publications.id, late));
    expect(JSON.stringify(row!.content)).not.toMatch(/张三|13900001357/);
    expect(view.records).toEqual([expect.objectContaining({ orgId: brigadeId, total: 2, overdue: 1, waiting: 1, onTimeRate: 0 })]);
    expect((await queue(other)).items).toEqual([]);
    const leaderView = await queue(leader);
    expect(leaderView.items).toHaveLength(2);
    expect(leaderView.canManage).toBe(false);
  });

  it('publishes once: a double click gives one publication and a 409, a leader and another brigade are refused', async () => {
    const id = await inspected('丙饭店', '2026-11-20');
    expect((await call(app, leader, 'POST', '/api/publications/act', { action: 'publish', ids: [id] })).statusCode).toBe(403);
    expect((await call(app, other, 'POST', '/api/publications/act', { action: 'publish', ids: [id] })).statusCode).toBe(404);
    const [a, b] = await Promise.all([
      call(app, admin, 'POST', '/api/publications/act', { action: 'publish', ids: [id] }),
      call(app, admin, 'POST', '/api/publications/act', { action: 'publish', ids: [id] }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [row] = await database.db.select().from(publications).where(eq(publications.id, id));
    expect(row).toMatchObject({ status: 'published', publishedOn: '2026-11-30', displayUntil: null });
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.targetId, id));
    expect(audits.map((e) => e.action)).toEqual(['publication.create', 'publication.publish']);
    const published = (await queue(admin, 'published')).items.find((i) => i.id === id)!;
    expect(published).toMatchObject({ status: 'published', timingLabel: '按期公示' });
  });

  it('refuses bad requests in Chinese naming the field', async () => {
    const empty = await call(app, admin, 'POST', '/api/publications/act', { action: 'publish', ids: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('公示条目：请至少选择一条');
    const noReason = await call(app, admin, 'POST', '/api/publications/act', { action: 'suppress', ids: [brigadeId] });
    expect(noReason.statusCode).toBe(400);
    expect((await call(app, admin, 'POST', '/api/publications/act', { action: 'burn', ids: [] })).statusCode).toBe(400);
    expect((await call(app, admin, 'GET', '/api/publications?view=x')).statusCode).toBe(400);
  });

  it('lets the brigade decide not to publish, with a reason', async () => {
    const id = await inspected('丁宾馆', '2026-11-23');
    const res = await call(app, admin, 'POST', '/api/publications/act', { action: 'suppress', ids: [id], reason: '涉及国家秘密' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await queue(admin, 'suppressed')).items.find((i) => i.id === id)).toMatchObject({ statusLabel: '不予公示', suppressReason: '涉及国家秘密', timingLabel: '不适用' });
  });
});

describe('penalty entries and their withdrawal', () => {
  async function decided(partyKind: 'organisation' | 'person', extra: Record<string, unknown> = {}): Promise<CaseView> {
    const unitId = await createUnitFixture(database.db, { brigadeId, name: `处罚单位${Math.random().toString(36).slice(2, 6)}` });
    const { hazardIds } = await createInspectionWithHazards(database.db, { orgId: brigadeId, unitId, inspectorId, accountId: adminId, visitDate: '2026-11-02', descriptions: ['消防车通道被占用'], stage: 'ordered' });
    const opened = await call(app, admin, 'POST', '/api/cases', { unitId, hazardIds, reason: '逾期未改正', partyKind, ...(partyKind === 'person' ? { partyName: '李小四' } : {}), ...extra });
    expect(opened.statusCode, opened.body).toBe(201);
    const penalty = partyKind === 'person' ? { provisionCode: '60-1-3', kind: 'warning', amount: null } : { provisionCode: '60-1-7', kind: 'fine', amount: 5000 };
    const res = await call(app, admin, 'POST', `/api/cases/${opened.json().id}/decision`, { ...penalty, procedure: 'ordinary', decidedOn: '2026-11-30' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CaseView>();
  }

  it('makes a penalty entry due in 7 working days; revoking the decision puts it to be withdrawn in 3, and withdrawing shows', async () => {
    const view = await decided('organisation');
    expect(view.publication).toMatchObject({ statusLabel: '待公示' });
    const entry = (await queue()).items.find((i) => i.caseId === view.id)!;
    expect(entry).toMatchObject({ kindLabel: '行政处罚', summary: '罚款 5,000 元', due: '2026-12-09' });
    await call(app, admin, 'POST', '/api/publications/act', { action: 'publish', ids: [entry.id] });
    const [published] = await database.db.select().from(publications).where(eq(publications.id, entry.id));
    expect(published!.displayUntil).toBe('2027-02-28');

    await setNow('2026-12-02T02:00:00Z');
    const bad = await call(app, admin, 'POST', `/api/cases/${view.id}/revoke`, { kind: 'revoked', revokedOn: '2026-12-03', reason: '复议撤销' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'revokedOn' });
    expect((await call(app, leader, 'POST', `/api/cases/${view.id}/revoke`, { kind: 'revoked', revokedOn: '2026-12-01', reason: 'x' })).statusCode).toBe(403);
    const revoked = await call(app, admin, 'POST', `/api/cases/${view.id}/revoke`, { kind: 'revoked', revokedOn: '2026-12-01', reason: '行政复议决定撤销' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json<CaseView>()).toMatchObject({ status: 'revoked', statusLabel: '处罚决定已撤销', revokeKindLabel: '处罚决定已撤销', publication: { statusLabel: '待撤回' } });
    expect((await call(app, admin, 'POST', `/api/cases/${view.id}/revoke`, { kind: 'revoked', revokedOn: '2026-12-01', reason: 'x' })).statusCode).toBe(409);
    const pending = (await queue()).items.find((i) => i.id === entry.id)!;
    expect(pending).toMatchObject({ status: 'withdrawal_pending', statusLabel: '待撤回', due: '2026-12-04', timingLabel: '还剩 2 个工作日', withdrawReason: '处罚决定已撤销：行政复议决定撤销' });
    expect((await call(app, admin, 'POST', '/api/publications/act', { action: 'publish', ids: [entry.id] })).statusCode).toBe(409);
    const done = await call(app, admin, 'POST', '/api/publications/act', { action: 'withdraw', ids: [entry.id] });
    expect(done.statusCode, done.body).toBe(200);
    const withdrawn = (await queue(admin, 'withdrawn')).items.find((i) => i.id === entry.id)!;
    expect(withdrawn).toMatchObject({ statusLabel: '已撤回', timingLabel: '按期公示' });
    await setNow('2026-11-30T02:00:00Z');
  });

  it('never publishes a minor’s penalty', async () => {
    const view = await decided('person', { partyMinor: true });
    expect(view.partyMinor).toBe(true);
    const [row] = await database.db.select().from(publications).where(eq(publications.caseId, view.id));
    expect(row).toMatchObject({ status: 'suppressed', suppressReason: '当事人为未成年人，依法不予公开' });
  });
});

describe('the policy', () => {
  it('is inherited from the 支队 that sets it, checked field by field, and drives auto-publication', async () => {
    const res = await call(app, leader, 'GET', `/api/publication-policy?orgId=${brigadeId}`);
    expect(res.json<PublicationPolicyView>()).toMatchObject({ policy: DEFAULT_PUBLICATION_POLICY, setBy: null });
    const bad = await call(app, leader, 'PUT', '/api/publication-policy', { orgId: tree.detachment.id, policy: { ...DEFAULT_PUBLICATION_POLICY, resultDays: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('抽查结果公示期限（工作日）：应为 1–60 之间的整数');
    expect((await call(app, admin, 'PUT', '/api/publication-policy', { orgId: tree.detachment.id, policy: DEFAULT_PUBLICATION_POLICY })).statusCode).toBe(400);
    const set = await call(app, leader, 'PUT', '/api/publication-policy', { orgId: tree.detachment.id, policy: { ...DEFAULT_PUBLICATION_POLICY, autoPublishAfterDays: 3 } });
    expect(set.statusCode, set.body).toBe(200);
    const inherited = (await call(app, admin, 'GET', `/api/publication-policy?orgId=${brigadeId}`)).json<PublicationPolicyView>();
    expect(inherited).toMatchObject({ policy: { autoPublishAfterDays: 3 }, setBy: { orgId: tree.detachment.id } });

    const id = await inspected('戊网吧', '2026-11-26');
    expect(await runPublicationJob(sys())).toBe(0);
    const [before] = await database.db.select().from(publications).where(eq(publications.id, id));
    expect(before!.status).toBe('pending');
    await setNow('2026-12-03T02:00:00Z');
    expect(await runPublicationJob(sys())).toBeGreaterThanOrEqual(1);
    const [after] = await database.db.select().from(publications).where(eq(publications.id, id));
    expect(after).toMatchObject({ status: 'published', publishedBy: null, publishedOn: '2026-12-03' });
    await setNow('2026-11-30T02:00:00Z');
  });
});

describe('the 复查 task', () => {
  it('makes no result entry', async () => {
    const unitId = await createUnitFixture(database.db, { brigadeId });
    const { taskId } = await createInspectionWithHazards(database.db, { orgId: brigadeId, unitId, inspectorId, accountId: adminId, visitDate: '2026-11-02', descriptions: [] });
    await database.db.transaction(async (tx) => {
      const found = (await findTask(tx, taskId))!;
      const [record] = await tx.select().from(inspectionRecords).where(eq(inspectionRecords.taskId, taskId));
      const { unit } = (await findUnitById(tx, unitId))!;
      await recordResultEntry(tx, systemActorContext(sys()), { task: found.task, brigadeName: found.org.name, drawCode: null, unit, record: record! });
    });
    expect(await database.db.select().from(publications).where(eq(publications.taskId, taskId))).toEqual([]);
    expect((await database.db.select().from(tasks).where(eq(tasks.id, taskId)))[0]!.kind).toBe('reinspection');
  });
});

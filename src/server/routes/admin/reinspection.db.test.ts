import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { freezeAndExecuteDraw } from '../../../../test/harness/draws.ts';
import { createAccountFixture, createInspectorFixture, createOrgTree, createUnitFixture } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import type { TaskDetailView, TaskView } from '../../../contracts/draws.ts';
import type { FieldTask, FieldTaskBundle, RecordBody, RecordSignatures } from '../../../contracts/field.ts';
import type { UnitDetail } from '../../../contracts/units.ts';
import { loadPendingUnitIds } from '../../../db/draw-queries.ts';
import { hazardsOfTask } from '../../../db/hazard-queries.ts';
import { findAnnualPlan } from '../../../db/plan-queries.ts';
import { accounts, auditLog, documents, hazards, inspectionHistory, reinspectionRequests, tasks } from '../../../db/schema.ts';
import { canonicalJson } from '../../../domain/canonical-json.ts';
import { sha256Hex } from '../../../domain/crypto/sha256.ts';
import type { DocumentContent } from '../../../domain/documents/document-types.ts';
import { verifyAuditChain } from '../../../usecases/audit/verify-audit-chain.ts';
import { issueDocument } from '../../../usecases/documents/issue-document.ts';
import { moveHazards } from '../../../usecases/documents/move-hazards.ts';
import { systemActorContext } from '../../../usecases/lib/system-actor.ts';
import { evaluateEligibility } from '../../../usecases/plans/plan-evaluation.ts';
import { runReinspectionScheduler } from '../../../usecases/reinspections/run-reinspection-scheduler.ts';

/*
 * 复查 as a task (decision 0023) through the HTTP API: four drawn tasks are inspected with two 不符合 lines each; their
 * hazards get a 责令限期改正通知书 with a correction deadline (set up here directly: the notice's own issuing is the
 * documents module's). Then: 安排复查 by hand (and not twice), the task everywhere a task shows, the 复查 recorded in
 * the field (one hazard 已改正, one 未改正) with its 复查意见书, an early request, and the daily scheduler.
 */

let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let clock = new Date('2026-11-30T02:00:00Z');
const users: { username: string; password: string; ip: string; inspectorId: string | null }[] = [];
const field = new Map<string, Session>();
let annualId = '';
let drawId = '';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const photo = Buffer.concat([PNG, Buffer.from('photo')]);
const sign = Buffer.concat([PNG, Buffer.from('signature')]);

async function logInAll(): Promise<void> {
  for (const u of users) {
    const session = await logInAs(app, u.username, u.password, u.ip);
    if (u.inspectorId) field.set(u.inspectorId, session);
    else admin = session;
  }
}
async function setClock(iso: string): Promise<void> {
  clock = new Date(iso);
  await logInAll();
}

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => clock });
  tree = await createOrgTree(database.db);
  const db = database.db;
  const brigadeId = tree.brigadeA.id;
  const a1 = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
  const a2 = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
  users.push({ username: a1.username, password: a1.password, ip: '10.2.0.100', inspectorId: null });
  for (let i = 0; i < 4; i++) await createUnitFixture(db, { brigadeId, category: 'key', isCrowded: true, name: `人员密集单位${i}`, contactPhone: '13800001111' });
  for (let i = 0; i < 30; i++) await createUnitFixture(db, { brigadeId, category: 'general', name: `一般单位${i}`, contactPhone: '13800002222' });
  for (let i = 0; i < 5; i++) {
    const id = await createInspectorFixture(db, { orgId: brigadeId });
    const account = await createAccountFixture(db, { role: 'inspector', org: tree.brigadeA });
    await db.update(accounts).set({ inspectorId: id }).where(eq(accounts.id, account.id));
    users.push({ username: account.username, password: account.password, ip: `10.2.0.${i + 1}`, inspectorId: id });
  }
  await logInAll();
  const second = await logInAs(app, a2.username, a2.password, '10.2.0.101');
  const annual = await call(app, admin, 'POST', '/api/annual-plans', { orgId: brigadeId, year: 2026, name: '2026 年度计划' });
  annualId = annual.json().id;
  await call(app, admin, 'POST', `/api/annual-plans/${annualId}/publish`);
  const monthlyId = (await call(app, admin, 'POST', `/api/annual-plans/${annualId}/months/12/generate`)).json().id;
  const published = await call(app, admin, 'POST', `/api/monthly-plans/${monthlyId}/publish`);
  if (published.statusCode !== 200) throw new Error(published.body);
  drawId = (await freezeAndExecuteDraw(app, admin, second, { kind: 'monthly_plan', id: monthlyId }, '2026335')).id;
  for (const file of [photo, sign]) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/files?fileName=p.png',
      payload: file,
      headers: { cookie: [...field.values()][0]!.cookie, 'x-csrf-token': [...field.values()][0]!.csrf, 'content-type': 'application/octet-stream' },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
}, 180_000);
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

type AdminTask = TaskView;
const leadOf = (task: { leads: { id: string }[] }) => field.get(task.leads[0]!.id)!;
async function bundleTask(session: Session, taskId: string): Promise<FieldTask> {
  const bundle: FieldTaskBundle = (await call(app, session, 'GET', '/api/field/tasks?days=7')).json();
  const task = bundle.tasks.find((t) => t.id === taskId);
  if (!task) throw new Error(`task ${taskId} not in the bundle`);
  return task;
}
const hazardText = { description: '安全出口上锁', location: '一层东侧', legalBasis: '《消防法》第二十八条', fixedOnSpot: false };
const bodyHash = (body: RecordBody) => sha256Hex(canonicalJson(body));
const signed = (hash: string, at: string) => ({ kind: 'signed' as const, image: sha256Hex(sign), signedHash: hash, at });
function signaturesOver(hash: string, at: string): RecordSignatures {
  return { lead: signed(hash, at), assistant: null, representative: signed(hash, at) };
}

/** The lead sets the visit day, and submits a record judging each line by `results` (pass/fail), the rest pass. */
async function inspect(taskId: string, lead: Session, visitDate: string, results: ('pass' | 'fail')[]) {
  const visit = await call(app, lead, 'POST', `/api/field/tasks/${taskId}/visit`, { visitDate, lateReason: '' });
  expect(visit.statusCode, visit.body).toBe(200);
  const task = await bundleTask(lead, taskId);
  const at = `${visitDate}T10:30:00+08:00`;
  const body: RecordBody = {
    taskId,
    outcome: 'inspected',
    startedAt: `${visitDate}T09:00:00+08:00`,
    endedAt: at,
    accompanying: { name: '李经理', title: '安全主管' },
    jointStaffIds: [],
    lines: task.checklist.map((l, i) => {
      const fail = results[i] === 'fail';
      return { versionId: l.versionId, code: l.code, result: fail ? ('fail' as const) : ('pass' as const), note: '', uncheckedReason: '', hazard: fail ? { ...hazardText, location: `${i + 1} 号门` } : null, photos: fail ? [sha256Hex(photo)] : [] };
    }),
    conclusion: results.includes('fail') ? 'hazards_found' : 'no_hazard',
    unable: null,
    remarks: '',
  };
  const res = await call(app, lead, 'POST', '/api/field/records', { id: randomUUID(), body, signatures: signaturesOver(bodyHash(body), at), corrects: null });
  expect(res.statusCode, res.body).toBe(201);
  return { task, record: res.json() as { id: string } };
}

/**
 * The documents module's part, done directly: the record's 不符合 lines as hazards (unless the record already made
 * them), a 责令限期改正通知书 issued through issueDocument, and its hazards ordered corrected by `correctionDue`.
 */
async function orderCorrection(taskId: string, recordId: string, correctionDue: string): Promise<{ id: string; number: string }> {
  const db = database.db;
  const task = (await db.select().from(tasks).where(eq(tasks.id, taskId)))[0]!;
  const ctx = systemActorContext({ db, ip: null, now: clock, actorName: '测试' });
  // Read through the API before the transaction: the test database has one connection.
  const record = (await call(app, admin, 'GET', `/api/records/${recordId}`)).json() as { body: RecordBody };
  return db.transaction(async (tx) => {
    if ((await hazardsOfTask(tx, taskId)).length === 0) {
      const failing = record.body.lines.filter((l) => l.result === 'fail');
      for (const [i, line] of failing.entries()) {
        await tx.insert(hazards).values({
          orgId: task.orgId,
          unitId: task.unitId,
          taskId,
          recordId,
          lineCode: line.code,
          seq: i + 1,
          description: line.hazard!.description,
          location: line.hazard!.location,
          legalBasis: line.hazard!.legalBasis,
          fixedOnSpot: false,
          foundOn: '2026-12-02',
          stage: 'found',
        });
      }
    }
    const found = await hazardsOfTask(tx, taskId);
    const notice = await issueDocument(tx, ctx, {
      orgId: task.orgId,
      unitId: task.unitId,
      type: 'deadline_notice',
      issueDate: '2026-12-03',
      taskId,
      recordId,
      compose: (stamp): DocumentContent => ({
        schema: 'xf-doc/1',
        type: 'deadline_notice',
        title: '责令限期改正通知书',
        orgName: stamp.orgName,
        number: stamp.number,
        issueDate: stamp.issueDate,
        checkCode: stamp.checkCode,
        addressee: '单位',
        blocks: [],
        receipt: true,
        replaces: null,
      }),
    });
    await moveHazards(tx, ctx, found.map((h) => h.id), 'notice_issued', { noticeId: notice.id, correctionDue });
    return { id: notice.id, number: notice.number };
  });
}

const ids: Record<string, string> = {};
const notices: Record<string, { id: string; number: string }> = {};
let drawn: AdminTask[] = [];

describe('复查 as a task', () => {
  it('sets up four inspected tasks whose hazards a notice orders corrected', async () => {
    drawn = ((await call(app, admin, 'GET', `/api/draws/${drawId}`)).json().tasks as AdminTask[]).slice(0, 4);
    expect(drawn).toHaveLength(4);
    const dues = ['2026-12-11', '2026-12-18', '2026-12-10', '2026-12-30'];
    for (const [i, task] of drawn.entries()) {
      const { record } = await inspect(task.id, leadOf(task), '2026-12-02', ['fail', 'fail']);
      notices[i] = await orderCorrection(task.id, record.id, dues[i]!);
    }
    expect(notices[0]!.number).toMatch(/限字〔2026〕第0001号$/);
  });

  it('offers 安排复查 on the done task, then makes the 复查 task by hand: the original team, due 3 working days after the deadline', async () => {
    await setClock('2026-12-09T02:00:00Z');
    const original = drawn[0]!;
    const before: TaskDetailView = (await call(app, admin, 'GET', `/api/tasks/${original.id}`)).json();
    expect(before.pendingReinspections).toEqual([{ notice: expect.objectContaining({ id: notices[0]!.id, number: notices[0]!.number, title: '责令限期改正通知书' }), canSchedule: true }]);
    expect(before.reinspection).toBeNull();
    // An inspector may not schedule.
    expect((await call(app, leadOf(original), 'POST', `/api/documents/${notices[0]!.id}/reinspection`)).statusCode).toBe(403);

    const res = await call(app, admin, 'POST', `/api/documents/${notices[0]!.id}/reinspection`);
    expect(res.statusCode, res.body).toBe(201);
    const task: TaskDetailView = res.json();
    ids.task = task.id;
    expect(task).toMatchObject({
      kind: 'reinspection',
      kindLabel: '复查',
      drawId: null,
      drawCode: '复查',
      drawStatus: null,
      stratum: '复查',
      rank: 0,
      status: 'assigned',
      unitId: original.unitId,
      // Deadline Friday 12-11: the 复查 is due within 3 working days, Wednesday 12-16.
      dueDate: '2026-12-16',
      leads: original.leads,
      assistants: original.assistants,
      backups: { lead: [], assistant: [] },
      reinspection: { notice: { id: notices[0]!.id, number: notices[0]!.number }, opinion: null },
      canManage: false,
    });
    const moved = await database.db.select().from(hazards).where(eq(hazards.noticeId, notices[0]!.id));
    expect(moved.map((h) => [h.stage, h.reinspectionTaskId])).toEqual([
      ['reinspection', task.id],
      ['reinspection', task.id],
    ]);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'reinspection.create'), eq(auditLog.targetId, task.id)));
    expect(audit).toHaveLength(1);
    const after: TaskDetailView = (await call(app, admin, 'GET', `/api/tasks/${original.id}`)).json();
    expect(after.pendingReinspections).toEqual([]);
  });

  it('refuses a second 复查 of the same notice with a Chinese message, and a document that is no deadline notice', async () => {
    const again = await call(app, admin, 'POST', `/api/documents/${notices[0]!.id}/reinspection`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/已有复查任务.*不能重复安排/);
    const missing = await call(app, admin, 'POST', `/api/documents/${randomUUID()}/reinspection`);
    expect(missing.statusCode).toBe(404);
    const bad = await call(app, admin, 'POST', '/api/documents/not-a-uuid/reinspection');
    expect(bad.statusCode).toBe(400);
  });

  it('shows the 复查 task in the task lists, 我的任务, the unit page and the field bundle with the notice\'s lines', async () => {
    const list: TaskView[] = (await call(app, admin, 'GET', '/api/tasks')).json();
    expect(list.find((t) => t.id === ids.task)).toMatchObject({ kind: 'reinspection', drawCode: '复查', drawId: null });
    const lead = leadOf(drawn[0]!);
    const mine: TaskView[] = (await call(app, lead, 'GET', '/api/tasks?mine=true')).json();
    expect(mine.map((t) => t.id)).toContain(ids.task);
    const unit: UnitDetail = (await call(app, admin, 'GET', `/api/units/${drawn[0]!.unitId}`)).json();
    expect(unit.tasks.find((t) => t.id === ids.task)).toMatchObject({ kind: 'reinspection', kindLabel: '复查', drawId: null, drawCode: '复查' });
    const fieldTask = await bundleTask(lead, ids.task!);
    expect(fieldTask).toMatchObject({ kind: 'reinspection', drawCode: '复查', followsNotice: notices[0], status: 'assigned' });
    expect(fieldTask.checklist).toEqual([
      { versionId: notices[0]!.id, itemName: `复查：${notices[0]!.number}`, code: 'H1', text: '1 号门：安全出口上锁', basis: '《消防法》第二十八条' },
      { versionId: notices[0]!.id, itemName: `复查：${notices[0]!.number}`, code: 'H2', text: '2 号门：安全出口上锁', basis: '《消防法》第二十八条' },
    ]);
    // 递补 does not apply to a 复查 task.
    const replace = await call(app, admin, 'POST', `/api/tasks/${ids.task}/replace-unit`, { reason: '停业', evidence: '现场照片', evidenceFiles: [] });
    expect(replace.statusCode).toBe(409);
    expect(replace.json().error.message).toMatch(/复查任务.*不能递补/);
  });

  it('leaves an open 复查 out of the draw rules: the unit is not 已被抽中 (PENDING_TASK)', async () => {
    const { pending } = await loadPendingUnitIds(database.db, [tree.brigadeA.id], 2026);
    expect(pending.has(drawn[0]!.unitId)).toBe(false);
  });

  it('records the 复查 in the field: 已改正 → corrected, 未改正 → 待立案, the 复查意见书 issued, history kind reinspection', async () => {
    const lead = leadOf(drawn[0]!);
    const { record } = await inspect(ids.task!, lead, '2026-12-10', ['pass', 'fail']);
    const detail: TaskDetailView = (await call(app, admin, 'GET', `/api/tasks/${ids.task}`)).json();
    expect(detail.status).toBe('done');
    expect(detail.reinspection!.hazards.map((h) => [h.seq, h.stageLabel])).toEqual([
      [1, '已改正'],
      [2, '立案查处中'],
    ]);
    expect(detail.reinspection!.opinion).toMatchObject({ title: '复查意见书', number: expect.stringMatching(/复字〔2026〕第0001号$/), voided: false });
    const [opinion] = await database.db.select().from(documents).where(eq(documents.id, detail.reinspection!.opinion!.id));
    expect(opinion).toMatchObject({ docType: 'reinspection_opinion', taskId: ids.task, recordId: record.id, unitId: drawn[0]!.unitId });
    const text = JSON.stringify(opinion!.content);
    expect(text).toContain(`对你单位执行${notices[0]!.number}责令限期改正通知书的情况进行了复查`);
    expect(text).toContain('1 号门：安全出口上锁：已改正');
    expect(text).toContain('2 号门：安全出口上锁：未改正');
    expect(text).toContain('对逾期未改正的消防安全违法行为，我队将依法处理。');

    const stages = await database.db.select().from(hazards).where(eq(hazards.noticeId, notices[0]!.id));
    expect(stages.sort((a, b) => a.seq - b.seq).map((h) => [h.seq, h.stage, h.caseId])).toEqual([
      [1, 'corrected', null],
      [2, 'case', null],
    ]);
    const history = await database.db.select().from(inspectionHistory).where(eq(inspectionHistory.taskId, ids.task!));
    expect(history).toEqual([expect.objectContaining({ kind: 'reinspection', inspectedOn: '2026-12-10', unitId: drawn[0]!.unitId })]);
    const unit: UnitDetail = (await call(app, admin, 'GET', `/api/units/${drawn[0]!.unitId}`)).json();
    expect(unit.inspections.find((i) => i.taskId === ids.task)).toMatchObject({ kind: 'reinspection', counted: false });
    // A hazard went to a case: the original task is not 已办结.
    expect(((await call(app, admin, 'GET', `/api/tasks/${drawn[0]!.id}`)).json() as TaskDetailView).status).toBe('done');
  });

  it('does not count the 复查 toward the six-month rule or the yearly cap', async () => {
    const db = database.db;
    const unitId = drawn[0]!.unitId;
    // Leave the 复查 as the unit's only inspection this year: it alone must not keep the unit out of a draw.
    await db.delete(inspectionHistory).where(and(eq(inspectionHistory.unitId, unitId), eq(inspectionHistory.kind, 'routine')));
    const annual = await findAnnualPlan(db, annualId);
    const { eligibility } = await evaluateEligibility(db, { orgId: tree.brigadeA.id, orgPath: annual!.org.path }, annual!.plan.settings, '2026-12-11', 'routine');
    expect(eligibility.excluded.find((e) => e.unitId === unitId)).toBeUndefined();
    expect(eligibility.candidates.map((c) => c.unitId)).toContain(unitId);
    // The control: a unit whose routine inspection of 12-02 stands is kept out by the frequency rules.
    const control = eligibility.excluded.find((e) => e.unitId === drawn[1]!.unitId);
    expect(['WITHIN_MIN_INTERVAL', 'YEARLY_CAP_REACHED', 'COVERED_THIS_YEAR']).toContain(control?.reason);
  });

  it('registers an early request and makes the task at once, due 3 working days after the request; not twice', async () => {
    const notice = notices[1]!;
    const future = await call(app, admin, 'POST', `/api/documents/${notice.id}/reinspection-requests`, { requestedOn: '2026-12-10', note: '' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ field: 'requestedOn' });
    const res = await call(app, admin, 'POST', `/api/documents/${notice.id}/reinspection-requests`, { requestedOn: '2026-12-08', note: '单位来电称已整改完毕' });
    expect(res.statusCode, res.body).toBe(201);
    // Requested Tuesday 12-08 (deadline 12-18): due 12-09, 12-10, 12-11.
    expect(res.json()).toMatchObject({ kind: 'reinspection', dueDate: '2026-12-11', leads: drawn[1]!.leads });
    const rows = await database.db.select().from(reinspectionRequests).where(eq(reinspectionRequests.documentId, notice.id));
    expect(rows).toEqual([expect.objectContaining({ requestedOn: '2026-12-08', note: '单位来电称已整改完毕' })]);
    expect(await database.db.select().from(auditLog).where(and(eq(auditLog.action, 'reinspection.request'), eq(auditLog.targetId, notice.id)))).toHaveLength(1);
    const again = await call(app, admin, 'POST', `/api/documents/${notice.id}/reinspection-requests`, { requestedOn: '2026-12-09', note: '' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/已有复查任务/);
    expect(await database.db.select().from(reinspectionRequests).where(eq(reinspectionRequests.documentId, notice.id))).toHaveLength(1);
  });

  it('runs the daily job: a deadline near gets its task, a far one waits, a 2027 one is skipped and logged; again it does nothing', async () => {
    const db = database.db;
    const first = await runReinspectionScheduler({ db, ip: null, now: new Date('2026-12-09T01:00:00Z'), actorName: '系统定时任务' });
    // Notice 2's deadline is Thursday 12-10 (one working day left); notice 3's (12-30) is far.
    expect(first).toEqual([expect.objectContaining({ noticeId: notices[2]!.id, result: 'created', dueDate: '2026-12-15' })]);
    const task = (await db.select().from(tasks).where(eq(tasks.followsDocumentId, notices[2]!.id)))[0]!;
    expect(task).toMatchObject({ kind: 'reinspection', drawId: null, leadIds: drawn[2]!.leads.map((p) => p.id), status: 'assigned' });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'reinspection.create'), eq(auditLog.targetId, task.id)));
    expect(audit[0]).toMatchObject({ actorName: '系统定时任务' });
    expect(await runReinspectionScheduler({ db, ip: null, now: new Date('2026-12-09T03:00:00Z'), actorName: '系统定时任务' })).toEqual([]);

    // 12-28: two working days before 12-30; its due date needs 2027, whose holidays are not entered.
    const late = await runReinspectionScheduler({ db, ip: null, now: new Date('2026-12-28T01:00:00Z'), actorName: '系统定时任务' });
    expect(late).toEqual([expect.objectContaining({ noticeId: notices[3]!.id, result: 'skipped', message: expect.stringContaining('2027 年的节假日安排尚未录入') })]);
    expect(await db.select().from(tasks).where(eq(tasks.followsDocumentId, notices[3]!.id))).toEqual([]);
    // By hand it is refused the same way, never a 500.
    const byHand = await call(app, admin, 'POST', `/api/documents/${notices[3]!.id}/reinspection`);
    expect(byHand.statusCode).toBe(409);
    expect(byHand.json().error.message).toMatch(/2027 年的节假日安排尚未录入/);
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });
});

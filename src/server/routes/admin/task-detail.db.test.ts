import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { freezeAndExecuteDraw } from '../../../../test/harness/draws.ts';
import { createAccountFixture, createInspectorFixture, createOrgTree, createUnitFixture } from '../../../../test/harness/factories.ts';
import { buildTestApp, call, logInAs, type Session } from '../../../../test/harness/http.ts';
import type { TaskDetailView, TaskView } from '../../../contracts/draws.ts';
import type { RecordBody, RecordSummary, RecordView } from '../../../contracts/field.ts';
import type { UnitDetail } from '../../../contracts/units.ts';
import type { Page } from '../../../contracts/common.ts';
import { inspectionRecords, tasks } from '../../../db/schema.ts';

/*
 * The admin's task page (GET /api/tasks/:id) and what the record pages read: a task in scope with its stratum, its
 * changes and, after 无法检查, the stratum's next alternate that a 递补 brings in; the records list filtered by outcome;
 * the unit page linking each task to its record.
 */

let database: TestDatabase;
let app: FastifyInstance;
let admin: Session;
let adminId = '';
let other: Session;
let tree: Awaited<ReturnType<typeof createOrgTree>>;
let drawTasks: TaskView[] = [];
const NOW = new Date('2026-11-30T02:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildTestApp(database, { now: () => NOW });
  tree = await createOrgTree(database.db);
  const db = database.db;
  const brigadeId = tree.brigadeA.id;
  const a1 = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
  const a2 = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeA });
  const b = await createAccountFixture(db, { role: 'brigade_admin', org: tree.brigadeB });
  for (let i = 0; i < 4; i++) await createUnitFixture(db, { brigadeId, category: 'key', isCrowded: true, name: `人员密集单位${i}` });
  for (let i = 0; i < 30; i++) await createUnitFixture(db, { brigadeId, category: 'general', name: `一般单位${i}` });
  for (let i = 0; i < 4; i++) await createInspectorFixture(db, { orgId: brigadeId });
  admin = await logInAs(app, a1.username, a1.password);
  adminId = a1.id;
  const second = await logInAs(app, a2.username, a2.password);
  other = await logInAs(app, b.username, b.password);
  const annual = await call(app, admin, 'POST', '/api/annual-plans', { orgId: brigadeId, year: 2026, name: '2026 年度计划' });
  await call(app, admin, 'POST', `/api/annual-plans/${annual.json().id}/publish`);
  const monthlyId = (await call(app, admin, 'POST', `/api/annual-plans/${annual.json().id}/months/12/generate`)).json().id;
  const published = await call(app, admin, 'POST', `/api/monthly-plans/${monthlyId}/publish`);
  if (published.statusCode !== 200) throw new Error(published.body);
  const drawId = (await freezeAndExecuteDraw(app, admin, second, { kind: 'monthly_plan', id: monthlyId }, '2026335')).id;
  const draw = (await call(app, admin, 'GET', `/api/draws/${drawId}`)).json<{ tasks: TaskView[]; strata: { code: string; alternates: number }[] }>();
  // A task of a stratum with alternates first: the 递补 below needs one.
  const withAlternates = new Set(draw.strata.filter((s) => s.alternates > 0).map((s) => s.code));
  drawTasks = [...draw.tasks].sort((a, b) => Number(withAlternates.has(b.stratum)) - Number(withAlternates.has(a.stratum)));
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.dispose();
});

/** A stored 无法检查 record of `task` (written directly: the field routes' own tests cover submitting one). */
async function storeUnableRecord(task: TaskView): Promise<string> {
  const id = randomUUID();
  const body: RecordBody = {
    taskId: task.id,
    outcome: 'unable',
    startedAt: '2026-11-30T09:00:00+08:00',
    endedAt: '2026-11-30T09:20:00+08:00',
    accompanying: { name: '', title: '' },
    jointStaffIds: [],
    lines: [],
    conclusion: null,
    unable: { reason: 'closed', detail: '大门紧锁，张贴停业告示', photos: [] },
    remarks: '',
  };
  await database.db.insert(inspectionRecords).values({
    id,
    taskId: task.id,
    version: 1,
    outcome: 'unable',
    body,
    bodyHash: 'a'.repeat(64),
    signatures: { lead: null, assistant: null, representative: null },
    submissionHash: 'b'.repeat(64),
    snapshot: { lines: [] },
    visitDate: '2026-11-30',
    submittedBy: adminId,
    submittedByInspector: task.leads[0]!.id,
    submittedAt: NOW,
  });
  await database.db.update(tasks).set({ status: 'unable' }).where(eq(tasks.id, task.id));
  return id;
}

describe('GET /api/tasks/:id', () => {
  it('shows a task of the actor’s scope with its draw, stratum and people; not another brigade’s', async () => {
    const task = drawTasks[0]!;
    const res = await call(app, admin, 'GET', `/api/tasks/${task.id}`);
    expect(res.statusCode).toBe(200);
    const view = res.json<TaskDetailView>();
    expect(view).toMatchObject({ id: task.id, unitName: task.unitName, drawCode: task.drawCode, drawStatus: 'executed', status: 'assigned', canManage: true, record: null, replacedBy: null, replaces: null, changes: [] });
    expect(view.stratumName).not.toBe('');
    expect(view.leads.length).toBeGreaterThan(0);
    expect((await call(app, other, 'GET', `/api/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await call(app, admin, 'GET', `/api/tasks/${randomUUID()}`)).statusCode).toBe(404);
    expect((await call(app, admin, 'GET', '/api/tasks/not-a-uuid')).statusCode).toBe(400);
  });

  it('after 无法检查 names the stratum’s next alternate, and after the 递补 links both tasks with the change', async () => {
    const task = drawTasks[0]!;
    const recordId = await storeUnableRecord(task);
    const before = (await call(app, admin, 'GET', `/api/tasks/${task.id}`)).json<TaskDetailView>();
    expect(before.status).toBe('unable');
    expect(before.record).toMatchObject({ id: recordId, outcome: 'unable', outcomeLabel: '无法检查' });
    expect(before.nextAlternate).not.toBeNull();
    const replaced = await call(app, admin, 'POST', `/api/tasks/${task.id}/replace-unit`, { reason: '现场核实已停业', evidence: '现场照片' });
    expect(replaced.statusCode).toBe(200);
    const { taskId: newTaskId, unitId } = replaced.json<{ taskId: string; unitId: string }>();
    expect(unitId).toBe(before.nextAlternate!.unitId);
    const after = (await call(app, admin, 'GET', `/api/tasks/${task.id}`)).json<TaskDetailView>();
    expect(after.status).toBe('replaced');
    expect(after.replacedBy).toEqual({ id: newTaskId, unitName: before.nextAlternate!.unitName });
    expect(after.changes).toMatchObject([{ kind: 'unit_replaced', reason: '现场核实已停业' }]);
    expect(after.nextAlternate?.unitId).not.toBe(unitId);
    const successor = (await call(app, admin, 'GET', `/api/tasks/${newTaskId}`)).json<TaskDetailView>();
    expect(successor.replaces).toEqual({ id: task.id, unitName: task.unitName });
    expect(successor.changes).toHaveLength(1);
  });
});

describe('what the record pages read', () => {
  it('filters records by outcome and shows the task’s people on the record', async () => {
    const unable = (await call(app, admin, 'GET', '/api/records?outcome=unable')).json<Page<RecordSummary>>();
    expect(unable.total).toBe(1);
    expect(unable.items[0]).toMatchObject({ outcome: 'unable', outcomeLabel: '无法检查', drawCode: drawTasks[0]!.drawCode, correctionReason: null });
    expect((await call(app, admin, 'GET', '/api/records?outcome=inspected')).json<Page<RecordSummary>>().total).toBe(0);
    expect((await call(app, admin, 'GET', '/api/records?outcome=maybe')).statusCode).toBe(400);
    expect((await call(app, other, 'GET', '/api/records')).json<Page<RecordSummary>>().total).toBe(0);
    const record = (await call(app, admin, 'GET', `/api/records/${unable.items[0]!.id}`)).json<RecordView>();
    expect(record.unitId).toBe(unable.items[0]!.unitId);
    expect(record.people.some((p) => p.role === 'lead')).toBe(true);
    expect(record.jointStaff).toEqual([]);
  });

  it('links each of a unit’s tasks to its latest record', async () => {
    const unitId = drawTasks[0]!.unitId;
    const unit = (await call(app, admin, 'GET', `/api/units/${unitId}`)).json<UnitDetail>();
    expect(unit.tasks[0]!.record).toMatchObject({ version: 1, outcomeLabel: '无法检查' });
  });
});

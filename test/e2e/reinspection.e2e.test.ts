import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawView, TaskDetailView } from '../../src/contracts/draws.ts';
import type { FieldTaskBundle, RecordBody } from '../../src/contracts/field.ts';
import { hazardsOfTask } from '../../src/db/hazard-queries.ts';
import { draws, hazards, tasks } from '../../src/db/schema.ts';
import { canonicalJson } from '../../src/domain/canonical-json.ts';
import { sha256Hex } from '../../src/domain/crypto/sha256.ts';
import { issueDocument } from '../../src/usecases/documents/issue-document.ts';
import { moveHazards } from '../../src/usecases/documents/move-hazards.ts';
import { systemActorContext } from '../../src/usecases/lib/system-actor.ts';
import { seedDemoDraw } from '../../src/usecases/system/seed-demo-draw.ts';
import { call, logInAs, type Session } from '../harness/http.ts';
import { drawSignature, lineOf, logInField, overflowingElements } from './field-steps.ts';
import { DEMO_PASSWORD, SCREENSHOT_DIR, eventually, logIn, newPage, startE2E, type E2E } from './harness.ts';

/**
 * 复查 in the field (decision 0023), on a phone: a demo task of this month was inspected with two 不符合 lines and a
 * 责令限期改正通知书 orders them corrected by Wednesday (set up through the API and the issuing step). The admin
 * 安排复查; jiandu opens the 复查 task in /field/ — tagged 复查, naming the notice — marks one line 已改正 and one 未改正
 * (describing what is still wrong), signs and submits. The admin's task page then shows the 复查意见书 and each hazard's
 * stage.
 */

/** Monday 7 December 2026, 10:00 in China. */
const NOW = new Date('2026-12-07T02:00:00Z');
const TODAY = '2026-12-07';
const PHONE = { width: 390, height: 844 };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let e2e: E2E;
let admin: Session;
let jiandu: Session;
let unitName = '';
let reinspectionId = '';
let noticeNumber = '';

/** jiandu leads an open task of this month's demo draw, visits it today and records two 不符合 lines. */
async function inspectedTask(): Promise<{ taskId: string; recordId: string }> {
  const [row] = await e2e.database.db.select({ id: draws.id }).from(draws).where(and(eq(draws.status, 'executed'), eq(draws.periodStart, '2026-12-01')));
  const draw = (await call(e2e.app, admin, 'GET', `/api/draws/${row!.id}`)).json<DrawView>();
  const task = draw.tasks.find((t) => t.status === 'assigned')!;
  const me = (await call(e2e.app, jiandu, 'GET', '/api/auth/me')).json<{ account: { inspectorId: string } }>();
  const [stored] = await e2e.database.db.select().from(tasks).where(eq(tasks.id, task.id));
  await e2e.database.db
    .update(tasks)
    .set({ leadIds: [me.account.inspectorId], assistantIds: stored!.assistantIds.filter((id) => id !== me.account.inspectorId) })
    .where(eq(tasks.id, task.id));
  unitName = task.unitName;
  const visit = await call(e2e.app, jiandu, 'POST', `/api/field/tasks/${task.id}/visit`, { visitDate: TODAY, lateReason: '单位负责人仅今日在岗，电话告知后当日检查' });
  if (visit.statusCode >= 300) throw new Error(`visit: ${visit.body}`);
  const fieldTask = (await call(e2e.app, jiandu, 'GET', '/api/field/tasks?days=7')).json<FieldTaskBundle>().tasks.find((t) => t.id === task.id)!;
  const upload = await e2e.app.inject({
    method: 'POST',
    url: '/api/files?fileName=sign.png',
    payload: PNG,
    headers: { cookie: jiandu.cookie, 'x-csrf-token': jiandu.csrf, 'content-type': 'application/octet-stream' },
  });
  if (upload.statusCode >= 300) throw new Error(upload.body);
  const places = ['一层东侧安全出口', '二层走道'];
  const body: RecordBody = {
    taskId: task.id,
    outcome: 'inspected',
    startedAt: `${TODAY}T09:00:00+08:00`,
    endedAt: `${TODAY}T09:40:00+08:00`,
    accompanying: { name: '陈立新', title: '安全主管' },
    jointStaffIds: [],
    lines: fieldTask.checklist.map((l, i) => ({
      versionId: l.versionId,
      code: l.code,
      result: i < 2 ? ('fail' as const) : ('pass' as const),
      note: '',
      uncheckedReason: '',
      hazard: i < 2 ? { description: i === 0 ? '安全出口上锁' : '疏散指示标志损坏', location: places[i]!, legalBasis: '《中华人民共和国消防法》第二十八条', fixedOnSpot: false } : null,
      photos: [],
    })),
    conclusion: 'hazards_found',
    unable: null,
    remarks: '',
  };
  const hash = sha256Hex(canonicalJson(body));
  const signed = { kind: 'signed' as const, image: sha256Hex(PNG), signedHash: hash, at: `${TODAY}T09:40:00+08:00` };
  const recordId = randomUUID();
  const res = await call(e2e.app, jiandu, 'POST', '/api/field/records', { id: recordId, body, signatures: { lead: signed, assistant: null, representative: signed }, corrects: null });
  if (res.statusCode !== 201) throw new Error(`record: ${res.body}`);
  return { taskId: task.id, recordId };
}

/** The documents module's part, done directly: hazards for the 不符合 lines, the notice, ordered corrected by 12-09. */
async function orderCorrection(taskId: string, recordId: string): Promise<string> {
  const db = e2e.database.db;
  const [task] = await db.select().from(tasks).where(eq(tasks.id, taskId));
  const record = (await call(e2e.app, admin, 'GET', `/api/records/${recordId}`)).json<{ body: RecordBody }>();
  const ctx = systemActorContext({ db, ip: null, now: NOW, actorName: '测试' });
  return db.transaction(async (tx) => {
    if ((await hazardsOfTask(tx, taskId)).length === 0) {
      for (const [i, line] of record.body.lines.filter((l) => l.result === 'fail').entries()) {
        await tx.insert(hazards).values({
          orgId: task!.orgId,
          unitId: task!.unitId,
          taskId,
          recordId,
          lineCode: line.code,
          seq: i + 1,
          description: line.hazard!.description,
          location: line.hazard!.location,
          legalBasis: line.hazard!.legalBasis,
          fixedOnSpot: false,
          foundOn: TODAY,
          stage: 'found',
        });
      }
    }
    const notice = await issueDocument(tx, ctx, {
      orgId: task!.orgId,
      unitId: task!.unitId,
      type: 'deadline_notice',
      issueDate: TODAY,
      taskId,
      recordId,
      compose: (stamp) => ({ schema: 'xf-doc/1', type: 'deadline_notice', title: '责令限期改正通知书', orgName: stamp.orgName, number: stamp.number, issueDate: stamp.issueDate, checkCode: stamp.checkCode, addressee: unitName, blocks: [], receipt: true, replaces: null }),
    });
    await moveHazards(tx, ctx, (await hazardsOfTask(tx, taskId)).map((h) => h.id), 'notice_issued', { noticeId: notice.id, correctionDue: '2026-12-09' });
    noticeNumber = notice.number;
    return notice.id;
  });
}

beforeAll(async () => {
  e2e = await startE2E({ now: NOW, unitCount: 600 });
  await seedDemoDraw(e2e.database.db, NOW);
  admin = await logInAs(e2e.app, 'wucheng', DEMO_PASSWORD);
  jiandu = await logInAs(e2e.app, 'jiandu', DEMO_PASSWORD);
  const { taskId, recordId } = await inspectedTask();
  const noticeId = await orderCorrection(taskId, recordId);
  const created = await call(e2e.app, admin, 'POST', `/api/documents/${noticeId}/reinspection`);
  if (created.statusCode !== 201) throw new Error(`reinspection: ${created.body}`);
  reinspectionId = created.json<TaskDetailView>().id;
  const visit = await call(e2e.app, jiandu, 'POST', `/api/field/tasks/${reinspectionId}/visit`, { visitDate: TODAY, lateReason: '单位申请尽快复查，电话告知后当日复查' });
  if (visit.statusCode >= 300) throw new Error(`visit: ${visit.body}`);
}, 300_000);
afterAll(async () => e2e?.close());

describe('复查 in the field app', () => {
  let page: Page;

  it('shows the 复查 task with its tag and notice, and its checklist reads 已改正 / 未改正', async () => {
    page = await newPage(e2e, PHONE);
    await page.clock.setFixedTime(NOW);
    await logInField(page, 'jiandu', DEMO_PASSWORD);
    await page.getByRole('tab', { name: /今日/ }).click();
    const card = page.getByRole('button', { name: new RegExp(unitName) }).filter({ hasText: '复查' }).first();
    await card.getByText(`复查 ${noticeNumber}`).waitFor();
    await card.click();
    await page.getByRole('heading', { name: '任务详情' }).waitFor();
    await page.getByText(`责令限期改正通知书 ${noticeNumber}`, { exact: false }).waitFor();
    expect(await page.locator('.tag-reinspection').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/field-reinspection-task.png` });
    await page.getByRole('button', { name: '开始检查' }).click();
    await page.getByRole('heading', { name: '检查记录' }).waitFor();

    expect(await page.getByRole('article', { name: /^第 \d+ 项 / }).count()).toBe(2);
    await lineOf(page, 1).getByText('一层东侧安全出口：安全出口上锁').waitFor();
    await lineOf(page, 1).getByRole('radio', { name: '已改正', exact: true }).click();
    await lineOf(page, 2).getByRole('radio', { name: '未改正', exact: true }).click();
    await lineOf(page, 2).getByLabel('仍存在的问题').fill('疏散指示标志仍未更换，灯具不亮');
    await lineOf(page, 2).getByLabel('隐患部位').fill('二层走道');
    await lineOf(page, 2).getByRole('radio', { name: '未当场改正' }).click();
    expect(await page.getByRole('radio', { name: '符合', exact: true }).count()).toBe(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/field-reinspection.png` });
    expect(await overflowingElements(page)).toEqual([]);

    await page.getByRole('radio', { name: '发现火灾隐患', exact: true }).click();
    await drawSignature(page, '主办');
    const elsewhere = page.getByText('协办将在自己的设备上确认');
    if ((await elsewhere.count()) > 0) await elsewhere.click();
    await page.getByRole('radio', { name: '当场签名' }).click();
    await drawSignature(page, '被检查单位');
    await page.getByRole('button', { name: '提交到待发送' }).click();
    await page.getByRole('heading', { name: '待发送' }).waitFor();
    await page.getByText('已发送', { exact: true }).first().waitFor({ timeout: 30_000 });
  });

  it('has the admin see the 复查意见书 and the hazards 已改正 and 立案查处中 on the task page', async () => {
    const detail = (await call(e2e.app, admin, 'GET', `/api/tasks/${reinspectionId}`)).json<TaskDetailView>();
    expect(detail).toMatchObject({ status: 'done', kind: 'reinspection' });
    expect(detail.reinspection!.opinion!.number).toMatch(/复字〔2026〕第0001号$/);
    const stages = await e2e.database.db.select({ seq: hazards.seq, stage: hazards.stage }).from(hazards).where(eq(hazards.reinspectionTaskId, reinspectionId));
    expect(stages.sort((a, b) => a.seq - b.seq).map((h) => h.stage)).toEqual(['corrected', 'case']);

    const desk = await newPage(e2e);
    await desk.clock.setFixedTime(NOW);
    await logIn(desk, 'wucheng');
    await desk.goto(`/admin/tasks/${reinspectionId}`);
    await desk.getByRole('heading', { name: `复查任务：${unitName}` }).waitFor();
    await desk.getByText(detail.reinspection!.opinion!.number, { exact: false }).waitFor();
    await desk.getByText(noticeNumber, { exact: false }).first().waitFor();
    await eventually(() => desk.getByText('已改正', { exact: true }).count()).toBeGreaterThan(0);
    expect(await desk.getByText('立案查处中', { exact: true }).count()).toBe(1);
    await desk.screenshot({ path: `${SCREENSHOT_DIR}/reinspection-admin.png`, fullPage: true });
  });
});

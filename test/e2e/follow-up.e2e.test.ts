import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../src/contracts/documents.ts';
import { accounts, hazards, inspectionRecords, tasks } from '../../src/db/schema.ts';
import { runReinspectionScheduler } from '../../src/usecases/reinspections/run-reinspection-scheduler.ts';
import { seedDemoDraw } from '../../src/usecases/system/seed-demo-draw.ts';
import { inspectDemoTask } from '../../src/usecases/system/seed-demo-field-work.ts';
import { buttonName, DESKTOP, eventually, HIDE_TOASTS, logIn, newPage, openDialog, pickOption, responseTo, SCREENSHOT_DIR, shootBothWidths, startE2E, type E2E } from './harness.ts';

/**
 * The follow-up loop of issue 14 in one journey, across National Day 2026 (decision 0023):
 * a record with two 不符合 lines (the task's lead inspects on Wednesday 30 September) → 大队管理员 wucheng issues a 责令限期改正通知书
 * with 5 个工作日 → the PDF carries the number in Chinese, the check link and the printed digest, and the public check
 * page opened from that link matches → the correction date is 13 October (10-01…10-07 off, Saturday 10-10 a make-up day)
 * and the service deadline 10 October → on 10 October the daily job makes the 复查 task (due 16 October) → the 复查 finds
 * both not corrected → the 复查意见书 → 立案 → 60,000 refused against art. 60, 10,000 decided → the unit page shows the
 * notice, the opinion, the case and the decision.
 */
const INSPECTED = new Date('2026-09-30T02:00:00Z'); // 10:00 China time, Wednesday
const ISSUED = new Date('2026-09-30T07:00:00Z');
const SCHEDULER_DAY = new Date('2026-10-10T01:00:00Z'); // Saturday, a make-up working day
const REINSPECTED = new Date('2026-10-14T02:00:00Z');
const DECIDED = new Date('2026-10-16T02:00:00Z');
const shotDir = path.join(SCREENSHOT_DIR, 'follow-up');

let e2e: E2E;
let page: Page;
let recordId: string;
let unitId: string;
let lead: string;
let notice: DocumentView;

async function shoot(p: Page, name: string) {
  await shootBothWidths(p, shotDir, name);
}

/** The server's clock and the browser's move: a new day needs a new session. */
async function dayOf(at: Date) {
  e2e.setNow(at);
  await page.clock.setFixedTime(at);
  await page.context().clearCookies();
  await logIn(page, 'wucheng');
}

beforeAll(async () => {
  e2e = await startE2E({ now: new Date('2026-09-29T01:00:00Z'), unitCount: 600 });
  await seedDemoDraw(e2e.database.db, new Date('2026-09-29T01:00:00Z'), { followUp: false });
  const db = e2e.database.db;
  fs.mkdirSync(shotDir, { recursive: true });
  // The lead of one of this month's tasks inspects it on 30 September and finds two hazards, neither fixed on the spot.
  const [jiandu] = await db.select().from(accounts).where(eq(accounts.username, 'jiandu'));
  const open = await db.select().from(tasks).where(and(eq(tasks.kind, 'draw'), eq(tasks.status, 'assigned')));
  const task = open.find((t) => t.dueDate >= '2026-09-30');
  if (!task) throw new Error('no task due after 30 September');
  const leadId = task.leadIds[0]!;
  const [existing] = await db.select().from(accounts).where(eq(accounts.inspectorId, leadId));
  lead = existing?.username ?? 'xcjourney';
  if (!existing) {
    await db.insert(accounts).values({ username: lead, displayName: '演示主办', role: 'inspector', orgId: task.orgId, passwordHash: jiandu!.passwordHash, isDemo: true, inspectorId: leadId });
  }
  unitId = task.unitId;
  const HAZARDS = [
    { description: '疏散通道堆放纸箱等杂物', location: '一层东侧疏散楼梯间', legalBasis: '《中华人民共和国消防法》第二十八条', fixedOnSpot: false },
    { description: '灭火器压力不足，未保持完好有效', location: '二层仓库', legalBasis: '《中华人民共和国消防法》第十六条第一款第二项', fixedOnSpot: false },
  ];
  const done = await inspectDemoTask(db, lead, task.id, INSPECTED, 'follow-up-journey', {
    unable: null,
    line: (_l, k) => (k < 2 ? { result: 'fail', hazard: HAZARDS[k]! } : { result: 'pass', hazard: null }),
  });
  if (!done) throw new Error('the inspection of 30 September was refused');
  const [record] = await db.select().from(inspectionRecords).where(eq(inspectionRecords.taskId, task.id));
  recordId = record!.id;
  e2e.setNow(ISSUED);
  page = await newPage(e2e, DESKTOP);
  await page.clock.setFixedTime(ISSUED);
  await logIn(page, 'wucheng');
}, 300_000);
afterAll(async () => e2e?.close());

describe('from hazard to penalty, across National Day 2026', { timeout: 300_000 }, () => {
  it('issues a 责令限期改正通知书 for both hazards, due 13 October (国庆 counted out), served by 10 October', async () => {
    await page.goto(`/admin/records/${recordId}`);
    await page.getByRole('heading', { name: '消防监督检查记录' }).waitFor();
    await page.getByRole('button', { name: buttonName('开具文书') }).click();
    const dialog = await openDialog(page, '开具文书');
    await expect.poll(() => dialog.getByRole('checkbox', { checked: true }).count()).toBe(2);
    const response = await responseTo(page, 'POST', /\/api\/records\/[^/]+\/notices$/, () => dialog.getByRole('button', { name: buttonName('开具') }).click());
    expect(response.status()).toBe(201);
    notice = (await response.json()) as DocumentView;
    expect(notice.number).toBe('婺消限字〔2026〕第0001号');
    await page.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: notice.number }).waitFor();
    await expect.poll(() => page.locator('.document-paper-items li').count()).toBe(2);
    await expect.poll(() => page.locator('.document-paper-note').allInnerTexts()).toEqual(['于2026年10月13日前改正', '于2026年10月13日前改正']);
    await expect.poll(() => page.locator('.ant-descriptions').innerText()).toContain('2026-10-10');
    await shoot(page, 'notice');
  });

  it('prints it as a PDF in Chinese whose check link opens a matching public page', async () => {
    const pdf = await page.request.get(`/api/documents/${notice.id}/pdf`);
    expect(pdf.status()).toBe(200);
    const bytes = await pdf.body();
    expect(bytes.length).toBeLessThan(200 * 1024);
    fs.writeFileSync(path.join(shotDir, 'notice.pdf'), bytes);
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
    let text = '';
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
    }
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('责令限期改正通知书');
    expect(flat).toContain(notice.number);
    expect(flat).toContain('于2026年10月13日前改正');
    expect(flat).toContain(`/portal/documents/${notice.checkCode}`);
    expect(flat).toContain(notice.printedHash.replace(/\s+/g, ''));

    const portal = await newPage(e2e, DESKTOP);
    await portal.goto(`/portal/documents/${notice.checkCode}`);
    await portal.getByRole('heading', { name: notice.number }).waitFor();
    await expect.poll(() => portal.getByText(notice.contentHash).count()).toBeGreaterThan(0);
    await portal.getByLabel('纸质文书上的内容摘要').fill(notice.printedHash);
    await portal.getByText(/^一致/).waitFor();
    await portal.close();
  });

  it('makes the 复查 task by itself two working days before the correction date', async () => {
    await dayOf(SCHEDULER_DAY);
    const outcomes = await runReinspectionScheduler({ db: e2e.database.db, ip: null, now: SCHEDULER_DAY, actorName: '系统定时任务' });
    const made = outcomes.find((o) => o.noticeId === notice.id);
    expect(made?.result).toBe('created');
    expect(made?.dueDate).toBe('2026-10-16');
    await page.goto(`/admin/documents/${notice.id}`);
    await page.getByRole('heading', { name: notice.number }).waitFor();
    await expect.poll(() => page.locator('body').innerText()).toContain('待复查');
    await page.goto(`/admin/tasks/${made!.taskId}`);
    await page.getByText('复查任务').first().waitFor();
    await page.getByText(notice.number).first().waitFor();
  });

  it('records the 复查: both still not corrected, and issues the 复查意见书', async () => {
    const [reinspection] = await e2e.database.db.select().from(tasks).where(eq(tasks.followsDocumentId, notice.id));
    const done = await inspectDemoTask(e2e.database.db, lead, reinspection!.id, REINSPECTED, 'follow-up-reinspection', {
      unable: null,
      line: (l) => ({ result: 'fail', hazard: { description: `逾期未改正：${l.text}`, location: '现场', legalBasis: '《中华人民共和国消防法》第六十条第一款第七项', fixedOnSpot: false } }),
    });
    expect(done).toBe(true);
    const stages = await e2e.database.db.select({ stage: hazards.stage, caseId: hazards.caseId }).from(hazards).where(eq(hazards.noticeId, notice.id));
    expect(stages).toEqual([
      { stage: 'case', caseId: null },
      { stage: 'case', caseId: null },
    ]);
  });

  it('opens a case, refuses 60,000 against art. 60 para. 1 item 7, decides 10,000, and the unit page shows it all', async () => {
    await dayOf(DECIDED);
    await page.goto(`/admin/units/${unitId}`);
    const section = page.locator('.ant-card').filter({ has: page.getByText('隐患与执法文书', { exact: true }) });
    await section.waitFor();
    for (const text of ['疏散通道堆放纸箱等杂物', '灭火器压力不足']) {
      await section.locator('tr.ant-table-row', { hasText: text }).first().locator('.ant-checkbox-input').check();
    }
    await section.getByRole('button', { name: /立\s*案（2）/ }).click();
    const dialog = await openDialog(page, /立案/);
    const opened = await responseTo(page, 'POST', /^\/api\/cases$/, () => dialog.getByRole('button', { name: buttonName('立案') }).click(), 201);
    const caseNumber = (await opened.json()).number as string;
    expect(caseNumber).toBe('婺消立字〔2026〕第0001号');
    await page.waitForURL(/\/admin\/cases\/[0-9a-f-]{36}$/);

    const form = page.locator('form#decision');
    await pickOption(page, form, '处罚依据', '《中华人民共和国消防法》第六十条第一款第七项（罚款 5,000 至 50,000 元）');
    await form.getByLabel('罚款金额（元）').fill('60000');
    await expect.poll(() => form.locator('.ant-alert-error').innerText()).toContain('5,000 至 50,000 元');
    await responseTo(page, 'POST', /\/api\/cases\/[^/]+\/decision$/, () => form.getByRole('button', { name: buttonName('作出处罚决定') }).click(), 400);
    await form.getByLabel('罚款金额（元）').fill('10000');
    await eventually(() => form.locator('.ant-alert-error').count()).toBe(0);
    const decided = await responseTo(page, 'POST', /\/api\/cases\/[^/]+\/decision$/, () => form.getByRole('button', { name: buttonName('作出处罚决定') }).click(), 200);
    const decisionNumber = (await decided.json()).decisionDocument.number as string;
    expect(decisionNumber).toBe('婺消行罚决字〔2026〕第000001号');
    await page.getByText('罚款 10,000 元').first().waitFor();
    await shoot(page, 'case');

    await page.goto(`/admin/units/${unitId}`);
    const history = page.locator('.ant-card').filter({ has: page.getByText('隐患与执法文书', { exact: true }) });
    await history.getByRole('link', { name: caseNumber }).waitFor();
    for (const number of [notice.number, '婺消复字〔2026〕第0001号', decisionNumber]) await history.getByRole('link', { name: number }).first().waitFor();
    await history.scrollIntoViewIfNeeded();
    await page.addStyleTag({ content: HIDE_TOASTS });
    await history.screenshot({ path: path.join(shotDir, 'unit-history-1440.png') });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, hazards, inspectionRecords, tasks } from '../../src/db/schema.ts';
import { seedDemoDraw } from '../../src/usecases/system/seed-demo-draw.ts';
import { buttonName, DESKTOP, eventually, HIDE_TOASTS, logIn, newPage, openDialog, pickOption, responseTo, SCREENSHOT_DIR, shootBothWidths, startE2E, type E2E } from './harness.ts';

/**
 * 案件办理 in the browser (decision 0023): 大队管理员 wucheng opens a case from two of a unit's hazards on the unit page
 * (隐患与执法文书), decides a fine — 60,000 first, outside 60-1-7's range (the error shows), then 10,000 — and the
 * unit page shows the case and its decision. Screenshots of the case page at 1440 and 390 px go to SCREENSHOT_DIR/cases.
 */
const NOW = new Date('2026-12-07T02:00:00Z');

let e2e: E2E;
let page: Page;
let unitId = '';
let caseUrl = '';
const shotDir = path.join(SCREENSHOT_DIR, 'cases');

async function shoot(p: Page, name: string) {
  await shootBothWidths(p, shotDir, name);
}

beforeAll(async () => {
  e2e = await startE2E({ now: NOW, unitCount: 600 });
  await seedDemoDraw(e2e.database.db, NOW, { followUp: false });
  const db = e2e.database.db;
  // Two hazards of one of wucheng's submitted inspections, under their correction notice (stage ordered), written
  // directly: turning a record's 不符合 lines into hazards belongs to the documents module.
  const [admin] = await db.select().from(accounts).where(eq(accounts.username, 'wucheng'));
  const [row] = await db
    .select({ record: inspectionRecords, task: tasks })
    .from(inspectionRecords)
    .innerJoin(tasks, eq(tasks.id, inspectionRecords.taskId))
    .where(and(eq(tasks.orgId, admin!.orgId), eq(inspectionRecords.outcome, 'inspected')))
    .orderBy(desc(inspectionRecords.submittedAt))
    .limit(1);
  if (!row) throw new Error('no submitted inspection in the demo data');
  unitId = row.task.unitId;
  for (const [i, description] of ['疏散通道堆放杂物，影响安全疏散', '部分灭火器压力不足'].entries()) {
    await db.insert(hazards).values({
      orgId: row.task.orgId,
      unitId,
      taskId: row.task.id,
      recordId: row.record.id,
      lineCode: `E2E-${i + 1}`,
      seq: 900 + i,
      description,
      location: i === 0 ? '一层东侧' : '二层',
      legalBasis: '《中华人民共和国消防法》第十六条',
      fixedOnSpot: false,
      foundOn: row.record.visitDate,
      stage: 'ordered',
      correctionDue: '2026-12-04',
    });
  }
  fs.mkdirSync(shotDir, { recursive: true });
  page = await newPage(e2e, DESKTOP);
  await logIn(page, 'wucheng');
}, 240_000);
afterAll(async () => e2e?.close());

describe('案件办理 for a brigade administrator', { timeout: 240_000 }, () => {
  it('opens a case from the unit’s hazards, is refused 60,000, decides 10,000, and the unit page shows it', async () => {
    await page.goto(`/admin/units/${unitId}`);
    const section = page.locator('.ant-card').filter({ has: page.getByText('隐患与执法文书', { exact: true }) });
    await section.waitFor();
    for (const text of ['疏散通道堆放杂物', '部分灭火器压力不足']) {
      await section.locator('tr.ant-table-row', { hasText: text }).locator('.ant-checkbox-input').check();
    }
    await section.getByRole('button', { name: /立\s*案（2）/ }).click();
    const dialog = await openDialog(page, /立案/);
    const opened = await responseTo(page, 'POST', /^\/api\/cases$/, () => dialog.getByRole('button', { name: buttonName('立案') }).click(), 201);
    const caseNumber = (await opened.json()).number as string;
    expect(caseNumber).toMatch(/消立字〔2026〕第\d{4}号$/);
    await page.waitForURL(/\/admin\/cases\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: `案件 ${caseNumber}` }).waitFor();
    caseUrl = new URL(page.url()).pathname;

    const form = page.locator('form#decision');
    await pickOption(page, form, '处罚依据', '《中华人民共和国消防法》第六十条第一款第七项（罚款 5,000 至 50,000 元）');
    await form.getByLabel('罚款金额（元）').fill('60000');
    // The browser checks as the amount is typed …
    await expect.poll(() => form.locator('.ant-alert-error').innerText()).toContain('5,000 至 50,000 元');
    // … and the server refuses it, naming the field.
    await responseTo(page, 'POST', /\/api\/cases\/[^/]+\/decision$/, () => form.getByRole('button', { name: buttonName('作出处罚决定') }).click(), 400);
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allInnerTexts()).toContainEqual(expect.stringContaining('罚款幅度为 5,000 至 50,000 元，60,000 元超出幅度'));

    // The refused decision as the administrator sees it (the phone width is shot after the decision, on reload).
    await page.addStyleTag({ content: HIDE_TOASTS });
    await page.screenshot({ path: path.join(shotDir, 'case-decision-refused-1440.png'), fullPage: true });

    await form.getByLabel('罚款金额（元）').fill('10000');
    await eventually(() => form.locator('.ant-alert-error').count()).toBe(0);
    const decided = await responseTo(page, 'POST', /\/api\/cases\/[^/]+\/decision$/, () => form.getByRole('button', { name: buttonName('作出处罚决定') }).click(), 200);
    const decisionNumber = (await decided.json()).decisionDocument.number as string;
    expect(decisionNumber).toMatch(/消行罚决字〔2026〕第000001号$/);
    await page.getByText('罚款 10,000 元').first().waitFor();
    await page.getByRole('link', { name: decisionNumber }).first().waitFor();
    await shoot(page, 'case');

    await page.getByRole('link', { name: /返回案件列表/ }).click();
    await page.waitForURL(/\/admin\/cases$/);
    await eventually(() => page.locator('.ant-table-tbody tr.ant-table-row', { hasText: caseNumber }).count()).toBe(1);
    await shoot(page, 'cases-list');

    await page.goto(`/admin/units/${unitId}`);
    const history = page.locator('.ant-card').filter({ has: page.getByText('隐患与执法文书', { exact: true }) });
    await history.getByRole('link', { name: caseNumber }).waitFor();
    await history.getByText('罚款 10,000 元').waitFor();
    await history.getByRole('link', { name: decisionNumber }).waitFor();
    await expect.poll(() => history.locator('tr.ant-table-row .ant-tag', { hasText: '立案查处中' }).count()).toBe(2);
    await history.scrollIntoViewIfNeeded();
    await page.addStyleTag({ content: HIDE_TOASTS });
    await history.screenshot({ path: path.join(shotDir, 'unit-follow-up-1440.png') });
  });

  it('records the payment, refers the case and records the reply, then closes it: the hazards are 已办结', async () => {
    await page.goto(caseUrl);
    await page.getByRole('button', { name: buttonName('登记缴纳') }).click();
    let dialog = await openDialog(page, /登记罚款缴纳/);
    await responseTo(page, 'POST', /\/api\/cases\/[^/]+\/payment$/, () => dialog.getByRole('button', { name: buttonName('登记') }).click(), 200);
    await page.locator('.ant-descriptions').getByText('已缴纳').waitFor();

    await page.getByRole('button', { name: buttonName('移送') }).click();
    dialog = await openDialog(page, /移送/);
    await dialog.getByLabel('接收部门').fill('金华市婺城区住房和城乡建设局');
    await dialog.getByLabel('移送理由').fill('涉及违法建设，属住房和城乡建设部门管辖');
    await dialog.getByLabel('联系人').fill('王五');
    await dialog.getByLabel('联系电话').fill('0579-82000000');
    await responseTo(page, 'POST', /\/api\/cases\/[^/]+\/referrals$/, () => dialog.getByRole('button', { name: buttonName('移送') }).click(), 201);
    const referrals = page.locator('.ant-card').filter({ has: page.getByText('移送', { exact: true }) });
    await referrals.getByRole('link', { name: /消移字〔2026〕第\d{4}号$/ }).waitFor();
    await referrals.getByRole('button', { name: buttonName('登记回复') }).click();
    dialog = await openDialog(page, /登记回复/);
    await dialog.getByLabel('回复内容').fill('已接收，依法处理');
    await responseTo(page, 'POST', /\/api\/referrals\/[^/]+\/reply$/, () => dialog.getByRole('button', { name: buttonName('登记') }).click(), 200);
    await referrals.getByText('已回复').waitFor();

    await page.getByRole('button', { name: buttonName('结案') }).click();
    dialog = await openDialog(page, /结案/);
    await responseTo(page, 'POST', /\/api\/cases\/[^/]+\/close$/, () => dialog.getByRole('button', { name: buttonName('结案') }).click(), 200);
    await page.locator('.ant-descriptions').getByText('已结案').waitFor();

    await page.goto(`/admin/units/${unitId}`);
    const history = page.locator('.ant-card').filter({ has: page.getByText('隐患与执法文书', { exact: true }) });
    await expect.poll(() => history.locator('tr.ant-table-row .ant-tag', { hasText: '已办结' }).count()).toBe(2);
  });

  it('seals a place after a collective decision on the unit page, then lifts the seal', async () => {
    await page.goto(`/admin/units/${unitId}`);
    const history = page.locator('.ant-card').filter({ has: page.getByText('隐患与执法文书', { exact: true }) });
    await history.getByRole('button', { name: buttonName('临时查封') }).click();
    const dialog = await openDialog(page, /临时查封/);
    await dialog.getByLabel('查封场所、部位').fill('地下一层仓库');
    await dialog.getByLabel('查封理由').fill('安全出口全部锁闭，严重威胁公共安全');
    // 30 days from the seal must stay within 2026 (the calendar of 2027 is not entered): sealed on 2026-11-20.
    for (const [label, value] of [['查封时间', '2026-11-20 10:00'], ['集体议决时间', '2026-11-20 09:00']] as const) {
      const input = dialog.getByLabel(label);
      await input.click();
      await input.fill(value);
      await input.press('Enter');
    }
    await dialog.getByLabel('参加集体议决人员').fill('张某（大队长）、李某（教导员）、王某');
    await responseTo(page, 'POST', /^\/api\/sealings$/, () => dialog.getByRole('button', { name: buttonName('查封') }).click(), 201);
    await history.getByText('2026-11-20 至 2026-12-21', { exact: false }).waitFor();
    await history.getByRole('link', { name: /消封字〔2026〕第\d{4}号$/ }).first().waitFor();
    await history.getByRole('button', { name: buttonName('解除') }).click();
    const lift = await openDialog(page, /解除临时查封/);
    await responseTo(page, 'POST', /\/api\/sealings\/[^/]+\/lift$/, () => lift.getByRole('button', { name: buttonName('解除') }).click(), 200);
    await history.getByRole('link', { name: /消解封字〔2026〕第\d{4}号$/ }).first().waitFor();
    await page.addStyleTag({ content: HIDE_TOASTS });
    await history.screenshot({ path: path.join(shotDir, 'unit-follow-up-sealed-1440.png') });
  });
});

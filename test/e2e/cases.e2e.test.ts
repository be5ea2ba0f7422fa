import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, hazards, inspectionRecords, tasks } from '../../src/db/schema.ts';
import { seedDemoDraw } from '../../src/usecases/system/seed-demo-draw.ts';
import { HIDE_TOASTS, SCREENSHOT_DIR, buttonName, eventually, logIn, newPage, openDialog, pickOption, responseTo, startE2E, type E2E } from './harness.ts';

/**
 * 案件办理 in the browser (decision 0023): 大队管理员 wucheng opens a case from two of a unit's hazards on the unit page
 * (隐患与执法文书), decides a fine — 60,000 first, outside 60-1-7's range (the error shows), then 10,000 — and the
 * unit page shows the case and its decision. Screenshots of the case page at 1440 and 390 px go to SCREENSHOT_DIR/cases.
 */
const NOW = new Date('2026-12-07T02:00:00Z');
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let e2e: E2E;
let page: Page;
let unitId = '';
const shotDir = path.join(SCREENSHOT_DIR, 'cases');

async function settled(p: Page) {
  await p.waitForLoadState('networkidle');
  await eventually(() => p.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
}

async function shoot(p: Page, name: string) {
  await p.addStyleTag({ content: HIDE_TOASTS });
  await p.setViewportSize(DESKTOP);
  await settled(p);
  await p.screenshot({ path: path.join(shotDir, `${name}-1440.png`), fullPage: true });
  await p.setViewportSize(PHONE);
  await p.reload();
  await p.addStyleTag({ content: HIDE_TOASTS });
  await settled(p);
  expect(await p.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
  await p.screenshot({ path: path.join(shotDir, `${name}-390.png`), fullPage: true });
  await p.setViewportSize(DESKTOP);
  await p.reload();
  await settled(p);
}

beforeAll(async () => {
  e2e = await startE2E({ now: NOW, unitCount: 600 });
  await seedDemoDraw(e2e.database.db, NOW);
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
});

import fs from 'node:fs';
import path from 'node:path';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, hazards, tasks, units } from '../../src/db/schema.ts';
import { seedDemoDraw } from '../../src/usecases/system/seed-demo-draw.ts';
import { makeJpeg } from './field-steps.ts';
import { buttonName, logIn, newPage, PHONE, SCREENSHOT_DIR, settled, shootBothWidths, startE2E, type E2E } from './harness.ts';
import { applyEarlyReinspection, complain, noticeCard, openUnitPage, rateVisit, uploadEvidence, visitCard } from './unit-page-steps.ts';

/**
 * The inspected unit's own page (decision 0024), on a phone: from the public check of its 责令限期改正通知书 the unit
 * follows 「我是被检查单位，查看整改要求」, types its 统一社会信用代码 (a wrong one first: refused without saying which of
 * the two was wrong), sees the notice's hazards and deadline, uploads a photo of the corrected exit, asks for an early
 * 复查, rates the visit and complains about its 主办. The brigade (wucheng) sees the photo and the request on the
 * notice's page; 纪检 of the 支队 (jijian) reads the rating and the complaint.
 */
/** The demo is seeded as of Monday 7 December 2026; the journey happens on the day its notice was issued. */
const SEEDED = new Date('2026-12-07T02:00:00Z');
let NOW = SEEDED;
let TODAY = '2026-12-07';
const shotDir = path.join(SCREENSHOT_DIR, 'publication');

let e2e: E2E;
let page: Page;
let notice: { id: string; number: string; code: string; uscc: string; unitName: string; visitDate: string | null };

beforeAll(async () => {
  e2e = await startE2E({ now: SEEDED, unitCount: 600 });
  await seedDemoDraw(e2e.database.db, SEEDED);
  fs.mkdirSync(shotDir, { recursive: true });
  const db = e2e.database.db;
  // A demo notice with hazards still to correct and no 复查 yet; the journey takes place on its issue day.
  const issued = await db
    .select({ id: documents.id, number: documents.number, code: documents.checkCode, taskId: documents.taskId, issueDate: documents.issueDate, uscc: units.uscc, unitName: units.name })
    .from(documents)
    .innerJoin(units, eq(units.id, documents.unitId))
    .where(and(eq(documents.docType, 'deadline_notice'), eq(documents.status, 'issued')))
    .orderBy(asc(documents.issueDate), asc(documents.number));
  const candidates = [];
  const seen: string[] = [];
  for (const d of issued) {
    const own = (await db.select().from(hazards).where(eq(hazards.noticeId, d.id))).filter((h) => h.stage === 'ordered');
    const following = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.followsDocumentId, d.id));
    const due = own.map((h) => h.correctionDue ?? '').sort().at(-1) ?? '';
    seen.push(`${d.number} ${own.length} ${due} ${following.length}`);
    if (own.length > 0 && due > d.issueDate && following.length === 0) candidates.push(d);
  }
  const chosen = candidates.at(-1);
  if (!chosen) throw new Error(`the demo has no notice still in its correction period: ${seen.join('; ')}`);
  const [task] = chosen.taskId ? await db.select({ visitDate: tasks.visitDate }).from(tasks).where(inArray(tasks.id, [chosen.taskId])) : [];
  notice = { id: chosen.id, number: chosen.number, code: chosen.code, uscc: chosen.uscc, unitName: chosen.unitName, visitDate: task?.visitDate ?? null };
  TODAY = chosen.issueDate;
  NOW = new Date(`${TODAY}T02:00:00Z`);
  e2e.setNow(NOW);
  page = await newPage(e2e, PHONE);
  await page.clock.setFixedTime(NOW);
}, 300_000);
afterAll(async () => {
  await e2e?.close();
});

describe('the inspected unit’s own page', () => {
  it('is reached from the public check of the notice, and refuses a wrong credit code without saying which was wrong', async () => {
    await page.goto(`/portal/documents/${notice.code}`);
    await page.getByRole('link', { name: '我是被检查单位，查看整改要求' }).click();
    await page.waitForURL(/\/portal\/unit\?code=/);
    await expect.poll(() => page.getByLabel('核验码').inputValue()).toBe(notice.code);
    // A credit code with a wrong check character gets the hint as it is typed, and the server's one message.
    const wrong = notice.uscc.slice(0, 17) + (notice.uscc.endsWith('0') ? '1' : '0');
    await page.getByLabel('统一社会信用代码').fill(wrong);
    await page.getByText(/校验位错误/).waitFor();
    await shootBothWidths(page, shotDir, 'unit-entry');
    await page.getByLabel('统一社会信用代码').fill(wrong);
    await page.getByRole('button', { name: buttonName('查看本单位信息') }).click();
    await page.getByRole('alert').getByText('核验码或统一社会信用代码不正确，请核对文书上的核验码').waitFor();
  });

  it('shows the notice with its hazards and deadline, the visit with masked inspectors, and takes a photo', async () => {
    await openUnitPage(page, notice.code, notice.uscc);
    await page.getByRole('heading', { name: notice.unitName }).waitFor();
    const card = noticeCard(page, notice.number);
    await card.getByText(/限期整改中（.*前改正）/).waitFor();
    await card.getByText(/整改期限：.*还剩 \d+ 个工作日/).waitFor();
    expect(await card.locator('ol li').count()).toBeGreaterThan(0);
    const visit = visitCard(page, notice.visitDate ?? undefined);
    await expect.poll(() => visit.innerText()).toMatch(/\*.*（主办）/);
    const photo = await makeJpeg(e2e.browser, 800, 600);
    await uploadEvidence(page, notice.number, { name: '安全出口已开锁.jpg', mimeType: 'image/jpeg', buffer: photo });
  });

  it('asks for an early 复查, rates the visit and complains about its 主办', async () => {
    await applyEarlyReinspection(page, notice.number, '已全部整改完毕');
    await rateVisit(page, 4, '检查认真，讲解清楚', notice.visitDate ?? undefined);
    await complain(page, { about: '主办', text: '检查时态度生硬，未出示执法证件', contact: '13800009999', visitDate: notice.visitDate ?? undefined });
    await settled(page);
    await shootBothWidths(page, shotDir, 'unit-home');
  });

  it('ends with 退出, and a stale page asks for the code again', async () => {
    await page.getByRole('button', { name: buttonName('退出') }).click();
    await page.waitForURL(/\/portal\/unit$/);
    await page.goto('/portal/unit/home');
    await page.getByText('查看已过期，请重新输入核验码').waitFor();
  });
});

describe('the brigade and 纪检', () => {
  it('shows the brigade the unit’s photo and early request on the notice’s page', async () => {
    const admin = await newPage(e2e);
    await admin.clock.setFixedTime(NOW);
    await logIn(admin, 'wucheng');
    await admin.goto(`/admin/documents/${notice.id}`);
    await admin.getByText('单位提交的整改材料').waitFor();
    await admin.getByRole('link', { name: '安全出口已开锁.jpg' }).waitFor();
    await admin.getByText(`单位通过核验码页面于 ${TODAY} 申请提前复查：已全部整改完毕`).waitFor();
    await shootBothWidths(admin, shotDir, 'document-unit-evidence');
    // The brigade has no feedback menu, and the page refuses it.
    expect(await admin.getByRole('menuitem', { name: /回访评价与投诉/ }).count()).toBe(0);
    await admin.goto('/admin/feedback');
    await admin.getByText('无权访问').waitFor();
    await admin.close();
  });

  it('shows 纪检 of the 支队 the rating and the complaint with the inspector’s name', async () => {
    const jijian = await newPage(e2e);
    await jijian.clock.setFixedTime(NOW);
    await logIn(jijian, 'jijian');
    await jijian.getByRole('menuitem', { name: /回访评价与投诉/ }).click();
    await jijian.waitForURL(/\/admin\/feedback$/);
    await jijian.getByText('检查时态度生硬，未出示执法证件').waitFor();
    await jijian.getByText('13800009999').waitFor();
    await jijian.getByText('4 分 满意').waitFor();
    await jijian.getByText('检查认真，讲解清楚').waitFor();
    await shootBothWidths(jijian, shotDir, 'feedback');
    await jijian.close();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDraw } from '../../src/usecases/system/seed-demo-draw.ts';
import { buttonName, DESKTOP, eventually, imagesLoaded, logIn, newPage, openDialog, responseTo, SCREENSHOT_DIR, shootBothWidths, startE2E, type E2E } from './harness.ts';

/**
 * The admin side of field work (decision 0020): 大队管理员 wucheng reads last month's records — one with hazards,
 * its photos and signatures, its task — then a 无法检查 task, and brings in the stratum's next alternate from it
 * (递补). Screenshots of the four pages at 1440 and 390 px, and of the record as printed, go to SCREENSHOT_DIR/records.
 */
const NOW = new Date('2026-12-07T02:00:00Z');

let e2e: E2E;
let page: Page;
const shotDir = path.join(SCREENSHOT_DIR, 'records');

async function shoot(p: Page, name: string) {
  await shootBothWidths(p, shotDir, name);
}


beforeAll(async () => {
  e2e = await startE2E({ now: NOW, unitCount: 600 });
  await seedDemoDraw(e2e.database.db, NOW);
  fs.mkdirSync(shotDir, { recursive: true });
  page = await newPage(e2e, DESKTOP);
  await logIn(page, 'wucheng');
}, 180_000);
afterAll(async () => e2e?.close());

describe('检查记录 for a brigade administrator', { timeout: 180_000 }, () => {
  it('lists last month’s records and opens one with hazards: lines, photos, signatures', async () => {
    await page.locator('nav[aria-label="后台菜单"]').getByText('检查记录', { exact: true }).click();
    await page.waitForURL(/\/admin\/records$/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await eventually(() => rows.count()).toBeGreaterThan(0);
    await shoot(page, 'records-list');

    const withHazards = rows.filter({ hasText: /\d+ 处/ }).first();
    await withHazards.locator('a').first().click();
    await page.waitForURL(/\/admin\/records\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: '消防监督检查记录' }).waitFor();
    await expect.poll(() => page.locator('.record-hazard').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.record-line .ant-tag', { hasText: '不符合' }).count()).toBeGreaterThan(0);
    // Photos and signatures are served by /api/files and shown.
    await eventually(() => imagesLoaded(page, '.record-photos img')).toBeGreaterThan(0);
    await eventually(() => imagesLoaded(page, 'img.record-signature-image')).toBeGreaterThan(0);
    await shoot(page, 'record-detail');
    // Printed, it is the record alone: no header, menu or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.admin-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: buttonName('打印') }).isVisible()).toBe(false);
    await page.screenshot({ path: path.join(shotDir, 'record-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('button', { name: buttonName('查看任务') }).click();
    await page.waitForURL(/\/admin\/tasks\/[0-9a-f-]{36}$/);
    await page.getByText('任务信息').waitFor();
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '第 1 版' }).count()).toBe(1);
    await shoot(page, 'task-detail');
  });

  it('opens a 无法检查 task and brings in the stratum’s next alternate through 递补', async () => {
    await page.goto('/admin/records?outcome=unable');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await eventually(() => rows.count()).toBeGreaterThan(0);
    await rows.first().getByRole('link', { name: '任务' }).click();
    await page.waitForURL(/\/admin\/tasks\/[0-9a-f-]{36}$/);
    const cta = page.locator('.ant-alert', { hasText: '本任务无法检查' });
    await cta.waitFor();
    await shoot(page, 'task-unable');
    await cta.getByRole('button', { name: buttonName('递补检查对象') }).click();
    const dialog = await openDialog(page, /递补检查对象/);
    await dialog.getByLabel('递补理由').fill('现场核实已停业');
    await dialog.getByLabel('证明材料').fill('现场照片 2 张，见检查记录');
    await responseTo(page, 'POST', /\/api\/tasks\/[^/]+\/replace-unit$/, () => dialog.getByRole('button', { name: buttonName('递补') }).click());
    await page.locator('.ant-alert', { hasText: '检查对象已递补' }).waitFor();
    await expect.poll(() => page.locator('.ant-tag', { hasText: '已递补' }).count()).toBeGreaterThan(0);
  });

  it('shows the outbox with each message’s state', async () => {
    await page.locator('nav[aria-label="后台菜单"]').getByText('消息发件箱', { exact: true }).click();
    await page.waitForURL(/\/admin\/outbox$/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await eventually(() => rows.count()).toBeGreaterThan(0);
    await expect.poll(() => rows.first().locator('.ant-tag').innerText()).toMatch(/已发送|待发送|发送失败/);
    await shoot(page, 'outbox');
  });
});

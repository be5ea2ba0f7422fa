import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../harness/http.ts';
import { executeJanuaryDraw } from './api-steps.ts';
import { SCREENSHOT_DIR, dialogsOf, eventually, newPage, startE2E, type E2E } from './harness.ts';

/** The server's clock: mid-December 2025, so January 2026 is the month drawn (the 2026 calendar is seeded). */
const NOW = new Date('2025-12-15T02:00:00Z');
/** A phone held upright. */
const PHONE = { width: 390, height: 844 };

let e2e: E2E;
let drawCode: string;



beforeAll(async () => {
  e2e = await startE2E({ now: NOW, unitCount: 150 });
  drawCode = (await executeJanuaryDraw(e2e.app)).code;
});
afterAll(async () => e2e?.close());

/** Nothing wider than the phone: no sideways scrolling of the whole page. */
const pageWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

async function openMenuAndGo(page: Page, section: string) {
  await page.getByRole('button', { name: '菜单' }).click();
  const menu = page.getByRole('dialog', { name: '门户导航' });
  await eventually(() => menu.isVisible()).toBe(true);
  await menu.getByRole('link', { name: section, exact: true }).click();
  await eventually(() => menu.isVisible()).toBe(false);
}

describe('the portal on a phone', () => {
  it('opens the menu, reads the algorithm, and verifies a draw by uploading its bundle', async () => {
    const page = await newPage(e2e, PHONE);
    await page.goto('/');

    // The header is the brand and 「菜单」; the desktop bar is hidden, and every section is in the menu.
    const menuButton = page.getByRole('button', { name: '菜单' });
    await eventually(() => menuButton.isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: '门户导航', exact: true }).isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-phone-home.png') });
    await menuButton.click();
    const menu = page.getByRole('dialog', { name: '门户导航' });
    await eventually(() => menu.isVisible()).toBe(true);
    expect(await menu.getByRole('link').allInnerTexts()).toEqual([
      '首页',
      '抽查事项',
      '抽查计划',
      '抽取结果',
      '抽查结果',
      '抽取算法',
      '开放数据',
      '登录',
    ]);
    const linkHeight = (await menu.getByRole('link', { name: '抽取算法' }).boundingBox())!.height;
    expect(linkHeight).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-phone-menu.png') });
    await menu.getByRole('link', { name: '抽取算法' }).click();

    // 抽取算法: the public specification, readable at 390 px, with its contents and the file to download.
    await page.waitForURL(/\/portal\/algorithm$/);
    await eventually(() => page.getByRole('heading', { level: 1, name: 'XF-SRS/1 抽取算法公开规范' }).isVisible()).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    const download = page.getByRole('link', { name: /下载规范原文/ });
    const file = await page.request.get((await download.getAttribute('href'))!);
    expect(file.status()).toBe(200);
    expect(await file.text()).toBe(fs.readFileSync('docs/draw-algorithm.md', 'utf8'));
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-phone-algorithm.png') });

    await page.getByRole('button', { name: '目录' }).click();
    await page.getByRole('navigation', { name: '目录' }).getByRole('link', { name: '7.3 验证步骤' }).click();
    await page.waitForURL(/\/portal\/algorithm#s7-3$/);
    const section = page.getByRole('heading', { level: 3, name: '7.3 验证步骤' });
    await eventually(async () => (await section.boundingBox())?.y ?? -1).toBeLessThan(100);
    // The checks' table scrolls inside its own box, not the page.
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-phone-algorithm-table.png') });

    // 抽取结果 → the draw → 上传结果包验证 with the bundle someone kept.
    await openMenuAndGo(page, '抽取结果');
    await page.getByRole('link', { name: drawCode }).click();
    await page.waitForURL(new RegExp(`/portal/draws/${drawCode}$`));
    const bundle = (await call(e2e.app, null, 'GET', `/api/public/draws/${drawCode}/bundle`)).body;
    const kept = path.resolve('.test-data', `${drawCode}.bundle.json`);
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    fs.writeFileSync(kept, bundle);
    await page.locator('#bundle-file').setInputFiles(kept);
    const passed = page.getByText(`验证通过（文件 ${path.basename(kept)}）`);
    await eventually(() => passed.isVisible()).toBe(true);
    const checks = page.locator('[data-check]');
    expect(await checks.count()).toBeGreaterThanOrEqual(7);
    expect(await page.getByLabel('通过', { exact: true }).count()).toBe(await checks.count());
    expect(await page.getByLabel('未通过').count()).toBe(0);
    await eventually(() => page.getByText('抽中的单位和检查人员与公布的结果完全相同').isVisible()).toBe(true);
    await eventually(() => page.getByText('开奖号码与公布的一致').isVisible()).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await passed.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-phone-verified.png') });
    await page.locator('[data-check="result"]').getByText('技术细节').click();
    await eventually(() =>
      page
        .locator('[data-check="result"]')
        .getByText(/JCS 字节完全相同/)
        .isVisible(),
    ).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-phone-verified-details.png'), fullPage: true });

    expect(dialogsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps the desktop bar, with 抽取算法, and shows the contents beside the text on a wide screen', async () => {
    const page = await newPage(e2e);
    await page.goto('/');
    const bar = page.getByRole('navigation', { name: '门户导航', exact: true });
    await eventually(() => bar.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '菜单' }).isVisible()).toBe(false);
    await bar.getByRole('link', { name: '抽取算法' }).click();
    await page.waitForURL(/\/portal\/algorithm$/);
    const contents = page.getByRole('navigation', { name: '目录' });
    await eventually(() => contents.getByRole('link', { name: '5.2 排名规则' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-algorithm-desktop.png') });
    await page.context().close();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerifyDraw } from '../../src/cli/verify-draw.ts';
import { recordCallbackExternalValue } from '../../src/usecases/callbacks/record-callback-external-value.ts';
import { demoContextFor } from '../../src/usecases/system/seed-demo-draw.ts';
import { buttonName, DESKTOP, eventually, logIn, newPage, openDialog, SCREENSHOT_DIR, settled, shootBothWidths, startE2E, type E2E } from './harness.ts';

/**
 * 纪检回访 (issue 16, decision 0026), page only: 纪检 jijian logs in → 纪检回访 → freezes the last full quarter's list →
 * enters the lottery value (jijian2's second entry through the use case) → 执行抽取 → records one callback → sees it in
 * the quarterly report → downloads the result bundle, which draw-verify verifies offline.
 */
const NOW = new Date('2026-12-06T02:00:00Z');
const shotDir = path.join(SCREENSHOT_DIR, 'oversight');

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E({ now: NOW, unitCount: 600 });
  fs.mkdirSync(shotDir, { recursive: true });
  page = await newPage(e2e, DESKTOP);
  await page.clock.setFixedTime(NOW);
  await logIn(page, 'jijian');
}, 300_000);
afterAll(async () => e2e?.close());

describe('纪检回访', () => {
  it('draws the quarter, records a callback and shows it in the report', async () => {
    await page.getByRole('menuitem', { name: /纪检回访/ }).click();
    await page.waitForURL(/\/admin\/callbacks$/);
    await settled(page);
    await page.getByText('各大队候选单位与回访数量（2026年第三季度）').waitFor();
    await page.getByLabel('期号').fill('2026340');
    await page.getByRole('button', { name: buttonName('冻结清单') }).click();
    await page.waitForURL(/\/admin\/callbacks\/[0-9a-f-]{36}$/);
    const roundId = page.url().split('/').at(-1)!;
    await settled(page);

    await page.getByLabel('开奖号码').fill('3 1 4');
    await page.getByRole('button', { name: buttonName('录入') }).click();
    await page.getByText('您已录入，须由另一名纪检人员复核录入。').waitFor();
    const jijian2 = await demoContextFor(e2e.database.db, 'jijian2', NOW);
    expect(await recordCallbackExternalValue(jijian2, roundId, { source: '福彩3D', ref: '2026340', value: '3 1 4' })).toEqual({ confirmed: true });
    await page.reload();
    await settled(page);
    await page.getByRole('button', { name: buttonName('执行抽取') }).click();
    await page.getByText('季度报告（2026年第三季度）').waitFor();

    await page.getByRole('button', { name: buttonName('记录回访') }).first().click();
    // Once the dialog has finished zooming in: a star clicked during the animation can miss, and 满意度 then stays empty.
    const dialog = await openDialog(page, /回访记录/);
    // Four stars, read with the pointer moved off them (hovering lights the stars up to the pointer whatever was chosen).
    const stars = async () => {
      await page.mouse.move(0, 0);
      return dialog.locator('.ant-rate-star-full').count();
    };
    await dialog.locator('.ant-rate-star').nth(3).click();
    await eventually(stars).toBe(4);
    await dialog.getByLabel('备注').fill('单位对检查过程满意');
    await dialog.getByRole('button', { name: buttonName('保存') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('单位对检查过程满意').waitFor();
    const total = page.locator('.ant-card', { hasText: '季度报告' }).locator('tr', { hasText: '合计' });
    await eventually(async () => (await total.locator('td').allTextContents()).slice(2, 6)).toEqual(['1', '1', '100.0%', '4.0']);
    await shootBothWidths(page, shotDir, 'callback-round');

    // The bundle as 纪检 downloads it verifies offline with draw-verify (exit code 0), like any plan draw's.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载结果包/ }).click()]);
    const file = path.join(shotDir, `callback-bundle-${roundId}.json`);
    await download.saveAs(file);
    try {
      expect(await runVerifyDraw([file])).toBe(0);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});

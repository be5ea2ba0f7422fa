import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnualReportView } from '../../src/contracts/annual-report.ts';
import { seedDemoDraw } from '../../src/usecases/system/seed-demo-draw.ts';
import { buttonName, logIn, newPage, responseTo, SCREENSHOT_DIR, settled, shootBothWidths, startE2E, type E2E } from './harness.ts';

/**
 * Issue 16's annual report, in December 2026: 婺城's administrator opens 年度工作总结 (the demo seeded last month's
 * inspections, notices, a penalty and publications), sees 2026 beside 2025, writes the brigade's own 存在的问题 and
 * downloads the Word document, whose title and figures match the page's; 纪检 (支队) chooses a brigade.
 */
const NOW = new Date('2026-12-15T02:00:00Z');
const shotDir = path.join(SCREENSHOT_DIR, 'annual-report');

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E({ now: NOW });
  await seedDemoDraw(e2e.database.db, NOW);
  fs.mkdirSync(shotDir, { recursive: true });
  page = await newPage(e2e);
  await page.clock.setFixedTime(NOW);
}, 300_000);
afterAll(async () => {
  await e2e?.close();
});

function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('annual report journey', () => {
  it('shows the year beside last year and downloads the .docx with the brigade’s words and the page’s figures', async () => {
    await logIn(page, 'wucheng');
    const answer = await responseTo(page, 'GET', /^\/api\/annual-report$/, () => page.goto(`${e2e.baseUrl}/admin/annual-report`));
    const view = (await answer.json()) as AnnualReportView;
    await settled(page);
    expect(view.year).toBe(2026);
    expect(view.current.source).toBe('system');
    await expect.poll(() => page.getByText(view.title).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('cell', { name: '抽查单位（家）' }).count()).toBe(1);
    await shootBothWidths(page, shotDir, 'annual-report');

    await page.getByLabel('三、存在的问题').fill('（一）部分单位登记地址与实际不符，查找耗时。');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: buttonName('下载 Word 文档') }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/2026年度双随机一公开工作总结\.docx$/);
    const bytes = fs.readFileSync((await file.path())!);
    const text = wordText(strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!));
    expect(text).toContain(view.title);
    expect(text).toContain(`“双随机”抽查单位${view.current.drawn}家`);
    expect(text).toContain(`实施检查${view.current.inspected}家`);
    expect(text).toContain('（一）部分单位登记地址与实际不符，查找耗时。');
  });

  it('lets 纪检 of the 支队 choose a brigade', async () => {
    await page.context().clearCookies();
    await logIn(page, 'jijian');
    await page.goto(`${e2e.baseUrl}/admin/annual-report`);
    await settled(page);
    await expect.poll(() => page.getByLabel('大队').count()).toBeGreaterThan(0);
    await shootBothWidths(page, shotDir, 'annual-report-jijian');
  });
});

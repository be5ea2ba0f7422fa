/**
 * Screenshots of the field app at a phone (390×844) and a tablet (820×1180) into docs/screenshots/field/.
 * Run against a started server with the demo data: `PORT=3101 npm start`, then
 * `node --import tsx scripts/field-screenshots.ts http://127.0.0.1:3101`. The tasks are first start's demo: 监督员
 * jiandu's tasks of this month's draw. The record is left in 待发送 (the phone goes offline before it is submitted),
 * so the script can run again on the same data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { addLinePhoto, chooseResult, describeHazard, drawSignature, lineOf, logInField, makeJpeg } from '../test/e2e/field-steps.ts';

const baseURL = process.argv[2] ?? 'http://127.0.0.1:3101';
const outDir = path.resolve('docs/screenshots/field');
fs.mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const jpeg = await makeJpeg(browser, 4000, 3000);

async function shoot(page: Page, name: string, size: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, `${name}-${size}.png`) });
}

for (const [size, viewport] of [
  ['390', { width: 390, height: 844 }],
  ['820', { width: 820, height: 1180 }],
] as const) {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN', deviceScaleFactor: 1, serviceWorkers: 'block' });
  const page = await context.newPage();
  await logInField(page, 'jiandu', 'Demo@2026');
  await page.getByRole('tab', { name: /本周/ }).click();
  // The first of jiandu's tasks whose unit has been told (a visit day is set): it can be started.
  const card = page.locator('.task-card').filter({ has: page.locator('.tag-notified, .tag-in_progress') }).first();
  await card.waitFor();
  await shoot(page, 'list', size);

  await card.click();
  await page.getByRole('heading', { name: '任务详情' }).waitFor();
  await shoot(page, 'detail', size);

  await page.getByRole('button', { name: /开始检查|继续填写/ }).click();
  await page.getByRole('heading', { name: '检查记录' }).waitFor();
  await chooseResult(page, 1, '符合');
  await chooseResult(page, 2, '不符合');
  await describeHazard(page, 2, { description: '二层 3 具灭火器压力不足', location: '二层东侧走廊', fixed: false });
  await page.evaluate('window.scrollTo(0, 0)');
  await shoot(page, 'checklist', size);

  await addLinePhoto(page, 2, jpeg);
  await lineOf(page, 2).locator('.photo img').first().scrollIntoViewIfNeeded();
  await page.evaluate('window.scrollBy(0, 120)');
  await shoot(page, 'photo', size);

  await chooseResult(page, 3, '不符合');
  await describeHazard(page, 3, { description: '一层安全出口被货物堵塞', location: '一层北侧安全出口', fixed: true });
  await chooseResult(page, 4, '不适用');
  const lines = await page.getByRole('article', { name: /^第 \d+ 项 / }).count();
  for (let index = 5; index <= lines; index++) await chooseResult(page, index, '符合');
  await page.getByRole('radio', { name: '发现火灾隐患', exact: true }).click();
  await page.getByLabel('陪同人员姓名').fill('陈立新');
  await drawSignature(page, '主办');
  await page.getByText('协办将在自己的设备上确认').click();
  await page.getByRole('radio', { name: '当场签名' }).click();
  await page.getByRole('img', { name: '被检查单位签名区' }).scrollIntoViewIfNeeded();
  await page.evaluate('window.scrollBy(0, 200)');
  await shoot(page, 'signature', size);
  await drawSignature(page, '被检查单位');

  await context.setOffline(true);
  await page.getByRole('button', { name: '提交到待发送' }).click();
  await page.getByRole('heading', { name: '待发送' }).waitFor();
  await shoot(page, 'outbox', size);
  await context.close();
}
await browser.close();
console.log(`截图已保存到 ${outDir}`);

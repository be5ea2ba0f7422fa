import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte } from 'drizzle-orm';
import type { FieldTask, FieldTaskBundle } from '../../src/contracts/field.ts';
import { tasks } from '../../src/db/schema.ts';
import { seedDemoDraw } from '../../src/usecases/system/seed-demo-draw.ts';
import { buildTestApp, call, logInAs } from '../harness/http.ts';
import { chooseResult, lineOf, logInField, overflowingElements } from './field-steps.ts';
import { DEMO_PASSWORD, SCREENSHOT_DIR, eventually, startE2E, type E2E } from './harness.ts';

/**
 * The field app's update path (field rule 10, decision 0022): the service worker is installed; a new deployment
 * brings a changed /field-sw.js (here: the built worker with a few bytes more, written into a copy of the build that
 * a second server on the same database serves — Chromium checks a worker script for updates from the browser
 * process, where a page's or context's request interception does not reach);
 * the app finds it when it checks, offers it in Chinese, never while a record is open with input on it — no reload
 * there — and once the inspector accepts, reloads onto the new worker.
 */

const NOW = new Date('2026-12-07T02:00:00Z');
const PHONE = { width: 390, height: 844 };
/** What the new deployment's worker adds: it answers a question the old one does not know. */
const NEW_WORKER_TAIL = `
// 新版本（测试用）：回答版本询问
self.addEventListener('message', (event) => { if (event.data === 'xf-version?' && event.ports[0]) event.ports[0].postMessage('新版本'); });
`;

let e2e: E2E;
let unitName = '';
/** The deployed build: a copy of web/dist, served by its own server. */
let deployed = '';
let server: FastifyInstance | null = null;
let baseURL = '';

beforeAll(async () => {
  e2e = await startE2E({ now: NOW, unitCount: 600 });
  await seedDemoDraw(e2e.database.db, NOW);
  const jiandu = await logInAs(e2e.app, 'jiandu', DEMO_PASSWORD);
  const open = (t: FieldTask) => (t.status === 'notified' || t.status === 'assigned') && t.dueDate >= '2026-12-07';
  let task = (await call(e2e.app, jiandu, 'GET', '/api/field/tasks?days=7')).json<FieldTaskBundle>().tasks.find(open);
  if (!task) {
    // A smaller demo than first start's gave jiandu nothing open: jiandu leads an open task of the month's draw.
    const me = (await call(e2e.app, jiandu, 'GET', '/api/auth/me')).json<{ account: { inspectorId: string } }>();
    const [row] = await e2e.database.db.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.status, 'assigned'), gte(tasks.dueDate, '2026-12-07'))).limit(1);
    if (!row) throw new Error('the demo has no open task');
    await e2e.database.db.update(tasks).set({ leadIds: [me.account.inspectorId], assistantIds: [] }).where(eq(tasks.id, row.id));
    task = (await call(e2e.app, jiandu, 'GET', '/api/field/tasks?days=7')).json<FieldTaskBundle>().tasks.find((t) => t.id === row.id);
  }
  if (!task) throw new Error('the demo gives jiandu no open task');
  unitName = task.unit.name;
  deployed = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-field-deploy-'));
  fs.cpSync(path.resolve('web/dist'), deployed, { recursive: true });
  // The worker as plain bytes only (no precompressed copies), so a deployment is one file written.
  for (const variant of ['field-sw.js.br', 'field-sw.js.gz']) fs.rmSync(path.join(deployed, variant), { force: true });
  server = await buildTestApp(e2e.database, { now: () => NOW, webDistDir: deployed });
  baseURL = await server.listen({ port: 0, host: '127.0.0.1' });
}, 240_000);
afterAll(async () => {
  await server?.close();
  if (deployed) fs.rmSync(deployed, { recursive: true, force: true });
  await e2e?.close();
});

/** The version the page's controlling worker answers: '新版本' from the new one, null from the old (it does not answer). */
const workerVersion = (page: Page) =>
  page.evaluate(`new Promise((resolve) => {
    const controller = navigator.serviceWorker.controller;
    if (!controller) return resolve('无');
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    controller.postMessage('xf-version?', [channel.port2]);
    setTimeout(() => resolve(null), 1500);
  })`);

/** The app comes back to the screen (the phone unlocked, the tab shown again): it looks for an update itself. */
const comeBackToScreen = (page: Page) => page.evaluate(`document.visibilityState === 'visible' && document.dispatchEvent(new Event('visibilitychange'))`);

describe('updating the field app', () => {
  it('offers a new version in Chinese, never reloads over an open record, and reloads onto the new worker once accepted', async () => {
    const context = await e2e.browser.newContext({ baseURL, locale: 'zh-CN', viewport: PHONE });
    const page = await context.newPage();
    await page.clock.setFixedTime(NOW);
    await logInField(page, 'jiandu', DEMO_PASSWORD);
    await eventually(() => page.evaluate('navigator.serviceWorker.ready.then((r) => Boolean(r.active))')).toBe(true);
    // No clientsClaim: the worker controls the app from its next opening.
    await page.reload();
    await page.getByRole('heading', { name: '我的任务' }).waitFor();
    await eventually(() => page.evaluate('Boolean(navigator.serviceWorker.controller)')).toBe(true);
    expect(await workerVersion(page)).toBeNull();

    // The worker script is served uncached, so a deployment is found at the next check.
    const script = await page.request.get('/field-sw.js');
    expect(script.headers()['cache-control']).toBe('no-cache');

    // An inspection begins: a result chosen and a note typed on the first line.
    await page.getByRole('tab', { name: /本周/ }).click();
    await page.getByRole('button', { name: new RegExp(unitName) }).first().click();
    await page.getByRole('button', { name: '开始检查' }).click();
    await page.getByRole('heading', { name: '检查记录' }).waitFor();
    await chooseResult(page, 1, '符合');
    await lineOf(page, 1).getByLabel('说明', { exact: true }).fill('灭火器压力正常，正在核对下一项');
    await page.evaluate('window.__sameDocument = true');

    // The new deployment: the built worker with bytes added.
    const workerFile = path.join(deployed, 'field-sw.js');
    fs.writeFileSync(workerFile, fs.readFileSync(workerFile, 'utf8') + NEW_WORKER_TAIL);
    expect(await comeBackToScreen(page)).toBe(true);
    await expect.poll(() => page.evaluate(`navigator.serviceWorker.getRegistration('/field/').then((r) => Boolean(r.waiting))`), { timeout: 30_000 }).toBe(true);

    // On the record screen: no prompt, no reload, the input still there.
    await page.waitForTimeout(1500);
    expect(await page.getByText('有新版本可用').count()).toBe(0);
    expect(await page.evaluate('window.__sameDocument === true')).toBe(true);
    expect(await lineOf(page, 1).getByLabel('说明', { exact: true }).inputValue()).toBe('灭火器压力正常，正在核对下一项');
    expect(await workerVersion(page)).toBeNull();

    // Leaving the record (saved on the device) shows the prompt; accepting reloads onto the new worker.
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('heading', { name: '任务详情' }).waitFor();
    await page.getByText('有新版本可用。').waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/field-update.png` });
    expect(await page.evaluate('window.__sameDocument === true')).toBe(true);
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: '立即更新' }).click();
    await reloaded;
    await page.getByRole('heading', { name: '任务详情' }).waitFor();
    expect(await page.evaluate('window.__sameDocument === true')).toBe(false);
    await eventually(() => workerVersion(page)).toBe('新版本');
    expect(await page.evaluate(`navigator.serviceWorker.getRegistration('/field/').then((r) => r.waiting === null && r.active.state === 'activated')`)).toBe(true);
    expect(await page.getByText('有新版本可用').count()).toBe(0);
    expect(await overflowingElements(page)).toEqual([]);
    // The draft survived the update.
    await page.getByRole('button', { name: '继续填写检查记录' }).click();
    await page.getByRole('heading', { name: '检查记录' }).waitFor();
    expect(await lineOf(page, 1).getByLabel('说明', { exact: true }).inputValue()).toBe('灭火器压力正常，正在核对下一项');
    await context.close();
  });
});

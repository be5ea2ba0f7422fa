import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Request } from 'playwright-core';
import type { FieldTask, FieldTaskBundle } from '../src/contracts/field.ts';
import { addLinePhoto, chooseResult, describeHazard, drawSignature, lineOf, logInField, makeJpeg } from '../test/e2e/field-steps.ts';
import type { Figure } from './machine.ts';
import { startServer, stopServer } from './server-process.ts';

type ManifestChunk = { file: string; css?: string[]; imports?: string[] };

const PASSWORD = 'Demo@2026';
/** DevTools' "Slow 3G" preset (as Lighthouse's old mobile profile): 2,000 ms a request, 500 kbit/s each way. */
const SLOW_3G = { latency: 2000, bytesPerSecond: (500 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const PHONE = { width: 390, height: 844 };
const RUNS = 3;

/** The JS and CSS a first visit to /field/ loads (the entry and its static imports; no lazy chunk), gzip -9 each. */
function firstLoadBytes(dist: string): { js: number; css: number; files: number } {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    for (const file of chunk.css ?? []) css.add(file);
    for (const next of chunk.imports ?? []) visit(next);
  };
  visit('field.html');
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  return { js: [...js].reduce((sum, f) => sum + gz(f), 0), css: [...css].reduce((sum, f) => sum + gz(f), 0), files: js.size + css.size };
}

const round = (n: number) => Math.round(n * 10) / 10;
const kb = (bytes: number) => round(bytes / 1024);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const worst = (values: number[]) => Math.max(...values);

/** What the pages of the bench said went wrong (uncaught errors, console errors), printed after the figures. */
const browserErrors = new Set<string>();
function watchErrors(context: BrowserContext): void {
  context.on('weberror', (error) => browserErrors.add(`uncaught: ${error.error().message}`));
  context.on('console', (message) => {
    if (message.type() === 'error') browserErrors.add(`console: ${message.text()} (${message.location().url})`);
  });
}

/** An inspector's session on the server through its HTTP API (cookie and CSRF token), for preparing the data. */
async function apiSession(baseURL: string, username: string) {
  const login = await fetch(`${baseURL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseURL}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

/**
 * jiandu's task to record today: first start's demo gives jiandu (the lead) a task visited today (已告知); should
 * the demo have skipped it (a due date already past), a task jiandu leads gets today's visit through the API.
 */
async function taskForToday(baseURL: string): Promise<{ today: FieldTask; other: FieldTask | undefined }> {
  const api = await apiSession(baseURL, 'jiandu');
  let bundle = await api<FieldTaskBundle>('GET', '/api/field/tasks?days=7');
  let today = bundle.tasks.find((t) => t.visitDate === bundle.today && t.myRole === 'lead' && t.status === 'notified');
  if (!today) {
    const led = bundle.tasks.find((t) => t.myRole === 'lead' && (t.status === 'assigned' || t.status === 'notified'));
    if (!led) throw new Error('the demo data gives jiandu no task to lead this month');
    await api('POST', `/api/field/tasks/${led.id}/visit`, { visitDate: bundle.today, lateReason: '单位负责人仅今日在岗，电话告知后当日检查' });
    bundle = await api<FieldTaskBundle>('GET', '/api/field/tasks?days=7');
    today = bundle.tasks.find((t) => t.id === led.id)!;
  }
  return { today, other: bundle.tasks.find((t) => t.id !== today.id) };
}

/** The task list is usable: the tasks kept on the device are listed (the bundle's date line and a task card). */
async function waitUsable(page: Page): Promise<void> {
  await page.getByText(/^任务更新于/).waitFor({ timeout: 120_000 });
  await page.locator('.task-card').first().waitFor({ timeout: 120_000 });
}

/** Slow 3G and a 4× slower CPU on a page, with the bytes that come over the network counted (as sent, compressed). */
async function throttled(page: Page): Promise<{ cdp: CDPSession; bytes: () => { shell: number; all: number; encodings: string } }> {
  const cdp = await page.context().newCDPSession(page);
  const kinds = new Map<string, { type: string; fromServiceWorker: boolean }>();
  const encodings = new Set<string>();
  let shell = 0;
  let all = 0;
  cdp.on('Network.responseReceived', (e) => {
    kinds.set(e.requestId, { type: e.type, fromServiceWorker: Boolean(e.response.fromServiceWorker) });
    const encoding = Object.entries(e.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
    if (e.type === 'Script' && !e.response.fromServiceWorker) encodings.add(String(encoding ?? 'identity'));
  });
  cdp.on('Network.loadingFinished', (e) => {
    const kind = kinds.get(e.requestId);
    if (kind?.fromServiceWorker) return;
    all += e.encodedDataLength;
    if (kind && ['Document', 'Script', 'Stylesheet'].includes(kind.type)) shell += e.encodedDataLength;
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: SLOW_3G.latency, downloadThroughput: SLOW_3G.bytesPerSecond, uploadThroughput: SLOW_3G.bytesPerSecond });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { cdp, bytes: () => ({ shell, all, encodings: [...encodings].sort().join('+') }) };
}

/** Opens /field/ on a fresh tab of `context` under Slow 3G + 4× CPU: the time to a usable task list and the bytes moved. */
async function openTaskList(context: BrowserContext, options: { cacheDisabled: boolean }) {
  const page = await context.newPage();
  const { cdp, bytes } = await throttled(page);
  if (options.cacheDisabled) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const started = Date.now();
  await page.goto('/field/', { waitUntil: 'commit' });
  await waitUsable(page);
  const ms = Date.now() - started;
  const fromServiceWorker = (await page.evaluate('Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)')) as boolean;
  const moved = bytes();
  await page.close();
  return { ms, fromServiceWorker, ...moved };
}

/** A phone signed in as jiandu, with the session and the task bundle on the device (the login page put them there). */
async function signedInPhone(browser: Browser, baseURL: string, serviceWorkers: 'allow' | 'block'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: PHONE, locale: 'zh-CN', serviceWorkers });
  watchErrors(context);
  const page = await context.newPage();
  await logInField(page, 'jiandu', PASSWORD);
  await waitUsable(page);
  return { context, page };
}

/**
 * The field app on a phone, on `npm start`'s server with first start's demo data (jiandu's tasks of this month):
 * - first-load bytes of the field entry (budget 250 KB gzip of JS) and the bytes a first visit actually moves;
 * - a first visit (no service worker, empty HTTP cache; signed in, tasks on the device) on Slow 3G + 4× CPU, beside
 *   its physical floor (two sequential round trips, HTML then JS, plus the bytes at 500 kbit/s);
 * - the daily open of the installed app (service worker active, shell precached) on the same profile: ≤ 4 s;
 * - the on-device compression of a 12-megapixel camera JPEG through the app's own photo input (size kept, time to
 *   its thumbnail), with and without the CPU slowdown;
 * - a record with 10 such photos and two signatures sent from the outbox (normal network): time, uploads, bytes.
 */
export async function benchFieldLoad(): Promise<Figure[]> {
  const dist = path.resolve('web/dist');
  const bytes = firstLoadBytes(dist);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-field-'));
  const port = 3990 + Math.floor(Math.random() * 9);
  const { child } = await startServer({ dataDir, port });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    const { today, other } = await taskForToday(baseURL);

    // First visit: no service worker, HTTP cache empty and disabled; session and tasks already on the device.
    const first = await signedInPhone(browser, baseURL, 'block');
    const visits = [];
    for (let i = 0; i < RUNS; i++) visits.push(await openTaskList(first.context, { cacheDisabled: true }));
    const firstMs = visits.map((v) => v.ms);
    const typical = visits.find((v) => v.ms === median(firstMs))!;
    const floor = 2 * SLOW_3G.latency + (typical.shell / SLOW_3G.bytesPerSecond) * 1000;

    // Daily open: the service worker installed by an earlier visit serves the shell; the data is on the device.
    const installed = await signedInPhone(browser, baseURL, 'allow');
    await installed.page.waitForFunction('navigator.serviceWorker.ready.then((r) => r.active && r.active.state === "activated")', undefined, { timeout: 60_000 });
    const opens = [];
    for (let i = 0; i < RUNS; i++) opens.push(await openTaskList(installed.context, { cacheDisabled: false }));
    if (opens.some((o) => !o.fromServiceWorker)) throw new Error('the daily open was not served by the service worker');
    const openMs = opens.map((o) => o.ms);
    await installed.context.close();

    // A 12-megapixel camera JPEG (4000×3000) through a line's camera input, on a task other than the one recorded below.
    const jpeg = await makeJpeg(browser, 4000, 3000, 0.95);
    const photoTask = other ?? today;
    const photo = async (slow: boolean) => {
      const p = await first.context.newPage();
      await p.goto(`/field/tasks/${photoTask.id}`);
      await p.getByRole('button', { name: /开始检查|继续填写检查记录/ }).click();
      await p.getByRole('heading', { name: '检查记录' }).waitFor();
      // Each run on its own line: the same picture twice on one line is kept once.
      const line = slow ? 2 : 1;
      await chooseResult(p, line, '不符合');
      if (slow) {
        const cdp = await first.context.newCDPSession(p);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      }
      const started = Date.now();
      await addLinePhoto(p, line, jpeg, `bench-${slow ? 'slow' : 'fast'}.jpg`);
      const ms = Date.now() - started;
      const stored = (await p.evaluate(`(async () => {
        const dbs = await indexedDB.databases();
        const name = dbs.find((d) => d.name && d.name.startsWith('xf-field-')).name;
        const db = await new Promise((resolve) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); });
        const all = await new Promise((resolve) => { const r = db.transaction('photos').objectStore('photos').getAll(); r.onsuccess = () => resolve(r.result); });
        db.close();
        const last = all.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).pop();
        return { bytes: last.byteSize, width: last.width, height: last.height };
      })()`)) as { bytes: number; width: number; height: number };
      await p.close();
      return { ms, ...stored };
    };
    const fast = await photo(false);
    const slow = await photo(true);
    await first.context.close();

    const upload = await uploadRecord(browser, baseURL, today);
    for (const error of browserErrors) console.warn(`  browser: ${error}`);

    return [
      { name: 'field first load: JS (gzip -9)', value: kb(bytes.js), unit: 'KB', target: '≤ 250 KB', ok: bytes.js <= 250 * 1024 },
      { name: 'field first load: CSS (gzip -9)', value: kb(bytes.css), unit: 'KB' },
      { name: 'field first load: files', value: bytes.files, unit: '' },
      { name: `first visit sent: HTML+JS+CSS (${typical.encodings})`, value: kb(typical.shell), unit: 'KB' },
      { name: 'first visit sent: all until usable', value: kb(typical.all), unit: 'KB' },
      { name: `first visit, Slow 3G + CPU ${CPU_SLOWDOWN}× (median of ${RUNS})`, value: median(firstMs), unit: 'ms' },
      { name: `first visit, Slow 3G + CPU ${CPU_SLOWDOWN}× (worst of ${RUNS})`, value: worst(firstMs), unit: 'ms' },
      { name: 'first visit: floor 2×2000 ms + bytes÷500 kbit/s', value: Math.round(floor), unit: 'ms' },
      { name: `daily open (SW), Slow 3G + CPU ${CPU_SLOWDOWN}× (median)`, value: median(openMs), unit: 'ms', target: '≤ 4000', ok: median(openMs) <= 4000 },
      { name: `daily open (SW), Slow 3G + CPU ${CPU_SLOWDOWN}× (worst)`, value: worst(openMs), unit: 'ms', target: '≤ 4000', ok: worst(openMs) <= 4000 },
      { name: 'daily open: bytes over the network until usable', value: kb(median(opens.map((o) => o.all))), unit: 'KB' },
      { name: '12 MP camera JPEG in', value: kb(jpeg.length), unit: 'KB' },
      { name: '12 MP photo kept on the device', value: kb(fast.bytes), unit: 'KB', target: '≤ 500 KB', ok: fast.bytes <= 500 * 1024 },
      { name: '12 MP photo kept: longest side', value: Math.max(fast.width, fast.height), unit: 'px', target: '≤ 2000', ok: Math.max(fast.width, fast.height) <= 2000 },
      { name: '12 MP photo: shrink+hash+store (this machine)', value: fast.ms, unit: 'ms' },
      { name: `12 MP photo: shrink+hash+store (CPU ${CPU_SLOWDOWN}×)`, value: slow.ms, unit: 'ms' },
      { name: 'record with 10 photos: online → 已发送', value: upload.ms, unit: 'ms' },
      { name: 'record with 10 photos: file uploads', value: upload.uploads, unit: '', target: '= 12 (10 + 2 signatures)', ok: upload.uploads === 12 },
      { name: 'record with 10 photos: bytes of the uploads', value: kb(upload.uploadBytes), unit: 'KB' },
      { name: 'record with 10 photos: record request body', value: kb(upload.recordBytes), unit: 'KB' },
    ];
  } finally {
    await browser.close();
    await stopServer(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * jiandu records today's task on a phone with a normal network: every line answered (two 不符合 with their hazards),
 * 10 different 12-megapixel photos across six lines, the lead's and the representative's signatures; the record is
 * submitted offline to the outbox, and the time runs from the network coming back to 已发送.
 */
async function uploadRecord(browser: Browser, baseURL: string, task: FieldTask) {
  // Ten different camera pictures (each its own size, so its own SHA-256), about 12 MP each.
  const sizes: [number, number][] = [
    [4000, 3000],
    [3000, 4000],
    [4032, 3024],
    [3024, 4032],
    [4096, 3072],
    [3968, 2976],
    [4000, 2992],
    [4048, 3036],
    [4224, 2816],
    [3840, 3072],
  ];
  const jpegs: Buffer[] = [];
  for (const [w, h] of sizes) jpegs.push(await makeJpeg(browser, w, h, 0.92));

  const context = await browser.newContext({ baseURL, viewport: PHONE, locale: 'zh-CN', serviceWorkers: 'block' });
  watchErrors(context);
  try {
    const page = await context.newPage();
    const uploads: Request[] = [];
    const records: Request[] = [];
    page.on('requestfinished', (request) => {
      if (request.method() !== 'POST') return;
      const { pathname } = new URL(request.url());
      if (pathname === '/api/files') uploads.push(request);
      if (pathname === '/api/field/records') records.push(request);
    });
    await logInField(page, 'jiandu', PASSWORD);
    await waitUsable(page);
    await page.goto(`/field/tasks/${task.id}`);
    await page.getByRole('button', { name: '开始检查' }).click();
    await page.getByRole('heading', { name: '检查记录' }).waitFor();

    const lineCount = await page.getByRole('article', { name: /^第 \d+ 项 / }).count();
    if (lineCount < 6) throw new Error(`the task's checklist has ${lineCount} lines; the bench spreads its photos over 6`);
    for (let index = 1; index <= lineCount; index++) await chooseResult(page, index, index <= 2 ? '不符合' : '符合');
    for (const index of [1, 2]) {
      await describeHazard(page, index, { description: `第 ${index} 处隐患：灭火器压力不足`, location: `${index} 层走廊`, fixed: index === 1 });
      const basis = lineOf(page, index).getByLabel('违反的规定');
      if (!(await basis.inputValue())) await basis.fill('《中华人民共和国消防法》第十六条');
    }
    // Three photos on each 不符合 line, one on each of the next four.
    const placement = [1, 1, 1, 2, 2, 2, 3, 4, 5, 6];
    for (const [i, index] of placement.entries()) await addLinePhoto(page, index, jpegs[i]!, `IMG_${String(i + 1).padStart(4, '0')}.jpg`);
    await page.getByRole('radio', { name: '发现火灾隐患', exact: true }).click();
    await page.getByLabel('陪同人员姓名').fill('陈立新');
    await drawSignature(page, '主办');
    if (task.people.some((p) => p.role === 'assistant')) await page.getByText('协办将在自己的设备上确认').click();
    await page.getByRole('radio', { name: '当场签名' }).click();
    await drawSignature(page, '被检查单位');
    await page.getByText(/^已签名/).nth(1).waitFor();

    // Into the outbox without network, then the network comes back: the outbox sends on `online`.
    await context.setOffline(true);
    await page.getByRole('button', { name: '提交到待发送' }).click();
    await page.getByRole('heading', { name: '待发送' }).waitFor();
    await page.locator('.tag-outbox-pending').first().waitFor();
    if (uploads.length || records.length) throw new Error('the outbox sent while offline');
    const started = Date.now();
    await context.setOffline(false);
    const done = page.locator('.tag-outbox-sent, .tag-outbox-failed').first();
    await done.waitFor({ timeout: 300_000 });
    const ms = Date.now() - started;
    if ((await done.getAttribute('class'))?.includes('failed')) {
      throw new Error(`the server refused the record: ${await page.locator('.outbox-item .field-error').first().textContent()}`);
    }
    // The request bodies as sent (binary bodies are not kept by the browser: their Content-Length is).
    const bodyBytes = async (requests: Request[]) => {
      const lengths = await Promise.all(requests.map(async (r) => Number((await r.headerValue('content-length')) ?? (await r.sizes()).requestBodySize)));
      return lengths.reduce((sum, n) => sum + n, 0);
    };
    return { ms, uploads: uploads.length, uploadBytes: await bodyBytes(uploads), recordBytes: await bodyBytes(records) };
  } finally {
    await context.close();
  }
}

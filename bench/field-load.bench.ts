import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { addLinePhoto, chooseResult, logInField, makeJpeg } from '../test/e2e/field-steps.ts';
import { fieldBundleFixture } from '../test/harness/field-bundle-fixture.ts';
import type { Figure } from './machine.ts';
import { startServer, stopServer } from './server-process.ts';

type ManifestChunk = { file: string; css?: string[]; imports?: string[] };

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

/** DevTools' "Slow 3G" preset (as Lighthouse's old mobile profile) and a 4× slower CPU. */
async function throttle(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 2000, downloadThroughput: (500 * 1024) / 8, uploadThroughput: (500 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

const round = (n: number) => Math.round(n * 10) / 10;

async function newContext(browser: Awaited<ReturnType<typeof chromium.launch>>, baseURL: string, today: string): Promise<BrowserContext> {
  // A first visit: no service worker yet (it would serve the second one from its cache).
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, locale: 'zh-CN', serviceWorkers: 'block' });
  await context.route('**/api/field/tasks?*', (route) => route.fulfill({ json: fieldBundleFixture(today) }));
  await context.route('**/api/field/tasks/*/start', (route) => route.fulfill({ json: { ok: true } }));
  return context;
}

/**
 * The field app on a phone: its first-load bytes (budget 250 KB gzip of JS), the time from opening /field/ to a usable
 * task list on Slow 3G with a 4× slower CPU (signed in already), and the on-device compression of a 12-megapixel
 * camera JPEG through the app's own photo input (size kept, time to its thumbnail), with and without the CPU
 * slowdown. The task bundle is a fixture until the server's field routes are merged.
 */
export async function benchFieldLoad(): Promise<Figure[]> {
  const dist = path.resolve('web/dist');
  const bytes = firstLoadBytes(dist);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bench-field-'));
  const port = 3990 + Math.floor(Math.random() * 9);
  const { child } = await startServer({ dataDir, port });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const baseURL = `http://127.0.0.1:${port}`;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  try {
    // Time to a usable task list: signed in, caches empty, then /field/ on Slow 3G and a 4× CPU.
    const context = await newContext(browser, baseURL, today);
    const page = await context.newPage();
    await logInField(page, 'jiandu', 'Demo@2026');
    const loads: number[] = [];
    for (let i = 0; i < 3; i++) {
      const cold = await context.newPage();
      const cdp = await context.newCDPSession(cold);
      await cdp.send('Network.enable');
      await cdp.send('Network.clearBrowserCache');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await throttle(cold);
      const started = Date.now();
      await cold.goto('/field/');
      await cold.getByRole('button', { name: /西湖文化广场购物中心/ }).waitFor({ timeout: 120_000 });
      loads.push(Date.now() - started);
      await cold.close();
    }
    loads.sort((a, b) => a - b);

    // A 12-megapixel camera JPEG (4000×3000) through the line's camera input.
    const jpeg = await makeJpeg(browser, 4000, 3000, 0.95);
    const photo = async (slow: boolean) => {
      const p = await context.newPage();
      await p.goto('/field/');
      await p.getByRole('button', { name: /西湖文化广场购物中心/ }).first().click();
      const start = p.getByRole('button', { name: /开始检查|继续填写检查记录/ });
      await start.click();
      // Each run on its own line: the same picture twice on one line is kept once.
      const line = slow ? 2 : 1;
      await chooseResult(p, line, '不符合');
      if (slow) {
        const cdp = await context.newCDPSession(p);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
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
    await context.close();

    return [
      { name: 'field first load: JS (gzip -9)', value: round(bytes.js / 1024), unit: 'KB', target: '≤ 250 KB', ok: bytes.js <= 250 * 1024 },
      { name: 'field first load: CSS (gzip -9)', value: round(bytes.css / 1024), unit: 'KB' },
      { name: 'field first load: files', value: bytes.files, unit: '' },
      { name: 'usable task list, Slow 3G + CPU 4× (median of 3)', value: loads[1]!, unit: 'ms' },
      { name: 'usable task list, Slow 3G + CPU 4× (worst of 3)', value: loads[2]!, unit: 'ms' },
      { name: '12 MP camera JPEG in', value: round(jpeg.length / 1024), unit: 'KB' },
      { name: '12 MP photo kept on the device', value: round(fast.bytes / 1024), unit: 'KB', target: '≤ 500 KB', ok: fast.bytes <= 500 * 1024 },
      { name: '12 MP photo kept: longest side', value: Math.max(fast.width, fast.height), unit: 'px', target: '≤ 2000', ok: Math.max(fast.width, fast.height) <= 2000 },
      { name: '12 MP photo: shrink+hash+store (this machine)', value: fast.ms, unit: 'ms' },
      { name: '12 MP photo: shrink+hash+store (CPU 4×)', value: slow.ms, unit: 'ms' },
    ];
  } finally {
    await browser.close();
    await stopServer(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/generate-demo-data.ts';
import { seedDemo } from '../../src/usecases/system/seed-demo.ts';
import { openTestDatabase, type TestDatabase } from '../harness/db.ts';
import { buildTestApp } from '../harness/http.ts';

export { DEMO_PASSWORD };

/** Where journeys save screenshots; set SCREENSHOT_DIR=docs/screenshots to refresh the committed ones. */
export const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR ?? '.test-data/screenshots');

export type E2E = {
  database: TestDatabase;
  app: FastifyInstance;
  baseUrl: string;
  browser: Browser;
  /** Moves the server's clock (only when started with `now`): a journey over several weeks. */
  setNow(now: Date): void;
  close(): Promise<void>;
};

/**
 * The real server (built web app + API) on a free port over a demo-seeded test database, and Debian's
 * Chromium driven by playwright-core. Never a downloaded browser. With `now`, the server's clock is fixed
 * there and the demo data is seeded as of that day (certificates, update dates), so a journey does not
 * depend on the day it runs; without, both follow the real clock.
 */
export async function startE2E(options: { unitCount?: number; now?: Date } = {}): Promise<E2E> {
  const { now } = options;
  let clock = now;
  const database = await openTestDatabase();
  await seedDemo(database.db, { seed: 20261122, now: now ?? new Date(), unitCount: options.unitCount ?? 1500 });
  const webDistDir = path.resolve('web/dist');
  if (!fs.existsSync(path.join(webDistDir, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` (npm test does it)');
  const app = await buildTestApp(database, { now: clock ? () => clock! : undefined, webDistDir });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    database,
    app,
    baseUrl: address,
    browser,
    setNow: (next) => {
      if (!clock) throw new Error('setNow needs startE2E({ now })');
      clock = next;
    },
    close: async () => {
      await browser.close();
      await app.close();
      await database.dispose();
    },
  };
}

const dialogs = new WeakMap<Page, string[]>();

/** A page in a fresh context. Any alert/confirm dialog (an injected script would raise one) is dismissed and recorded. */
export async function newPage(e2e: E2E, viewport = { width: 1366, height: 860 }): Promise<Page> {
  const context = await e2e.browser.newContext({ baseURL: e2e.baseUrl, locale: 'zh-CN', viewport });
  const page = await context.newPage();
  dialogs.set(page, []);
  page.on('dialog', async (dialog) => {
    dialogs.get(page)!.push(dialog.message());
    await dialog.dismiss();
  });
  return page;
}

/** The messages of every dialog the page raised so far. */
export function dialogsOf(page: Page): string[] {
  return dialogs.get(page) ?? [];
}

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL(/\/admin/);
}

/**
 * The accessible name of an antd button labelled `label`, as a pattern: antd puts a space between the two
 * characters of a two-character label ("录 入"), and a button that was loading keeps its spinner's "loading"
 * label in front of the text until the icon's leave motion ends — so match the label at the end only.
 */
export function buttonName(label: string): RegExp {
  const chars = [...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?:^|\\s)${chars.join('\\s*')}$`);
}

/**
 * The response of the first request matching method and path, once `act` has triggered it; its status must be
 * `status`, or any success (below 300) when no status is given.
 */
export async function responseTo(
  page: Page,
  method: string,
  pathPattern: RegExp,
  act: () => Promise<unknown>,
  status?: number,
): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && pathPattern.test(new URL(r.url()).pathname)),
    act(),
  ]);
  const what = `${method} ${response.url()}: ${await response.text()}`;
  if (status === undefined) expect(response.status(), what).toBeLessThan(300);
  else expect(response.status(), what).toBe(status);
  return response;
}

/** expect.poll with room for a busy machine (the default gives up after one second). */
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/**
 * Picks `option` in the antd Select labelled `label` and waits until the field shows it and every list has
 * finished closing: a list that is still sliding away must not be mistaken for the next field's list.
 */
export async function pickOption(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  const field = scope.getByLabel(label);
  await field.click();
  // Only a list that has finished sliding in: an option clicked mid-animation is sometimes not taken.
  const openList = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not(.ant-slide-up-appear):not(.ant-slide-up-leave)');
  await openList.getByTitle(option, { exact: true }).click();
  const item = scope.locator('.ant-form-item').filter({ has: page.getByLabel(label) });
  await expect.poll(() => item.locator('.ant-select').innerText()).toContain(option);
  await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
}

/**
 * Hides antd's passing toasts (「已保存」…) while a screenshot is taken: a journey does not wait for a toast to fade
 * to take a clean picture (on a loaded machine a fading toast can outlive any fixed wait).
 */
export const HIDE_TOASTS = '.ant-message, .ant-notification { display: none !important; }';

/**
 * The open antd dialog (optionally by name), once its opening animation has finished: a button clicked while the
 * dialog is still zooming in can miss it on a loaded machine, and the journey then waits for a request never sent.
 */
export async function openDialog(page: Page, name?: string | RegExp) {
  const dialog = name === undefined ? page.getByRole('dialog') : page.getByRole('dialog', { name });
  await dialog.waitFor();
  await expect
    .poll(() => dialog.evaluate((el) => /-(appear|enter)(\s|-|$)/.test(el.className) || /-(appear|enter)(\s|-|$)/.test(el.parentElement?.className ?? '')), {
      timeout: 15_000,
    })
    .toBe(false);
  return dialog;
}

/** How many images under `selector` have loaded (a broken file has no natural width). A string: the tests are not typed for the DOM. */
export async function imagesLoaded(p: Page, selector: string): Promise<number> {
  return p.evaluate<number>(`[...document.querySelectorAll(${JSON.stringify(selector)})].filter((img) => img.complete && img.naturalWidth > 0).length`);
}

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Waits for the page's requests and spinners to end. */
export async function settled(p: Page): Promise<void> {
  await p.waitForLoadState('networkidle');
  await eventually(() => p.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
}

/**
 * The page at both widths into `dir` as `<name>-1440.png` and `<name>-390.png`, each whole. A phone opens the page at
 * its own width (the menu then starts folded away), as a user there would, and must not scroll sideways (tables scroll
 * inside their own box). Leaves the page at the desktop width.
 */
export async function shootBothWidths(p: Page, dir: string, name: string): Promise<void> {
  await p.addStyleTag({ content: HIDE_TOASTS });
  await p.setViewportSize(DESKTOP);
  await settled(p);
  await p.screenshot({ path: path.join(dir, `${name}-1440.png`), fullPage: true });
  await p.setViewportSize(PHONE);
  await p.reload();
  await p.addStyleTag({ content: HIDE_TOASTS });
  await settled(p);
  expect(await p.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
  await p.screenshot({ path: path.join(dir, `${name}-390.png`), fullPage: true });
  await p.setViewportSize(DESKTOP);
  await p.reload();
  await settled(p);
}

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDraw } from '../../src/usecases/system/seed-demo-draw.ts';
import { SCREENSHOT_DIR, logIn, newPage, startE2E, type E2E } from './harness.ts';

/**
 * Every page of the menu, for every demo role, at a desktop and a phone width, and every portal page: no console
 * error, no failed API call, no English word on screen outside code and hash elements. One screenshot per page and
 * width goes to SCREENSHOT_DIR/pages (SCREENSHOT_DIR=docs/screenshots refreshes the committed ones).
 */
const NOW = new Date('2026-12-07T02:00:00Z');
const ROLES = ['admin', 'zhidui', 'wucheng', 'jindong', 'jiandu', 'jijian'] as const;
const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const PORTAL_PAGES = ['/', '/portal/items', '/portal/plans', '/portal/draws', '/portal/results', '/portal/open-data', '/portal/unit', '/login'];

/**
 * Latin words a Chinese user reads as they are: file formats, units, the names of public standards, and the demo
 * accounts' user names (data, not words). Anything else in Latin letters on screen (outside code, hashes and the
 * elements marked data-latin) is an untranslated word.
 */
const DEMO_USERNAMES = ['admin', 'zhidui', 'wucheng', 'jindong', 'jiandu', 'jijian', 'jijian2'];
const ALLOWED_WORDS = new Set([
  ...DEMO_USERNAMES,
  'LE',
  'BE',
  'PDF',
  'JPEG',
  'PNG',
  'WebP',
  'Excel',
  'Word',
  'xlsx',
  'csv',
  'CSV',
  'UTF',
  'GBK',
  'MB',
  'KB',
  'GB',
  'IP',
  'SHA',
  'JSON',
  'QR',
  'XF',
  'SRS',
  'OBS',
  'D',
]);

let e2e: E2E;
const shotDir = path.join(SCREENSHOT_DIR, 'pages');
const shot = new Set<string>();


/** The admin menu's pages for the signed-in account (antd keys each item by its path). */
async function menuPaths(page: Page): Promise<string[]> {
  await page.locator('nav[aria-label="后台菜单"] li.ant-menu-item').first().waitFor();
  const ids = await page
    .locator('nav[aria-label="后台菜单"] li.ant-menu-item')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-menu-id') ?? ''));
  return ids.map((id) => id.slice(id.indexOf('-/admin') + 1)).filter((p) => p.startsWith('/admin'));
}

/**
 * The page's visible text (and the placeholders and labels a screen reader reads), leaving out code, hashes and the
 * elements marked data-latin (user names, identifiers). A string, run in the page: the tests are not typed for the DOM.
 */
const VISIBLE_TEXT_SCRIPT = `(() => {
  const skip = 'code, pre, kbd, .hash-text, [data-latin], script, style, .ant-select-selection-search';
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(skip)) continue;
    const style = getComputedStyle(parent);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    if (parent.getClientRects().length === 0) continue;
    parts.push(node.textContent || '');
  }
  // antd's icons name themselves in English for the DOM only: skipped.
  for (const el of document.querySelectorAll('[placeholder], [aria-label]')) {
    if (el.closest('.anticon') || el.closest(skip) || el.getClientRects().length === 0) continue;
    parts.push(el.getAttribute('placeholder') || '', el.getAttribute('aria-label') || '');
  }
  return parts.join('\\n');
})()`;

/** English words visible on the page, outside code, hashes and elements that hold identifiers. */
async function englishWords(page: Page): Promise<string[]> {
  const text = await page.evaluate<string>(VISIBLE_TEXT_SCRIPT);
  // Words of two or more Latin letters that are not part of a code (letters next to digits, hyphens, dots or slashes).
  // An underscore joins words, not a code: a raw value such as hazards_found is two English words on screen.
  const words = [...text.matchAll(/(?<![A-Za-z0-9./-])[A-Za-z]{2,}(?![A-Za-z0-9./-])/g)].map((m) => m[0]);
  return [...new Set(words.filter((w) => !ALLOWED_WORDS.has(w)))];
}

/** What went wrong while a page was open: console errors and API calls that failed. */
type Watch = { consoleErrors: string[]; failedCalls: string[]; inflight: Set<string>; stop(): void };

function watch(page: Page): Watch {
  const w: Watch = { consoleErrors: [], failedCalls: [], inflight: new Set(), stop: () => undefined };
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  const onConsole = (msg: { type(): string; text(): string }) => {
    if (msg.type() === 'error') w.consoleErrors.push(msg.text());
  };
  const onError = (error: Error) => w.consoleErrors.push(error.message);
  // Every request, not only the API's: a page's code arrives as a chunk, and until it has, the router keeps showing
  // the page it came from.
  const onRequest = (req: { url(): string }) => {
    w.inflight.add(req.url());
  };
  const onDone = (req: { url(): string }) => w.inflight.delete(req.url());
  const onResponse = (res: { url(): string; status(): number; request(): { method(): string } }) => {
    if (isApi(res.url()) && res.status() >= 400) w.failedCalls.push(`${res.request().method()} ${res.url()} → ${res.status()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onError);
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  page.on('response', onResponse);
  w.stop = () => {
    page.off('console', onConsole);
    page.off('pageerror', onError);
    page.off('request', onRequest);
    page.off('requestfinished', onDone);
    page.off('requestfailed', onDone);
    page.off('response', onResponse);
  };
  return w;
}

/** Waits until no request is in flight and no spinner shows, twice in a row. */
async function settle(page: Page, w: Watch): Promise<void> {
  let quiet = 0;
  const deadline = Date.now() + 20_000;
  while (quiet < 2 && Date.now() < deadline) {
    await page.waitForTimeout(150);
    const busy = w.inflight.size > 0 || (await page.locator('.ant-spin-spinning, .ant-skeleton-active').count()) > 0;
    quiet = busy ? 0 : quiet + 1;
  }
}

/**
 * Goes to a menu page inside the running app, as a menu click does (the address changes, the router renders the page,
 * only the page's own data loads); the first page of a session is opened by its address. Not by clicking the menu
 * itself: the crawl turns the tab from a desktop into a phone and back on every page, and a click on a menu that is
 * still sliding back in after the resize can land on nothing. The menu is crawled on its own (menuPaths, the phone's
 * drawer) and clicked through in the admin-shell journey.
 */
async function open(page: Page, url: string, first: boolean): Promise<void> {
  if (first || !url.startsWith('/admin')) {
    await page.goto(url);
    return;
  }
  const before = await page.title();
  await page.evaluate(`history.pushState(null, '', ${JSON.stringify(url)}); dispatchEvent(new PopStateEvent('popstate'))`);
  await page.waitForURL((u) => u.pathname === url);
  // The router keeps the previous page on screen until the next one's code has arrived; every page names itself in
  // the tab title, so the title changing says the new page is there.
  await expect.poll(() => page.title(), { timeout: 15_000 }).not.toBe(before);
}

/** Checks the page on screen at `width`: console errors and failed calls seen by `w`, English words; one screenshot. */
async function inspect(page: Page, w: Watch, who: string, url: string, width: (typeof WIDTHS)[number], problems: string[]) {
  await settle(page, w);
  for (const e of w.consoleErrors.splice(0)) problems.push(`${who} ${url} @${width.width}: console error ${e}`);
  for (const f of w.failedCalls.splice(0)) problems.push(`${who} ${url} @${width.width}: failed call ${f}`);
  const english = await englishWords(page);
  if (english.length) problems.push(`${who} ${url} @${width.width}: English on screen: ${english.join(', ')}`);
  const name = `${url.replace(/^\//, '').replace(/\//g, '_') || 'home'}-${width.name}`;
  if (!shot.has(name)) {
    shot.add(name);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: width.name === 'desktop' });
  }
}

/**
 * Opens `url` at the desktop width and checks it, then turns the same tab into a phone (390×844) and checks it again:
 * the layout, the text and the calls a phone gets, without paying for a second visit.
 */
async function check(page: Page, who: string, url: string, first: boolean, problems: string[]) {
  const [desktop, phone] = WIDTHS;
  await page.setViewportSize({ width: desktop.width, height: desktop.height });
  const w = watch(page);
  await open(page, url, first);
  await inspect(page, w, who, url, desktop, problems);
  await page.setViewportSize({ width: phone.width, height: phone.height });
  await inspect(page, w, who, url, phone, problems);
  w.stop();
}

// The crawl checks the web app, not the database driver: it runs once, in the PGlite pass of `npm test` (vitest.config.ts).
describe('every page, every role, two widths', { timeout: 900_000 }, () => {
  beforeAll(async () => {
    e2e = await startE2E({ now: NOW, unitCount: 600 });
    await seedDemoDraw(e2e.database.db, NOW);
    fs.mkdirSync(shotDir, { recursive: true });
  }, 180_000);
  afterAll(async () => e2e?.close());

  it('serves the portal in Chinese with no error at a desktop and a phone width', async () => {
    const problems: string[] = [];
    const page = await newPage(e2e);
    for (const url of PORTAL_PAGES) await check(page, '访客', url, true, problems);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  /** Every menu page of `role` at both widths; the problems found. */
  async function crawlRole(role: string): Promise<string[]> {
    const problems: string[] = [];
    const page = await newPage(e2e);
    await logIn(page, role);
    const pages = await menuPaths(page);
    if (pages.length < 2) problems.push(`${role}: only ${pages.length} menu pages`);
    for (const [i, url] of pages.entries()) await check(page, role, url, i === 0, problems);
    // A phone reaches the pages through the menu drawer: it opens with a thumb and lists the same pages.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: '展开菜单' }).click();
    const drawerPaths = await menuPaths(page);
    if (drawerPaths.join() !== pages.join()) problems.push(`${role}: the phone menu lists ${drawerPaths.join()} instead of ${pages.join()}`);
    await page.context().close();
    return problems;
  }

  // Two roles at a time (two browser tabs): the machine has two cores.
  for (const pair of [ROLES.slice(0, 2), ROLES.slice(2, 4), ROLES.slice(4, 6)]) {
    it(`serves every menu page of ${pair.join(' and ')} in Chinese with no error at a desktop and a phone width`, async () => {
      const problems = (await Promise.all(pair.map(crawlRole))).flat();
      expect(problems).toEqual([]);
    });
  }
});

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, logIn, newPage, startE2E, type E2E } from './harness.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ unitCount: 100 });
});
afterAll(async () => e2e?.close());

describe('working-day calendar page', () => {
  it('shows the seeded 2026 arrangement to the system admin, with the edit button', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'admin');
    await page.goto('/admin/calendar');
    await expect.poll(() => page.getByRole('cell', { name: '2026 年', exact: true }).isVisible()).toBe(true);
    await page.getByRole('cell', { name: '2026 年', exact: true }).click();
    await expect.poll(() => page.getByRole('cell', { name: '2026-02-14' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /录入\/修改年度安排/ }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'calendar.png'), fullPage: true });
    await page.context().close();
  });

  it('lets a brigade admin read the calendar but not change it', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'wucheng');
    await page.goto('/admin/calendar');
    await expect.poll(() => page.getByRole('cell', { name: '2026 年', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /录入\/修改年度安排/ }).count()).toBe(0);
    await page.context().close();
  });
});

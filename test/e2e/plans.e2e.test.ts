import path from 'node:path';
import type { MonthlyPlanView } from '../../src/contracts/plans.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonName, SCREENSHOT_DIR, HIDE_TOASTS, dialogsOf, eventually, logIn, newPage, openDialog, responseTo, startE2E, type E2E } from './harness.ts';

/**
 * The server's clock: mid-December 2025, so January 2026 is the next month to plan (the 2026 calendar is
 * seeded). The demo data brings 2025 plans only, so the 2026 plan is the one the journey makes.
 */
const NOW = new Date('2025-12-15T02:00:00Z');
const YEAR = 2026;
const MONTH = 1;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ now: NOW, unitCount: 150 });
});
afterAll(async () => e2e?.close());

const HOSTILE_REASON = '<img src=x onerror=alert(1)>本月专项整治占用警力';

describe('plans journey', () => {
  it('creates and publishes an annual plan, generates, adjusts and publishes January, and the portal shows it', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'wucheng');

    // 年度计划: create for 2026 (rules start from the defaults), publish.
    await page.goto('/admin/annual-plans');
    await page.getByRole('button', { name: '新建年度计划' }).click();
    const dialog = page.getByRole('dialog', { name: '新建年度计划' });
    await dialog.getByLabel('年度').fill(String(YEAR));
    await eventually(() => dialog.getByLabel('计划名称').inputValue()).toContain(`${YEAR}年度`);
    await responseTo(page, 'POST', /^\/api\/annual-plans$/, () => dialog.getByRole('button', { name: /创\s*建/ }).click());
    await page.waitForURL(/\/admin\/annual-plans\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByLabel('人员密集场所重点单位 年度抽查比例').inputValue()).toBe('100.00');

    await page.getByRole('button', { name: /发\s*布/ }).first().click();
    const publishDialog = await openDialog(page);
    await responseTo(page, 'POST', /\/api\/annual-plans\/[^/]+\/publish$/, () =>
      publishDialog.getByRole('button', { name: buttonName('发布') }).click(),
    );
    await eventually(() => page.getByRole('button', { name: '保存修订' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'annual-plan.png'), fullPage: true, style: HIDE_TOASTS });

    // 月度计划: generate January, lower one stratum's quota with a reason, save, publish.
    const generated = await responseTo(page, 'POST', new RegExp(`/months/${MONTH}/generate$`), () =>
      page.getByRole('button', { name: `生成${MONTH} 月月度计划` }).click(),
    );
    const monthly = (await generated.json()) as MonthlyPlanView;
    await page.waitForURL(new RegExp(`/admin/monthly-plans/${monthly.id}$`));
    const target = monthly.quotas.find((q) => q.quota > 0);
    expect(target, `a stratum with a quota in ${JSON.stringify(monthly.quotas)}`).toBeDefined();
    const adjusted = target!.quota - 1;
    const totalAfter = monthly.totalQuota - 1;

    const quotaInput = page.getByLabel(`${target!.name} 本月任务数`);
    await quotaInput.fill(String(adjusted));
    await page.getByRole('button', { name: /保存调整/ }).click();
    await eventually(() => page.getByText(`与计算值 ${target!.computed} 不同，请填写调整理由`).isVisible()).toBe(true);
    await page.getByLabel(`${target!.name} 调整理由`).fill(HOSTILE_REASON);
    const saved = await responseTo(page, 'PUT', /^\/api\/monthly-plans\/[^/]+$/, () => page.getByRole('button', { name: /保存调整/ }).click());
    expect(((await saved.json()) as MonthlyPlanView).quotas.find((q) => q.code === target!.code)?.quota).toBe(adjusted);

    await page.getByRole('button', { name: /发\s*布$/ }).click();
    await eventually(() => page.getByText('发布后不可修改，将在门户公开。').isVisible()).toBe(true);
    const monthlyPublishDialog = await openDialog(page);
    await responseTo(page, 'POST', /\/api\/monthly-plans\/[^/]+\/publish$/, () =>
      monthlyPublishDialog.getByRole('button', { name: buttonName('发布') }).click(),
    );
    // Once the published plan is back from the server, the page is read-only.
    await eventually(() => page.getByRole('button', { name: /保存调整/ }).count()).toBe(0);
    expect(await page.getByText('已发布', { exact: true }).isVisible()).toBe(true);

    // The drill-down: the candidates behind a stratum's count.
    await page.getByRole('button', { name: `查看${target!.name}的候选单位` }).click();
    const drawer = page.getByRole('dialog', { name: `候选单位：${target!.name}` });
    await eventually(() => drawer.getByText(/共 \d+ 家单位/).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await eventually(() => drawer.isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'monthly-plan.png'), fullPage: true, style: HIDE_TOASTS });
    expect(dialogsOf(page)).toEqual([]);
    await page.context().close();

    // The portal, without logging in: the published month with its adjusted total, then its quotas.
    const visitor = await newPage(e2e);
    await visitor.goto('/portal/plans');
    const monthLink = visitor.getByRole('link', { name: `${MONTH} 月`, exact: true });
    await eventually(() => monthLink.isVisible()).toBe(true);
    expect(await visitor.getByRole('cell', { name: `${totalAfter} 家`, exact: true }).first().isVisible()).toBe(true);
    await visitor.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-plans.png'), fullPage: true });

    await monthLink.click();
    await eventually(() => visitor.getByRole('cell', { name: HOSTILE_REASON }).isVisible()).toBe(true);
    const row = visitor.getByRole('row').filter({ hasText: target!.name }).first();
    expect(await row.getByText(String(adjusted), { exact: true }).first().isVisible()).toBe(true);
    expect(await visitor.locator('main img').count()).toBe(0);
    expect(dialogsOf(visitor)).toEqual([]);
    await visitor.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-monthly-plan.png'), fullPage: true });
    await visitor.context().close();
  });

  it('shows 纪检 the plans read-only', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'jijian');
    await page.goto('/admin/annual-plans');
    await page.getByRole('link', { name: /抽查工作计划/ }).first().click();
    await eventually(() => page.getByText('分层与年度比例').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /保存|发\s*布|生成/ }).count()).toBe(0);
    await page.context().close();
  });
});

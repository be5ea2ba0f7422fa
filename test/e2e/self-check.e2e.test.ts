import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgs, tasks, units } from '../../src/db/schema.ts';
import { runSelfChecks } from '../../src/usecases/oversight/run-self-checks.ts';
import { seedDemoDraw } from '../../src/usecases/system/seed-demo-draw.ts';
import { buttonName, DESKTOP, eventually, logIn, newPage, SCREENSHOT_DIR, settled, shootBothWidths, startE2E, type E2E } from './harness.ts';

/**
 * The acceptance journey of issue 16's checks on the 10th and 20th: November's draw is made on the 2nd; one of 婺城's
 * tasks was due on 5 November and is still open → on Tuesday 10 November (a check day) the daily job runs the check →
 * 婺城's administrator finds the report in 待阅消息 on the 工作台, opens it, and it lists the lagging task with a link
 * to it → 「立即检查」 on the list makes a manual report the same day.
 */
const START = new Date('2026-11-02T01:00:00Z');
const CHECK_DAY = new Date('2026-11-10T01:00:00Z'); // 09:00 China time
const shotDir = path.join(SCREENSHOT_DIR, 'oversight');

let e2e: E2E;
let page: Page;
let lagging = { taskId: '', unitName: '' };

beforeAll(async () => {
  e2e = await startE2E({ now: START, unitCount: 600 });
  await seedDemoDraw(e2e.database.db, START, { followUp: false });
  const db = e2e.database.db;
  fs.mkdirSync(shotDir, { recursive: true });
  const [wucheng] = await db.select().from(orgs).where(eq(orgs.name, '婺城区消防救援大队'));
  const open = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.kind, 'draw'), inArray(tasks.status, ['assigned', 'notified']), wucheng ? eq(tasks.orgId, wucheng.id) : undefined));
  if (open.length === 0) throw new Error('no open task of 婺城');
  const task = open[0]!;
  await db.update(tasks).set({ dueDate: '2026-11-05', visitDate: null }).where(eq(tasks.id, task.id));
  const [u] = await db.select().from(units).where(eq(units.id, task.unitId));
  lagging = { taskId: task.id, unitName: u!.name };
  e2e.setNow(CHECK_DAY);
  const run = await runSelfChecks({ db, ip: null, now: CHECK_DAY, actorName: '系统定时任务' });
  if (run.brigades === 0) throw new Error('the check of 10 November made no report');
  page = await newPage(e2e, DESKTOP);
  await page.clock.setFixedTime(CHECK_DAY);
  await logIn(page, 'wucheng');
}, 300_000);
afterAll(async () => e2e?.close());

describe('the check on the 10th', () => {
  it('puts the report in the brigade head\'s 待阅消息 and lists the lagging task', async () => {
    await page.goto('/admin');
    const card = page.locator('.ant-card', { hasText: '待阅消息' });
    await card.getByRole('link', { name: /十日、二十日检查报告/ }).first().click();
    await page.waitForURL(/\/admin\/self-checks\/[0-9a-f-]{36}$/);
    await settled(page);
    const finding = page.locator('.ant-card', { hasText: '逾期未完成的任务' });
    const link = finding.getByRole('link', { name: new RegExp(lagging.unitName) });
    await eventually(() => link.count()).toBe(1);
    expect(await link.textContent()).toContain('应于 2026-11-05 前完成，已逾期 3 个工作日');
    expect(await link.getAttribute('href')).toBe(`/admin/tasks/${lagging.taskId}`);
    await shootBothWidths(page, shotDir, 'self-check-report');
    // Opening the report read the message: the 工作台 no longer shows it.
    await page.goto('/admin');
    await settled(page);
    expect(await page.locator('.ant-card', { hasText: '待阅消息' }).count()).toBe(0);
  });

  it('runs a manual check from the list', async () => {
    await page.goto('/admin/self-checks');
    await settled(page);
    expect(await page.locator('tr.ant-table-row').count()).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: buttonName('立即检查') }).click();
    await page.waitForURL(/\/admin\/self-checks\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByText('（立即检查）').count()).toBe(1);
    await eventually(() => page.getByRole('link', { name: new RegExp(lagging.unitName) }).count()).toBeGreaterThanOrEqual(1);
    await page.goto('/admin/self-checks');
    await settled(page);
    await shootBothWidths(page, shotDir, 'self-check-list');
  });
});

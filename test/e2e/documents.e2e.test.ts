import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../src/contracts/documents.ts';
import { hazards } from '../../src/db/schema.ts';
import { seedDemoDraw } from '../../src/usecases/system/seed-demo-draw.ts';
import { buttonName, DESKTOP, eventually, logIn, newPage, openDialog, responseTo, SCREENSHOT_DIR, shootBothWidths, startE2E, type E2E } from './harness.ts';

/**
 * 执法文书 in the browser (decision 0023): 大队管理员 wucheng opens a record with two 不符合 lines (one fixed on the
 * spot), issues a 责令限期改正通知书 with 5 个工作日 for the other, lands on the document (「…限字〔2026〕第0001号」), sees the hazards in
 * 隐患闭环, then opens the public check page of the paper: number and hash match, and the printed digest compares
 * 「一致」. Screenshots of the three pages at 1440 and 390 px go to docs/screenshots/documents.
 */
const NOW = new Date('2026-12-07T02:00:00Z');
const shotDir = path.join(SCREENSHOT_DIR, 'documents');

let e2e: E2E;
let page: Page;

async function shoot(p: Page, name: string) {
  await shootBothWidths(p, shotDir, name);
}

beforeAll(async () => {
  e2e = await startE2E({ now: NOW, unitCount: 600 });
  await seedDemoDraw(e2e.database.db, NOW, { followUp: false });
  fs.mkdirSync(shotDir, { recursive: true });
  page = await newPage(e2e, DESKTOP);
  await logIn(page, 'wucheng');
}, 180_000);
afterAll(async () => e2e?.close());

describe('执法文书 for a brigade administrator', { timeout: 180_000 }, () => {
  let doc: DocumentView;

  it('issues a 责令限期改正通知书 from a record with two 不符合 lines', async () => {
    const found = await e2e.database.db
      .select({ recordId: hazards.recordId, stage: hazards.stage })
      .from(hazards);
    // The demo's records with hazards have two 不符合 lines: one fixed on the spot (已改正), one waiting for a notice.
    const recordId = found.find((h) => h.stage === 'found' && found.filter((o) => o.recordId === h.recordId).length === 2)?.recordId;
    if (!recordId) throw new Error(`no record with two 不符合 lines (${found.length} hazards)`);
    await page.goto(`/admin/records/${recordId}`);
    await page.getByRole('heading', { name: '消防监督检查记录' }).waitFor();
    await page.getByRole('button', { name: buttonName('开具文书') }).click();
    const dialog = await openDialog(page, '开具文书');
    await expect.poll(() => dialog.getByRole('checkbox', { checked: true }).count()).toBe(1);
    await expect.poll(() => dialog.getByText('5 个工作日').count()).toBe(1);
    const response = await responseTo(page, 'POST', /\/api\/records\/[^/]+\/notices$/, () => dialog.getByRole('button', { name: buttonName('开具') }).click());
    expect(response.status()).toBe(201);
    doc = (await response.json()) as DocumentView;
    await page.waitForURL(/\/admin\/documents\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: /限字〔2026〕第0001号/ }).waitFor();
    expect(doc.number).toMatch(/限字〔2026〕第0001号$/);
    await expect.poll(() => page.locator('.document-paper-items li').count()).toBe(1);
    await expect.poll(() => page.locator('.document-paper-note').first().innerText()).toMatch(/^于2026年12月14日前改正$/);
    await shoot(page, 'document');
  });

  it('shows the hazards in 隐患闭环 with their deadlines', async () => {
    await page.locator('nav[aria-label="后台菜单"]').getByText('隐患闭环', { exact: true }).click();
    await page.waitForURL(/\/admin\/hazards$/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await eventually(() => rows.count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.ant-table-tbody', { hasText: doc.number }).count()).toBe(1);
    await expect.poll(() => page.locator('.ant-table-tbody', { hasText: '还剩 5 个工作日' }).count()).toBe(1);
    await shoot(page, 'hazards');
  });

  it('opens the public check of the paper: number and hash match, the printed digest compares 一致', async () => {
    const portal = await newPage(e2e, DESKTOP);
    await portal.goto(`/portal/documents/${doc.checkCode}`);
    await portal.getByRole('heading', { name: doc.number }).waitFor();
    await expect.poll(() => portal.getByText(doc.contentHash).count()).toBeGreaterThan(0);
    await portal.getByLabel('纸质文书上的内容摘要').fill(doc.printedHash);
    await portal.getByText(/^一致/).waitFor();
    await shoot(portal, 'check');
    await portal.getByLabel('纸质文书上的内容摘要').fill('0000 0000 0000 0000');
    await portal.getByText(/^不一致/).waitFor();
    const body = await portal.locator('body').innerText();
    expect(body).not.toContain('执法证号');
  });

  it('records the service (直接送达) on the document page', async () => {
    await page.goto(`/admin/documents/${doc.id}`);
    await page.getByRole('heading', { name: doc.number }).waitFor();
    await page.getByRole('button', { name: buttonName('登记送达') }).click();
    const dialog = await openDialog(page, '登记送达');
    await dialog.getByLabel('受送达人').fill('王经理');
    await dialog.getByLabel('与受送达单位关系').fill('消防安全管理人');
    await dialog.getByLabel('送达地点').fill('单位办公室');
    const response = await responseTo(page, 'POST', /\/api\/documents\/[^/]+\/services$/, () => dialog.getByRole('button', { name: buttonName('登记') }).click());
    expect(response.status()).toBe(201);
    await expect.poll(() => page.getByText('王经理（消防安全管理人）').count()).toBe(1);
    await expect.poll(() => page.getByText(/^已送达/).count()).toBeGreaterThan(0);
  });
});

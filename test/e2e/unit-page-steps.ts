import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { buttonName, openDialog, responseTo } from './harness.ts';

/*
 * Steps of the inspected unit's own page (/portal/unit, decision 0024) as a unit takes them on its phone, with nothing
 * about the demo data: the acceptance journey reuses them. Each step waits for the server's answer and for
 * the page to show it.
 */

/** The card of a notice on the unit's page, by its number. */
export function noticeCard(page: Page, noticeNumber: string): Locator {
  return page.locator(`[data-notice="${noticeNumber}"]`);
}

/** The card of a visit on the unit's page: by its date (YYYY-MM-DD), or the first one. */
export function visitCard(page: Page, visitDate?: string): Locator {
  return visitDate ? page.locator(`[data-visit="${visitDate}"]`).first() : page.locator('[data-visit]').first();
}

/** Opens the unit's page as the QR code's link does (the code prefilled), typing the credit code. */
export async function openUnitPage(page: Page, code: string, uscc: string): Promise<void> {
  await page.goto(`/portal/unit?code=${encodeURIComponent(code)}`);
  await expect.poll(() => page.getByLabel('核验码').inputValue()).toBe(code);
  await page.getByLabel('统一社会信用代码').fill(uscc);
  await responseTo(page, 'POST', /^\/api\/public\/unit-access$/, () => page.getByRole('button', { name: buttonName('查看本单位信息') }).click());
  await page.waitForURL(/\/portal\/unit\/home$/);
  await page.getByRole('heading', { name: '整改通知' }).waitFor();
}

/** Uploads a photo or PDF for the notice `noticeNumber` and waits until its name is listed. */
export async function uploadEvidence(page: Page, noticeNumber: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const card = noticeCard(page, noticeNumber);
  await responseTo(page, 'POST', /^\/api\/unit\/evidence$/, () => card.getByLabel(/选择整改材料文件/).setInputFiles(file), 201);
  await card.getByText('已上传的整改材料').waitFor();
  await card.getByText(file.name, { exact: false }).first().waitFor();
}

/** Asks for an early 复查 of the notice `noticeNumber`, with a note; waits until the card says it was asked. */
export async function applyEarlyReinspection(page: Page, noticeNumber: string, note = ''): Promise<void> {
  const card = noticeCard(page, noticeNumber);
  await card.getByRole('button', { name: buttonName('申请提前复查') }).click();
  const dialog = await openDialog(page, '申请提前复查');
  if (note) await dialog.getByLabel('整改情况说明（选填）').fill(note);
  await responseTo(page, 'POST', /^\/api\/unit\/reinspection-requests$/, () => dialog.getByRole('button', { name: buttonName('提交申请') }).click(), 201);
  await card.getByText(/申请提前复查，大队将于/).waitFor();
}

/** Rates a visit (the first, or the one of `visitDate`) 1–5 with a comment; waits until it shows 已评价. */
export async function rateVisit(page: Page, score: number, comment: string, visitDate?: string): Promise<void> {
  const card = visitCard(page, visitDate);
  await card.getByRole('button', { name: buttonName('评价') }).click();
  const dialog = await openDialog(page, /^评价/);
  await dialog.locator('.ant-rate-star').nth(score - 1).locator('div[role="radio"]').click();
  if (comment) await dialog.getByLabel('评价内容（选填）').fill(comment);
  await responseTo(page, 'POST', /^\/api\/unit\/ratings$/, () => dialog.getByRole('button', { name: buttonName('提交评价') }).click(), 201);
  await card.getByText(new RegExp(`已评价：${score} 分`)).waitFor();
}

/** Complains about the visit's 主办, 协办 or the visit as a whole, with the text and an optional contact. */
export async function complain(
  page: Page,
  options: { about: '主办' | '协办' | '整次检查'; text: string; contact?: string; visitDate?: string },
): Promise<void> {
  const card = visitCard(page, options.visitDate);
  await card.getByRole('button', { name: buttonName('投诉') }).click();
  const dialog = await openDialog(page, /^投诉/);
  await dialog.getByText('投诉将直接送达上级纪检部门，不经过实施检查的大队').waitFor();
  await dialog.getByRole('radio', { name: new RegExp(`^${options.about}`) }).check();
  await dialog.getByLabel('投诉内容').fill(options.text);
  if (options.contact) await dialog.getByLabel('联系方式（选填）').fill(options.contact);
  await responseTo(page, 'POST', /^\/api\/unit\/complaints$/, () => dialog.getByRole('button', { name: buttonName('提交投诉') }).click(), 201);
  await dialog.waitFor({ state: 'hidden' });
}

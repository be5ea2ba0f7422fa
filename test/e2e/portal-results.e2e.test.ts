import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawView } from '../../src/contracts/draws.ts';
import { inArray } from 'drizzle-orm';
import { documents, units } from '../../src/db/schema.ts';
import { logInAs } from '../harness/http.ts';
import { penaltyContent, plantPublication, resultContent } from '../harness/publications.ts';
import { executeJanuaryDraw, ok } from './api-steps.ts';
import { DEMO_PASSWORD, SCREENSHOT_DIR, newPage, settled, shootBothWidths, startE2E, type E2E } from './harness.ts';

/** The draw is made in mid-December for January; the portal is read in February, after the visits. */
const DRAW_DAY = new Date('2025-12-15T02:00:00Z');
const READ_DAY = new Date('2026-02-10T02:00:00Z');

let e2e: E2E;
let page: Page;
let drawCode = '';
const entry = { hazards: '', clean: '', unable: '', fine: '', withdrawn: '', hazardsUnitId: '', hazardsUnitName: '' };
const shots = path.join(SCREENSHOT_DIR, 'publication');



/**
 * Published entries planted as the brigade's queue would leave them (the queue's own journey publishes through the
 * admin pages): three results of the draw's tasks, a fine on a natural person and a withdrawn penalty.
 */
async function plantEntries(draw: DrawView): Promise<void> {
  const db = e2e.database.db;
  const [a, b, c] = draw.tasks;
  if (!a || !b || !c) throw new Error('the draw made fewer than three tasks');
  const brigadeName = draw.orgName;
  const orgId = (await ok<{ org: { id: string } }>(e2e.app, await logInAs(e2e.app, 'wucheng', DEMO_PASSWORD), '/api/auth/me')).org
    .id;
  const result = (t: typeof a) => ({ orgId, unitId: t.unitId, taskId: t.id, drawId: draw.id });
  const usccRows = await db
    .select({ id: units.id, uscc: units.uscc })
    .from(units)
    .where(inArray(units.id, [a.unitId, b.unitId, c.unitId]));
  const uscc = (t: typeof a) => usccRows.find((r) => r.id === t.unitId)!.uscc;
  entry.hazards = await plantPublication(
    db,
    result(a),
    resultContent({
      brigadeName,
      unitName: a.unitName,
      uscc: uscc(a),
      address: a.unitAddress ?? '',
      districtCode: '330702',
      drawCode: draw.code,
      inspectedOn: '2026-01-14',
      items: [
        { code: 'XF-01', name: '消防安全责任制落实情况' },
        { code: 'XF-03', name: '消防设施器材' },
        { code: 'XF-04', name: '安全疏散' },
      ],
      hazards: [
        { seq: 1, item: '消防设施器材', text: '室内消火栓箱内水带、水枪缺失', fixedOnSpot: false },
        { seq: 2, item: '安全疏散', text: '疏散通道堆放杂物', fixedOnSpot: true },
      ],
    }),
  );
  entry.hazardsUnitId = a.unitId;
  entry.hazardsUnitName = a.unitName;
  entry.clean = await plantPublication(
    db,
    result(b),
    resultContent({
      brigadeName,
      unitName: b.unitName,
      uscc: uscc(b),
      address: b.unitAddress ?? '',
      districtCode: '330702',
      drawCode: draw.code,
      inspectedOn: '2026-01-16',
      outcome: 'no_hazard',
      hazards: [],
    }),
  );
  entry.unable = await plantPublication(
    db,
    result(c),
    resultContent({
      brigadeName,
      unitName: c.unitName,
      uscc: uscc(c),
      address: c.unitAddress ?? '',
      districtCode: '330781',
      drawCode: draw.code,
      inspectedOn: '2026-01-19',
      outcome: 'unable',
      unableReason: 'closed',
      hazards: [],
      items: [],
    }),
  );
  entry.fine = await plantPublication(
    db,
    { orgId, unitId: a.unitId, displayUntil: '2026-05-05' },
    penaltyContent({
      brigadeName,
      unitName: a.unitName,
      uscc: null,
      partyKind: 'person',
      partyName: '张建华',
      decidedOn: '2026-02-03',
      decisionNumber: '婺消行罚决字〔2026〕第0003号',
      fineAmount: 5000,
      facts: ['室内消火栓箱内水带、水枪缺失'],
    }),
  );
  entry.withdrawn = await plantPublication(
    db,
    {
      orgId,
      unitId: b.unitId,
      status: 'withdrawn',
      withdrawKind: 'revoked',
      withdrawnOn: '2026-02-06',
      displayUntil: '2026-05-01',
    },
    penaltyContent({ brigadeName, unitName: b.unitName, uscc: null, decidedOn: '2026-01-28' }),
  );
  // A correction notice of the first task, so the entry shows a notice with its state and its check link.
  const number = '婺消限字〔2026〕第0001号';
  await db.insert(documents).values({
    orgId,
    unitId: a.unitId,
    taskId: a.id,
    docType: 'deadline_notice',
    number,
    year: 2026,
    seq: 1,
    issueDate: '2026-01-14',
    content: {
      schema: 'xf-doc/1',
      type: 'deadline_notice',
      title: '责令限期改正通知书',
      orgName: brigadeName,
      number,
      issueDate: '2026-01-14',
      checkCode: 'RESULTDEMO1',
      addressee: `${a.unitName}：`,
      blocks: [],
      receipt: true,
      replaces: null,
    },
    contentHash: 'a'.repeat(64),
    checkCode: 'RESULTDEMO1',
    status: 'issued',
    issuedBy: orgId,
    issuedAt: READ_DAY,
  });
}

beforeAll(async () => {
  e2e = await startE2E({ now: DRAW_DAY, unitCount: 150 });
  const draw = await executeJanuaryDraw(e2e.app);
  drawCode = draw.code;
  e2e.setNow(READ_DAY);
  await plantEntries(draw);
  fs.mkdirSync(shots, { recursive: true });
  page = await newPage(e2e);
}, 180_000);
afterAll(async () => e2e?.close());

describe('the portal’s results (一公开)', () => {
  it('lists the published entries, searches by name, keeps the search in the address and prints the list alone', async () => {
    await page.goto(`${e2e.baseUrl}/portal/results`);
    await settled(page);
    // At least the five planted (the demo data may publish more).
    await expect.poll(() => page.locator('.result-list-item').count()).toBeGreaterThanOrEqual(5);
    await shootBothWidths(page, shots, 'results');
    await page.getByRole('textbox', { name: '单位' }).fill(entry.hazardsUnitName);
    await page
      .getByRole('button', { name: '查 询' })
      .or(page.getByRole('button', { name: '查询' }))
      .first()
      .click();
    await expect.poll(() => page.url()).toContain('q=');
    await expect.poll(() => page.locator('.result-list-item').count()).toBe(2);
    // The link someone was sent opens the same list.
    await page.goto(page.url());
    await settled(page);
    await expect.poll(() => page.locator('.result-list-item').count()).toBe(2);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.portal-header').isVisible()).toBe(false);
    expect(await page.getByRole('textbox', { name: '单位' }).isVisible()).toBe(false);
    expect(await page.locator('.result-list-item').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows a result with its hazards, notice, draw and unit; the draw links back to the result', async () => {
    await page.goto(`${e2e.baseUrl}/portal/results/${entry.hazards}`);
    await settled(page);
    await page.getByText('室内消火栓箱内水带、水枪缺失').waitFor();
    await page.getByText('婺消限字〔2026〕第0001号', { exact: false }).waitFor();
    await shootBothWidths(page, shots, 'result');
    await page.getByRole('link', { name: `随机抽取 ${drawCode}` }).click();
    await page.waitForURL(`**/portal/draws/${drawCode}`);
    await settled(page);
    await page.getByRole('link', { name: `${entry.hazardsUnitName}的抽查结果` }).click();
    await page.waitForURL(`**/portal/results/${entry.hazards}`);
  });

  it('shows a penalty with the person’s name masked, and a withdrawn one as its withdrawal only', async () => {
    await page.goto(`${e2e.baseUrl}/portal/results/${entry.fine}`);
    await settled(page);
    await page.getByText('罚款 5,000 元').first().waitFor();
    expect(await page.content()).not.toContain('张建华');
    await shootBothWidths(page, shots, 'penalty');
    await page.goto(`${e2e.baseUrl}/portal/results/${entry.withdrawn}`);
    await settled(page);
    await page.getByText('已撤回：处罚决定已撤销').first().waitFor();
    expect(await page.getByText('行政处罚决定', { exact: true }).count()).toBe(0);
    await shootBothWidths(page, shots, 'withdrawn');
  });

  it('shows a unit’s page, and no page for a unit with nothing published', async () => {
    await page.goto(`${e2e.baseUrl}/portal/units/${entry.hazardsUnitId}`);
    await settled(page);
    await page.getByRole('heading', { name: entry.hazardsUnitName, level: 1 }).waitFor();
    await shootBothWidths(page, shots, 'unit');
    await page.goto(`${e2e.baseUrl}/portal/units/00000000-0000-4000-8000-000000000000`);
    await page.getByText('找不到该单位的公示信息').waitFor();
  });

  it('describes the open data, whose feeds answer', async () => {
    await page.goto(`${e2e.baseUrl}/portal/open-data`);
    await settled(page);
    await page.getByText('可自由使用，请注明来源').first().waitFor();
    await shootBothWidths(page, shots, 'open-data');
    const atom = await page.request.get(`${e2e.baseUrl}/api/public/feeds/results.atom`);
    expect(atom.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect((await atom.text()).match(/<entry>/g)?.length).toBeGreaterThanOrEqual(5);
  });
});

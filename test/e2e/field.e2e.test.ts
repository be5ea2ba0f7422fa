import { and, eq, inArray, not } from 'drizzle-orm';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawView } from '../../src/contracts/draws.ts';
import type { FieldTask, FieldTaskBundle, RecordSummary } from '../../src/contracts/field.ts';
import { accounts, draws, inspectionHistory, inspectionRecords, inspectors, outboxMessages, tasks, units } from '../../src/db/schema.ts';
import { seedDemoDraw } from '../../src/usecases/system/seed-demo-draw.ts';
import { freezeAndExecuteDraw } from '../harness/draws.ts';
import { call, logInAs, type Session } from '../harness/http.ts';
import { addLinePhoto, chooseResult, describeHazard, drawSignature, lineOf, logInField, makeJpeg, overflowingElements } from './field-steps.ts';
import { DEMO_PASSWORD, SCREENSHOT_DIR, eventually, imagesLoaded, logIn, newPage, startE2E, type E2E } from './harness.ts';

/**
 * The field app's journey (decisions 0020–0022) on a phone, on the demo data as first start makes it: the inspector
 * jiandu logs in, opens today's task (the demo set its visit day and told the unit), loses the network, fills the
 * checklist with two 不符合 lines and their photos, signs, reloads offline (the service worker serves the app, the
 * draft is all there), submits to the outbox, gets the network back, and the outbox uploads each file once and the
 * record once. The admin then sees the record with its photos, the task is done, the unit's history has the
 * inspection, and a draw frozen afterwards leaves the unit out (six-month rule).
 */

/** The server's clock and the browser's: Monday 7 December 2026, 10:00 in China. */
const NOW = new Date('2026-12-07T02:00:00Z');
const TODAY = '2026-12-07';
const PHONE = { width: 390, height: 844 };

let e2e: E2E;
let admin: Session;
let jiandu: Session;
let taskId = '';
let unitId = '';
let unitName = '';
/** The task's 协办: their account, to confirm the record on their own phone. */
let assistantUsername = '';

const bundleOf = async () => (await call(e2e.app, jiandu, 'GET', '/api/field/tasks?days=7')).json<FieldTaskBundle>();

/** This month's demo draw: its strata and every task (as the admin's draw page has them). */
async function thisMonthsDraw(): Promise<DrawView> {
  const [row] = await e2e.database.db.select({ id: draws.id }).from(draws).where(and(eq(draws.status, 'executed'), eq(draws.periodStart, '2026-12-01')));
  if (!row) throw new Error('the demo made no draw for December');
  return (await call(e2e.app, admin, 'GET', `/api/draws/${row.id}`)).json<DrawView>();
}

/**
 * A task of this month's demo draw that jiandu leads and visits today, other than `except`: the demo's own when it
 * made one; else (a smaller demo than first start's, whose draw may not name jiandu) jiandu is made the lead of an
 * open task — with `withAlternate`, one whose stratum still has an alternate to bring in — and tells the unit.
 */
async function taskForToday(except: string[] = [], options: { withAlternate?: boolean } = {}): Promise<FieldTask> {
  const mine = (await bundleOf()).tasks.filter((t) => !except.includes(t.id));
  const ready = mine.find((t) => t.visitDate === TODAY && t.myRole === 'lead' && t.status === 'notified');
  if (ready && !options.withAlternate) return ready;
  const draw = await thisMonthsDraw();
  // The drawn order of a stratum is quota + alternates long; a stratum with fewer tasks than that has an alternate left.
  const room = new Set(draw.strata.filter((st) => draw.tasks.filter((t) => t.stratum === st.code).length < st.quota + st.alternates).map((st) => st.code));
  const task = draw.tasks.find((t) => t.status === 'assigned' && !except.includes(t.id) && (!options.withAlternate || room.has(t.stratum)));
  if (!task) throw new Error('the demo draw has no open task left');
  const me = (await call(e2e.app, jiandu, 'GET', '/api/auth/me')).json<{ account: { inspectorId: string } }>();
  const [row] = await e2e.database.db.select().from(tasks).where(eq(tasks.id, task.id));
  await e2e.database.db
    .update(tasks)
    .set({ leadIds: [me.account.inspectorId], assistantIds: row!.assistantIds.filter((id) => id !== me.account.inspectorId) })
    .where(eq(tasks.id, task.id));
  const visit = await call(e2e.app, jiandu, 'POST', `/api/field/tasks/${task.id}/visit`, { visitDate: TODAY, lateReason: '单位负责人仅今日在岗，电话告知后当日检查' });
  if (visit.statusCode >= 300) throw new Error(`visit: ${visit.statusCode} ${visit.body}`);
  return (await bundleOf()).tasks.find((t) => t.id === task.id)!;
}

/** The account of the task's 协办 (made, with the demo password, when the demo gave that inspector none). */
async function assistantAccountOf(id: string): Promise<string> {
  const db = e2e.database.db;
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id));
  let assistantId = row!.assistantIds[0];
  if (!assistantId) {
    // The demo drew this task with a lead only: another inspector of the brigade goes along as 协办.
    const [other] = await db.select({ id: inspectors.id }).from(inspectors).where(and(eq(inspectors.orgId, row!.orgId), not(inArray(inspectors.id, row!.leadIds))));
    if (!other) throw new Error('no other inspector in the brigade');
    assistantId = other.id;
    await db.update(tasks).set({ assistantIds: [assistantId] }).where(eq(tasks.id, id));
  }
  const [existing] = await db.select({ username: accounts.username }).from(accounts).where(eq(accounts.inspectorId, assistantId));
  if (existing) return existing.username;
  const [template] = await db.select().from(accounts).where(eq(accounts.username, 'jiandu'));
  const [inspector] = await db.select({ name: inspectors.name }).from(inspectors).where(eq(inspectors.id, assistantId));
  await db.insert(accounts).values({
    username: 'xiebanjiandu',
    displayName: inspector!.name,
    role: 'inspector',
    orgId: template!.orgId,
    passwordHash: template!.passwordHash,
    isDemo: true,
    inspectorId: assistantId,
  });
  return 'xiebanjiandu';
}

beforeAll(async () => {
  e2e = await startE2E({ now: NOW, unitCount: 600 });
  await seedDemoDraw(e2e.database.db, NOW);
  admin = await logInAs(e2e.app, 'wucheng', DEMO_PASSWORD);
  jiandu = await logInAs(e2e.app, 'jiandu', DEMO_PASSWORD);
  const today = await taskForToday();
  ({ id: taskId } = today);
  ({ id: unitId, name: unitName } = today.unit);
  assistantUsername = await assistantAccountOf(taskId);
}, 240_000);
afterAll(async () => e2e?.close());

describe('the field app on a phone', () => {
  let page: Page;
  const uploads: string[] = [];
  const recordPosts: string[] = [];

  it('keeps a checklist filled offline, photos and signatures included, through a reload without network', async () => {
    page = await newPage(e2e, PHONE);
    const context = page.context();
    await page.clock.setFixedTime(NOW);
    page.on('request', (request: Request) => {
      const { pathname } = new URL(request.url());
      if (request.method() === 'POST' && pathname === '/api/field/records') recordPosts.push(request.url());
    });
    // Each stored upload by the SHA-256 the server answers with.
    page.on('response', async (response) => {
      const { pathname } = new URL(response.url());
      if (response.request().method() === 'POST' && pathname === '/api/files' && response.status() < 300) {
        // The body of an upload answered as the test ends may no longer be readable: only a closed page is forgiven.
        const body = await response.json().catch((error: Error) => {
          if (/has been closed/.test(error.message)) return null;
          throw error;
        });
        if (body) uploads.push((body as { sha256: string }).sha256);
      }
    });

    await logInField(page, 'jiandu', DEMO_PASSWORD);
    // The service worker has the app shell before the network goes.
    await eventually(() => page.evaluate('navigator.serviceWorker.ready.then((r) => Boolean(r.active))')).toBe(true);

    await page.getByRole('tab', { name: /今日/ }).click();
    await page.getByRole('button', { name: new RegExp(unitName) }).first().click();
    await page.getByRole('heading', { name: '任务详情' }).waitFor();
    await page.getByRole('button', { name: '开始检查' }).click();
    await page.getByRole('heading', { name: '检查记录' }).waitFor();

    await context.setOffline(true);
    // Two different photos (the same photo twice would be one stored file: files are kept by their SHA-256).
    const jpegs = [await makeJpeg(e2e.browser, 3000, 2000), await makeJpeg(e2e.browser, 2400, 3200)];
    const lineCount = await page.getByRole('article', { name: /^第 \d+ 项 / }).count();
    expect(lineCount).toBeGreaterThanOrEqual(2);
    // Nothing is preselected: no result chosen on any line, no conclusion.
    expect(await page.locator('article [role="radio"][aria-checked="true"]').count()).toBe(0);
    expect(await page.getByRole('radiogroup', { name: '检查结论' }).locator('[aria-checked="true"]').count()).toBe(0);
    for (const index of [1, 2]) {
      await chooseResult(page, index, '不符合');
      await describeHazard(page, index, { description: `第 ${index} 处隐患：灭火器失效`, location: `${index} 层走廊`, fixed: index === 1 });
      await addLinePhoto(page, index, jpegs[index - 1]!, `IMG_000${index}.jpg`);
    }
    for (let index = 3; index <= lineCount; index++) await chooseResult(page, index, '符合');
    await page.getByRole('radio', { name: '发现火灾隐患', exact: true }).click();
    await page.getByLabel('陪同人员姓名').fill('陈立新');
    await drawSignature(page, '主办');
    await page.getByText('协办将在自己的设备上确认').click();
    await page.getByRole('radio', { name: '当场签名' }).click();
    await drawSignature(page, '被检查单位');
    await eventually(() => page.getByText(/^已签名/).count()).toBe(2);

    // An edit after signing voids the signatures, visibly; signing again restores them.
    await lineOf(page, 1).getByLabel('隐患部位').fill('一层东侧走廊');
    await page.getByText('签名后内容已修改，原有签名已作废，请重新签名。').waitFor();
    expect(await page.getByText(/^已签名/).count()).toBe(0);
    await drawSignature(page, '主办');
    await page.getByRole('radio', { name: '当场签名' }).click();
    await drawSignature(page, '被检查单位');
    await eventually(() => page.getByText(/^已签名/).count()).toBe(2);
    // What the screen shows is on the device only once the page says so (a write still in flight is 正在保存到本机…).
    await page.getByRole('status').filter({ hasText: /^已保存到本机 \d\d:\d\d:\d\d$/ }).waitFor();

    // Reload without network: the service worker serves the app, the draft comes back from IndexedDB.
    await page.reload();
    await page.getByRole('heading', { name: '检查记录' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/field-offline-reload.png` });
    expect(await overflowingElements(page)).toEqual([]);
    for (const index of [1, 2]) {
      expect(await lineOf(page, index).getByRole('radio', { name: '不符合', exact: true }).getAttribute('aria-checked')).toBe('true');
      expect(await lineOf(page, index).locator('.photo img').count()).toBe(1);
    }
    expect(await lineOf(page, 1).getByLabel('隐患部位').inputValue()).toBe('一层东侧走廊');
    expect(await page.getByText(/^已签名/).count()).toBe(2);

    await page.getByRole('button', { name: '提交到待发送' }).click();
    await page.getByRole('heading', { name: '待发送' }).waitFor();
    expect(await page.getByRole('navigation', { name: '主导航' }).getByLabel('待发送 1 条').count()).toBe(1);
    expect(await page.getByText('待发送', { exact: true }).count()).toBeGreaterThan(0);
    expect(uploads).toEqual([]);
    expect(recordPosts).toEqual([]);
    // Logging out is refused while the record is unsent.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /我的/ }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('还有 1 条记录未发送：发送成功后才能退出登录。').waitFor();
  });

  it('sends the record once the network is back: every file uploaded once, the record once, and the server has it', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /待发送/ }).click();
    await page.context().setOffline(false);
    await page.getByText('已发送', { exact: true }).first().waitFor({ timeout: 30_000 });
    // The record once; every file it names (two photos, the two signature images) uploaded once, and nothing else.
    // (Two signatures drawn alike can be one image, hence the set.)
    expect(recordPosts).toHaveLength(1);
    const stored = await e2e.database.db
      .select({ id: inspectionRecords.id, body: inspectionRecords.body, signatures: inspectionRecords.signatures })
      .from(inspectionRecords)
      .where(eq(inspectionRecords.taskId, taskId));
    expect(stored).toHaveLength(1);
    const photos = stored[0]!.body.lines.flatMap((line) => line.photos);
    const signed = [stored[0]!.signatures.lead, stored[0]!.signatures.representative].flatMap((sig) => (sig?.kind === 'signed' ? [sig.image] : []));
    expect(photos).toHaveLength(2);
    expect(signed).toHaveLength(2);
    expect(new Set(uploads).size).toBe(uploads.length);
    expect(new Set(uploads)).toEqual(new Set([...photos, ...signed]));
    // The device kept nothing but the sent item: no draft, no photos.
    const left = await page.evaluate(`(async () => {
      const dbs = await indexedDB.databases();
      const name = dbs.find((d) => d.name && d.name.startsWith('xf-field-')).name;
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const count = (store) => new Promise((resolve) => {
        const request = db.transaction(store).objectStore(store).count();
        request.onsuccess = () => resolve(request.result);
      });
      const result = { drafts: await count('drafts'), photos: await count('photos') };
      db.close();
      return result;
    })()`);
    expect(left).toMatchObject({ drafts: 0, photos: 0 });
  });

  it('lets the 协办 read the record on their own phone and confirm it by signing, through the outbox; the admin sees 协办已确认', async () => {
    const phone = await newPage(e2e, PHONE);
    await phone.clock.setFixedTime(NOW);
    const confirmPosts: string[] = [];
    phone.on('request', (request: Request) => {
      if (request.method() === 'POST' && /^\/api\/field\/records\/[0-9a-f-]{36}\/confirm$/.test(new URL(request.url()).pathname)) confirmPosts.push(request.url());
    });
    await logInField(phone, assistantUsername, DEMO_PASSWORD);
    await eventually(() => phone.evaluate('navigator.serviceWorker.ready.then((r) => Boolean(r.active))')).toBe(true);
    // The record waits for them: first in 今日, marked 待我确认.
    await phone.getByRole('tab', { name: /今日/ }).click();
    const card = phone.getByRole('button', { name: new RegExp(unitName) }).first();
    await card.getByText('待我确认').waitFor();
    await card.click();
    await phone.getByRole('button', { name: '查看记录并签名确认（协办）' }).click();
    await phone.getByRole('heading', { name: '已提交的记录' }).waitFor();
    // Read-only: the two 不符合 lines with their hazards and photos (served by hash), the lead's and the unit's signatures.
    await phone.getByText('第 1 版', { exact: true }).waitFor();
    expect(await phone.locator('.tag-fail').count()).toBe(2);
    expect(await phone.getByText('隐患部位：一层东侧走廊').count()).toBe(1);
    await eventually(() => phone.evaluate(`[...document.querySelectorAll('.photo img')].filter((img) => img.complete && img.naturalWidth > 0).length`)).toBe(2);
    await eventually(() => phone.evaluate(`[...document.querySelectorAll('img.signature-image')].filter((img) => img.complete && img.naturalWidth > 0).length`)).toBe(2);
    expect(await phone.locator('input, textarea, [role="radio"]').count()).toBe(0);

    // Signed offline: the confirmation waits in the outbox, then goes once the network is back.
    await phone.context().setOffline(true);
    await drawSignature(phone, '协办');
    await phone.getByText('确认已签名，正在待发送中等待发送；发送成功前本机会一直保留。').waitFor();
    expect(await phone.getByRole('navigation', { name: '主导航' }).getByLabel('待发送 1 条').count()).toBe(1);
    expect(confirmPosts).toEqual([]);
    expect(await overflowingElements(phone)).toEqual([]);
    await phone.screenshot({ path: `${SCREENSHOT_DIR}/field-confirm.png`, fullPage: true });
    await phone.context().setOffline(false);
    await phone.getByText('协办已确认', { exact: true }).first().waitFor({ timeout: 30_000 });
    expect(confirmPosts).toHaveLength(1);

    const list = (await call(e2e.app, admin, 'GET', `/api/records?taskId=${taskId}`)).json<{ items: RecordSummary[] }>();
    const record = (await call(e2e.app, admin, 'GET', `/api/records/${list.items[0]!.id}`)).json<{ assistantConfirmedAt: string | null }>();
    expect(record.assistantConfirmedAt).not.toBeNull();
    await phone.context().close();
  });

  it('shows the admin the record with its photos, marks the task done, writes the unit history, and the next draw leaves the unit out', async () => {
    // The admin's list and the record: two hazards, their photos and the two signatures, each served by its hash.
    const list = (await call(e2e.app, admin, 'GET', `/api/records?taskId=${taskId}`)).json<{ items: RecordSummary[] }>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ hazardCount: 2, photoCount: 2 });
    const record = (await call(e2e.app, admin, 'GET', `/api/records/${list.items[0]!.id}`)).json<{ files: { url: string; contentType: string }[] }>();
    expect(record.files.filter((f) => f.contentType === 'image/jpeg')).toHaveLength(2);
    for (const file of record.files) expect((await call(e2e.app, admin, 'GET', file.url)).statusCode).toBe(200);
    // The same in the admin's browser: the record page shows the two photos and the two signatures.
    const desk = await newPage(e2e);
    await logIn(desk, 'wucheng');
    await desk.goto(`/admin/records/${list.items[0]!.id}`);
    await eventually(() => imagesLoaded(desk, '.record-photos img')).toBe(2);
    await eventually(() => imagesLoaded(desk, 'img.record-signature-image')).toBe(2);
    expect(await desk.getByText(unitName).count()).toBeGreaterThan(0);
    await desk.screenshot({ path: `${SCREENSHOT_DIR}/field-record-admin.png`, fullPage: true });
    await desk.context().close();

    const [task] = await e2e.database.db.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, taskId));
    expect(task?.status).toBe('done');
    const history = await e2e.database.db
      .select({ on: inspectionHistory.inspectedOn, kind: inspectionHistory.kind })
      .from(inspectionHistory)
      .where(and(eq(inspectionHistory.unitId, unitId), eq(inspectionHistory.taskId, taskId)));
    expect(history).toEqual([{ on: TODAY, kind: 'routine' }]);

    // A special campaign over every unit of the brigade, frozen now: the unit inspected today is not a candidate.
    const me = (await call(e2e.app, admin, 'GET', '/api/auth/me')).json<{ org: { id: string } }>();
    const campaign = await call(e2e.app, admin, 'POST', '/api/campaigns', {
      orgId: me.org.id,
      name: '岁末年初火灾防控专项检查',
      description: '',
      startsOn: TODAY,
      endsOn: '2026-12-31',
      filter: { categories: [], crowded: null, flammable: null, highRise: null, tagsAny: [], districtCodes: [] },
      quota: 5,
      alternatesPercent: 0,
      checkItemCodes: ['XF-01'],
      frequencyOverrideReason: '',
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    expect((await call(e2e.app, admin, 'POST', `/api/campaigns/${campaign.json<{ id: string }>().id}/publish`)).statusCode).toBeLessThan(300);
    const zhidui = await logInAs(e2e.app, 'zhidui', DEMO_PASSWORD);
    const drawn = await freezeAndExecuteDraw(e2e.app, admin, zhidui, { kind: 'campaign', id: campaign.json<{ id: string }>().id }, '2026345');
    const bundle = (await call(e2e.app, null, 'GET', `/api/public/draws/${drawn.code}/bundle`)).json<{ manifest: { candidates: string[][] } }>();
    expect(bundle.manifest.candidates.length).toBeGreaterThan(0);
    expect(bundle.manifest.candidates.map((c) => c[0])).not.toContain(unitId);
  });
  it('ends a task 无法检查 (查无此单位) with a photo: the unit becomes 待核实, no inspection is counted, and the next alternate comes in', async () => {
    const gone = await taskForToday([taskId], { withAlternate: true });
    await page.goto('/field/');
    await page.getByRole('tab', { name: /今日/ }).click();
    await page.getByRole('button', { name: new RegExp(gone.unit.name) }).first().click();
    await page.getByRole('heading', { name: '任务详情' }).waitFor();
    await page.getByRole('button', { name: '开始检查' }).click();
    await page.getByRole('heading', { name: '检查记录' }).waitFor();
    await page.getByRole('radio', { name: '无法检查', exact: true }).click();
    await page.getByRole('radio', { name: '查无此单位', exact: true }).click();
    await page.getByLabel('情况说明').fill('登记地址为空置商铺，周边商户称该单位已于年初搬离，无法联系');
    await page.getByLabel('无法检查照片：拍照').setInputFiles({ name: 'IMG_0100.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(e2e.browser, 1600, 1200) });
    await page.getByRole('list', { name: /无法检查照片（1 张）/ }).waitFor();
    await drawSignature(page, '主办');
    await page.getByText('协办将在自己的设备上确认').click();
    expect(await overflowingElements(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/field-unable.png`, fullPage: true });
    await page.getByRole('button', { name: '提交到待发送' }).click();
    await page.getByRole('heading', { name: '待发送' }).waitFor();
    await eventually(async () => (await e2e.database.db.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, gone.id)))[0]?.status).toBe('unable');

    // The unit is flagged 待核实 in the registry; nothing enters its inspection history (not passed, not failed).
    const [unit] = await e2e.database.db.select({ flaggedAt: units.flaggedAt, flagReason: units.flagReason }).from(units).where(eq(units.id, gone.unit.id));
    expect(unit?.flaggedAt).not.toBeNull();
    expect(unit?.flagReason).toContain('查无此单位');
    expect(await e2e.database.db.select().from(inspectionHistory).where(eq(inspectionHistory.taskId, gone.id))).toEqual([]);
    const list = (await call(e2e.app, admin, 'GET', `/api/records?taskId=${gone.id}`)).json<{ items: RecordSummary[] }>();
    expect(list.items[0]).toMatchObject({ outcomeLabel: '无法检查', conclusionLabel: null, hazardCount: 0 });

    // The stratum's next alternate is brought in by 递补, with the record as its evidence.
    const replaced = await call(e2e.app, admin, 'POST', `/api/tasks/${gone.id}/replace-unit`, { reason: '现场核实查无此单位', evidence: '消防监督检查记录（无法检查）及现场照片' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const alternate = replaced.json<{ taskId: string; unitId: string }>();
    expect(alternate.unitId).not.toBe(gone.unit.id);
    expect((await e2e.database.db.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, gone.id)))[0]?.status).toBe('replaced');
  });
  it('opens the notice the unit was sent, on a phone without logging in: the brigade, the day, what to prepare', async () => {
    const [message] = await e2e.database.db.select({ code: outboxMessages.shortCode, body: outboxMessages.body }).from(outboxMessages).where(eq(outboxMessages.taskId, taskId));
    expect(message?.body).toContain(`/portal/notice/${message?.code}`);
    const visitor = await newPage(e2e, PHONE);
    await visitor.goto(`/portal/notice/${message!.code}`);
    await visitor.getByRole('heading', { name: unitName }).waitFor();
    expect(await visitor.getByText('2026年12月7日（星期一）').count()).toBe(1);
    expect(await visitor.getByText('请提前准备').count()).toBe(1);
    expect(await overflowingElements(visitor)).toEqual([]);
    await visitor.screenshot({ path: `${SCREENSHOT_DIR}/portal-notice-phone.png`, fullPage: true });
    await visitor.goto('/portal/notice/NOSUCHCODE1');
    await visitor.getByText('找不到该告知').waitFor();
    await visitor.context().close();
  });

  it('lets the lead correct the sent record: a new version from the submitted body, with a reason and every signature made again', async () => {
    await page.goto('/field/?tab=done');
    await page.getByRole('tab', { name: /已提交/ }).click();
    await page.getByRole('button', { name: new RegExp(unitName) }).first().waitFor();
    expect(await overflowingElements(page)).toEqual([]);
    await page.getByRole('button', { name: new RegExp(unitName) }).first().click();
    await page.getByRole('heading', { name: '任务详情' }).waitFor();
    await page.getByText('此任务已提交检查记录（第 1 版）。').waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/field-submitted-task.png`, fullPage: true });
    await page.getByRole('button', { name: '更正检查记录（将成为第 2 版）' }).click();
    await page.getByRole('heading', { name: '更正检查记录' }).waitFor();
    await page.getByRole('heading', { name: '更正记录（第 2 版）' }).waitFor();
    // The submitted record as it was (results, hazards, photos), no signature.
    expect(await lineOf(page, 1).getByRole('radio', { name: '不符合', exact: true }).getAttribute('aria-checked')).toBe('true');
    expect(await lineOf(page, 1).getByLabel('隐患部位').inputValue()).toBe('一层东侧走廊');
    expect(await lineOf(page, 1).locator('.photo img').count()).toBe(1);
    expect(await page.getByText(/^已签名/).count()).toBe(0);
    // The reason comes first: nothing can be signed without it.
    await page.getByText('请先完成上面标出的必填内容，再签名。签名后如修改内容，签名将作废。').waitFor();
    await lineOf(page, 1).getByLabel('隐患部位').fill('一层东侧走廊尽头');
    await page.getByLabel('更正理由').fill('隐患部位写得不够具体');
    await drawSignature(page, '主办');
    await page.getByText('协办将在自己的设备上确认').click();
    await page.getByRole('radio', { name: '当场签名' }).click();
    await drawSignature(page, '被检查单位');
    await eventually(() => page.locator('img.signature-image').count()).toBe(2);
    expect(await overflowingElements(page)).toEqual([]);
    await page.getByRole('button', { name: '提交到待发送' }).click();
    await page.getByRole('heading', { name: '待发送' }).waitFor();
    await page.getByText(/检查记录（更正，第 2 版）/).first().waitFor();
    await eventually(async () => (await e2e.database.db.select({ id: inspectionRecords.id }).from(inspectionRecords).where(eq(inspectionRecords.taskId, taskId))).length).toBe(2);
    const list = (await call(e2e.app, admin, 'GET', `/api/records?taskId=${taskId}`)).json<{ items: RecordSummary[] }>();
    expect(list.items.map((r) => r.version)).toEqual([2, 1]);
    const latest = (await call(e2e.app, admin, 'GET', `/api/records/${list.items[0]!.id}`)).json<{ correctsRecordId: string; correctionReason: string; body: { lines: { hazard: { location: string } | null }[] } }>();
    expect(latest).toMatchObject({ correctsRecordId: list.items[1]!.id, correctionReason: '隐患部位写得不够具体' });
    expect(latest.body.lines[0]!.hazard!.location).toBe('一层东侧走廊尽头');
  });
});

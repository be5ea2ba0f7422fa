import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawView } from '../../src/contracts/draws.ts';
import { fromHex } from '../../src/domain/crypto/sha256.ts';
import type { DrawBundle } from '../../src/domain/draw/draw-types.ts';
import { commitmentOf } from '../../src/domain/draw/seed.ts';
import { call, logInAs, type Session } from '../harness/http.ts';
import {
  buttonName,
  DEMO_PASSWORD,
  SCREENSHOT_DIR,
  HIDE_TOASTS,
  dialogsOf,
  eventually,
  logIn,
  newPage,
  openDialog,
  responseTo,
  startE2E,
  type E2E,
} from './harness.ts';

/** The server's clock: mid-December 2025, so January 2026 is the month the journey draws (the 2026 calendar is seeded). */
const NOW = new Date('2025-12-15T02:00:00Z');
/** Tonight's 福彩3D issue, named at the freeze; its number is entered after the reveal. */
const ISSUE = '2025341';
const OBSERVER = '王监督<img src=x onerror=alert(1)>';

let e2e: E2E;
let monthlyPlanId: string;

/** A call that must succeed; its JSON. */
async function ok<T>(app: FastifyInstance, session: Session, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
  const res = await call(app, session, method, url, payload);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

async function publishJanuaryPlan(app: FastifyInstance): Promise<string> {
  const admin = await logInAs(app, 'wucheng', DEMO_PASSWORD);
  const me = await ok<{ org: { id: string } }>(app, admin, 'GET', '/api/auth/me');
  const annual = await ok<{ id: string }>(app, admin, 'POST', '/api/annual-plans', {
    orgId: me.org.id,
    year: 2026,
    name: '2026 年度双随机抽查工作计划',
  });
  await ok(app, admin, 'POST', `/api/annual-plans/${annual.id}/publish`);
  const monthly = await ok<{ id: string }>(app, admin, 'POST', `/api/annual-plans/${annual.id}/months/1/generate`);
  await ok(app, admin, 'POST', `/api/monthly-plans/${monthly.id}/publish`);
  return monthly.id;
}

// The real server with the clock at NOW over demo data seeded as of NOW; the 2026 annual and January plans published through the API.
beforeAll(async () => {
  e2e = await startE2E({ now: NOW, unitCount: 150 });
  monthlyPlanId = await publishJanuaryPlan(e2e.app);
});
afterAll(async () => e2e?.close());


describe('draw journey', () => {
  it('freezes, commits, reveals, takes the lottery value from two accounts, executes, and the portal verifies it in the browser', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'wucheng');

    // 组织抽取 from the published monthly plan: one observer, tonight's 福彩3D issue.
    await page.goto(`/admin/monthly-plans/${monthlyPlanId}`);
    // Until a draw is live the plan can still be taken back to a draft (with a reason); the API test covers it.
    await eventually(() => page.getByRole('button', { name: '退回重新制定' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'monthly-plan-published.png'), fullPage: true });
    await page.getByRole('button', { name: '组织抽取' }).click();
    const freeze = page.getByRole('dialog', { name: '组织随机抽取' });
    await freeze.getByLabel('监督人姓名（第 1 行）').fill(OBSERVER);
    await eventually(() => freeze.getByLabel('监督人身份（第 1 行）').inputValue()).toBe('特邀廉政监督员');
    await freeze.getByLabel('期号（第 1 行）').fill(ISSUE);
    const frozen = (await (
      await responseTo(page, 'POST', /^\/api\/draws$/, () => freeze.getByRole('button', { name: '冻结抽取清单' }).click(), 201)
    ).json()) as DrawView;
    await page.waitForURL(new RegExp(`/admin/draws/${frozen.id}$`));
    await eventually(() => page.getByLabel('抽取清单哈希').textContent()).toBe(frozen.manifestHash);

    // 监督人承诺: a key generated in the browser; only its commitment is sent, and it is the one the spec defines.
    await page.getByRole('button', { name: '生成密钥' }).click();
    const secretInput = page.getByLabel('OBS-1 密钥');
    await eventually(() => secretInput.inputValue()).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    const secret = (await secretInput.inputValue()).replace(/ /g, '');
    const commitment = commitmentOf(frozen.manifestHash, 'OBS-1', fromHex(secret));

    // The key must be saved for the observer before the commitment is recorded: here as the key file.
    const record = page.getByRole('button', { name: '记录承诺值' });
    await eventually(() => page.getByText('记录承诺值之前，请先保存密钥').isVisible()).toBe(true);
    expect(await record.isDisabled()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载密钥文件' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${frozen.code}-OBS-1-监督人密钥.txt`);
    const keyFile = fs.readFileSync(await download.path(), 'utf8');
    for (const line of [
      `抽取编号：${frozen.code}`,
      `密钥：${secret.replace(/(.{4})(?=.)/g, '$1 ')}`,
      `承诺值：${commitment}`,
      '没有这个密钥，监督人就无法揭示，本次抽取只能作废',
    ])
      expect(keyFile).toContain(line);
    await eventually(() => page.getByText('已下载').isVisible()).toBe(true);
    await eventually(() => record.isEnabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'draw-key-saved.png'), fullPage: true });

    const committed = await responseTo(
      page,
      'POST',
      /\/observers\/OBS-1\/commitment$/,
      () => page.getByRole('button', { name: '记录承诺值' }).click(),
      200,
    );
    const sent = committed.request().postDataJSON() as { commitment: string };
    expect(sent).toEqual({ commitment });
    expect(JSON.stringify(sent)).not.toContain(secret);

    // 打印记录单: the sheet alone in print media, the secret in large type.
    await page.getByRole('button', { name: '打印记录单' }).click();
    const sheetDialog = page.getByRole('dialog', { name: /^记录单：OBS-1/ });
    await eventually(() => sheetDialog.getByText(secret.replace(/(.{4})(?=.)/g, '$1 ')).isVisible()).toBe(true);
    // The key as a QR code too, drawn in the browser, for a scanner to type it back at the reveal.
    await eventually(() => sheetDialog.getByRole('img', { name: '密钥二维码' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    await eventually(() => page.locator('.record-sheet-print').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'draw-record-sheet.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    // Headless Chromium has no print dialog to wait for.
    await page.evaluate('window.print = () => undefined');
    await sheetDialog.getByRole('button', { name: /打\s*印/ }).click();
    await page.keyboard.press('Escape');
    await eventually(() => sheetDialog.isVisible()).toBe(false);
    await eventually(() => page.getByText('已打印').isVisible()).toBe(true);

    // 揭示: a wrong secret does not open the commitment (checked here before sending); the right one does.
    const revealInput = page.getByLabel('OBS-1 揭示密钥');
    await revealInput.fill('ff'.repeat(16));
    await eventually(() => page.getByText('打不开承诺值，请核对记录单').isVisible()).toBe(true);
    await revealInput.fill(secret.replace(/(.{8})(?=.)/g, '$1 ').toUpperCase());
    await eventually(() => page.getByText('能打开承诺值').isVisible()).toBe(true);
    await responseTo(
      page,
      'POST',
      /\/observers\/OBS-1\/reveal$/,
      () => page.getByRole('button', { name: buttonName('揭示') }).click(),
      200,
    );

    // 外部随机数, first entry (admin 1).
    const valueLabel = `福彩3D 第 ${ISSUE} 期 开奖号码`;
    await page.getByLabel(valueLabel).fill('5 0 8');
    await responseTo(page, 'POST', /\/external$/, () => page.getByRole('button', { name: buttonName('录入') }).click(), 200);
    await eventually(() => page.getByText('已由您录入').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'draw-steps.png'), fullPage: true, style: HIDE_TOASTS });

    // Second entry by another account (支队 admin), mistyped: kept but not confirmed, and the message does not
    // show the first entry; the card asks for a correction, and the right value confirms.
    const second = await newPage(e2e);
    await logIn(second, 'zhidui');
    await second.goto(`/admin/draws/${frozen.id}`);
    await second.getByLabel(valueLabel).fill('5 0 9');
    await responseTo(second, 'POST', /\/external$/, () => second.getByRole('button', { name: buttonName('录入') }).click(), 409);
    await eventually(() => second.getByText(/与另一名工作人员的录入不一致/).isVisible()).toBe(true);
    expect(await second.getByText(/与另一名工作人员的录入不一致/).innerText()).not.toContain('5 0 8');
    await eventually(() => second.getByText('录入不一致 · 待更正').isVisible()).toBe(true);
    await second.screenshot({ path: path.join(SCREENSHOT_DIR, 'draw-external-disagreement.png'), fullPage: true });
    await second.getByLabel(valueLabel).fill(' 5\u30000  8 ');
    await responseTo(second, 'POST', /\/external$/, () => second.getByRole('button', { name: buttonName('录入') }).click(), 200);
    await eventually(() => second.getByText('1/1 已确认').isVisible()).toBe(true);
    await eventually(() => second.getByText(`福彩3D 第 ${ISSUE} 期：5 0 8`).isVisible()).toBe(true);
    expect(dialogsOf(second)).toEqual([]);
    await second.context().close();

    // 执行 (admin 1), after a confirmation; the tasks appear.
    await page.reload();
    await page.getByRole('button', { name: '执行抽取' }).click();
    const executeDialog = await openDialog(page);
    const executed = (await (
      await responseTo(
        page,
        'POST',
        /\/execute$/,
        () => executeDialog.getByRole('button', { name: '执行抽取' }).click(),
        200,
      )
    ).json()) as DrawView;
    const total = executed.strata.reduce((sum, s) => sum + s.quota, 0);
    expect(executed.tasks).toHaveLength(total);
    await eventually(() => page.getByText(`抽查任务（${total}）`).isVisible()).toBe(true);
    await eventually(() => page.getByLabel('结果哈希').textContent()).toBe(executed.resultHash);
    expect(await page.locator('main img, .ant-layout-content img').count()).toBe(0);
    expect(dialogsOf(page)).toEqual([]);
    await page.context().close();

    // The portal, without logging in: the published bundle verifies in the browser, every check ✓.
    const visitor = await newPage(e2e);
    await visitor.goto('/portal/draws');
    await visitor.getByRole('link', { name: frozen.code }).click();
    await visitor.waitForURL(new RegExp(`/portal/draws/${frozen.code}$`));
    // The manifest and result are hashed on a second thread (a worker of the page's own, under the site's CSP).
    const workers: string[] = [];
    visitor.on('worker', (worker) => workers.push(worker.url()));
    await responseTo(visitor, 'GET', /\/bundle$/, () => visitor.getByRole('button', { name: '在浏览器中验证' }).click(), 200);
    await eventually(() => visitor.getByText('验证通过（公开结果包）').isVisible()).toBe(true);
    expect(workers.some((url) => /\/assets\/bundle-hash-worker-[\w-]+\.js$/.test(url)), workers.join(', ')).toBe(true);
    const checks = visitor.locator('[data-check]');
    expect(await checks.count()).toBeGreaterThanOrEqual(8);
    expect(await visitor.getByLabel('未通过').count()).toBe(0);
    expect(await visitor.getByLabel('通过', { exact: true }).count()).toBe(await checks.count());
    // Each check says in plain words what was checked; the technical names and values wait under 「技术细节」.
    const manifestCheck = visitor.locator('[data-check="manifest-hash"]');
    expect(await manifestCheck.getByText('抽取清单没有被改动').isVisible()).toBe(true);
    expect(await manifestCheck.getByText(frozen.manifestHash, { exact: false }).isVisible()).toBe(false);
    await manifestCheck.getByText('技术细节').click();
    await eventually(() => manifestCheck.getByText(`本页公布 ${frozen.manifestHash}`, { exact: false }).isVisible()).toBe(true);
    expect(await visitor.getByRole('link', { name: '公开的抽取算法' }).getAttribute('href')).toBe('/portal/algorithm');
    await visitor.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-draw-verified.png'), fullPage: true });

    // A tampered bundle (another unit in place of a selected one) fails in the same verifier: 上传结果包验证.
    const bundle = (await call(e2e.app, null, 'GET', `/api/public/draws/${frozen.code}/bundle`)).json<DrawBundle>();
    const tampered = structuredClone(bundle) as DrawBundle & { result: { strata: { selected: string[] }[] } };
    const stratum = tampered.result.strata.find((s) => s.selected.length > 0)!;
    stratum.selected[0] = bundle.manifest.candidates.find((c) => !stratum.selected.includes(c[0]))![0];
    const file = path.resolve('.test-data', `${frozen.code}.tampered.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(tampered));
    await visitor.locator('#bundle-file').setInputFiles(file);
    const failed = visitor.getByText(`验证未通过（文件 ${path.basename(file)}）`);
    await eventually(() => failed.isVisible()).toBe(true);
    await eventually(() => visitor.locator('[data-check="result"]').getByLabel('未通过').count()).toBe(1);
    await eventually(() => visitor.getByText('重新抽取的结果与公布的不同').isVisible()).toBe(true);
    // The file's result shows right under the drop area, and the area shows only our text (no native file control).
    const dropArea = visitor.getByRole('button', { name: '拖放文件到此处上传' });
    const [areaBox, failedBox] = [await dropArea.boundingBox(), await failed.boundingBox()];
    expect(failedBox!.y).toBeGreaterThan(areaBox!.y + areaBox!.height);
    expect(failedBox!.y - (areaBox!.y + areaBox!.height)).toBeLessThan(60);
    expect((await visitor.locator('#bundle-file').boundingBox())!.width).toBeLessThanOrEqual(1);

    // 查询本单位: the first task's unit finds itself with its rank.
    const first = executed.tasks[0]!;
    await visitor.getByLabel('查询本单位').fill(first.unitName);
    await responseTo(visitor, 'GET', /\/units$/, () => visitor.getByLabel('查询本单位').press('Enter'), 200);
    await eventually(() =>
      visitor
        .getByRole('row')
        .filter({ hasText: first.unitName })
        .getByText(/第 \d+ 名 \/ 共 \d+ 家/)
        .isVisible(),
    ).toBe(true);
    expect(await visitor.content()).not.toContain('王监督');
    expect(dialogsOf(visitor)).toEqual([]);
    await visitor.context().close();
  });
});

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, SCREENSHOT_DIR, dialogsOf, logIn, newPage, pickOption, startE2E, type E2E } from './harness.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => e2e?.close());

describe('public portal', () => {
  it('opens at / without logging in and lists the organisations in Chinese', async () => {
    const page = await newPage(e2e);
    await page.goto('/');
    await expect.poll(() => page.getByText('金华市消防救援支队').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('婺城区消防救援大队').isVisible()).toBe(true);
    expect(await page.getByText(/审计链：共 \d+ 条/).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-home.png'), fullPage: true });
    await page.context().close();
  });
});

describe('admin shell', () => {
  it('shows the demo brigade admin the admin layout in Chinese with org, role and only real menu entries', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'wucheng');
    await expect.poll(() => page.getByText('您好，').isVisible()).toBe(true);
    const header = page.locator('header');
    expect(await header.getByText('婺城区消防救援大队').isVisible()).toBe(true);
    expect(await header.getByText('大队管理员').isVisible()).toBe(true);
    const menu = page.getByRole('navigation', { name: '后台菜单' });
    for (const entry of ['工作台', '名录库', '抽查计划', '随机抽取', '账号管理', '机构管理', '审计日志']) {
      expect(await menu.getByText(entry, { exact: true }).isVisible()).toBe(true);
    }
    // Modules not built yet have no menu entry (检查执行 and 统计报表 come with later issues).
    expect(await menu.getByText('统计报表').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-layout.png') });
    await page.context().close();
  });

  it('sends a visitor without a session from /admin to the login page', async () => {
    const page = await newPage(e2e);
    await page.goto('/admin/accounts');
    await page.waitForURL(/\/login/);
    expect(page.url()).toContain('next=');
    await page.context().close();
  });

  it('lets an admin create an inspector account whose owner must change the password at first login', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'wucheng');
    await page.getByRole('navigation', { name: '后台菜单' }).getByText('账号管理').click();
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('liming');
    await dialog.getByLabel('姓名').fill('黎明');
    await pickOption(page, dialog, '角色', '监督员');
    await pickOption(page, dialog, '所属机构', '婺城区消防救援大队');
    await dialog.getByLabel('初始密码').fill('Start2026ab');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'liming', exact: true }).isVisible()).toBe(true);

    await page.locator('header').getByRole('button', { name: /朱|王|李|张|刘|陈|杨|黄|赵|吴|周/ }).click();
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/login/);

    await logIn(page, 'liming', 'Start2026ab');
    await page.waitForURL(/\/admin\/password/);
    await page.getByLabel('当前密码').fill('Start2026ab');
    await page.getByLabel('新密码', { exact: true }).fill('Xiaofang2026new');
    await page.getByLabel('确认新密码').fill('Xiaofang2026new');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL((url) => url.pathname === '/admin');
    await expect.poll(() => page.getByText('您好，黎明').isVisible()).toBe(true);
    await page.context().close();
  });

  it('notices a dialog when a script does raise one (the detector the XSS checks rely on)', async () => {
    const page = await newPage(e2e);
    await page.goto('/');
    await page.evaluate(() => (globalThis as unknown as { alert(message: string): void }).alert('x'));
    expect(dialogsOf(page)).toEqual(['x']);
    await page.context().close();
  });

  it('shows a hostile account name as plain text and runs no script', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'wucheng');
    const hostile = '<img src=x onerror=alert(1)>';
    const created = await page.evaluate(async (name) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const options = (await (await fetch('/api/accounts/options')).json()) as { orgs: { id: string }[] };
      const org = options.orgs[0]!.id;
      const res = await fetch('/api/accounts', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ username: 'hostile1', displayName: name, role: 'inspector', orgId: org, password: 'Hostile2026x' }),
      });
      return res.status;
    }, hostile);
    expect(created).toBe(201);
    await page.goto('/admin/accounts');
    await expect.poll(() => page.getByRole('cell', { name: hostile }).isVisible()).toBe(true);
    expect(await page.locator('table img').count()).toBe(0);
    expect(dialogsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('gives 纪检 a read-only view: no create button, the audit log, and a chain that verifies', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'jijian');
    await expect.poll(() => page.locator('header').getByText('只读').isVisible()).toBe(true);
    await page.goto('/admin/accounts');
    await expect.poll(() => page.getByRole('cell', { name: 'wucheng', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '新建账号' }).count()).toBe(0);
    await page.goto('/admin/audit');
    await expect.poll(() => page.getByRole('cell', { name: '新建账号' }).first().isVisible()).toBe(true);
    await page.getByRole('button', { name: '校验审计链' }).click();
    await expect.poll(() => page.getByText(/共校验 \d+ 条，链完整/).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'audit-verify.png') });
    await page.context().close();
  });

  it('keeps the demo password out of the page source', async () => {
    const page = await newPage(e2e);
    await page.goto('/login');
    expect(await page.content()).not.toContain(DEMO_PASSWORD);
    await page.context().close();
  });
});

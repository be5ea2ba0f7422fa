import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, dialogsOf, logIn, newPage, startE2E, type E2E } from './harness.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ unitCount: 100 });
});
afterAll(async () => e2e?.close());

const HOSTILE = '<img src=x onerror=alert(1)>';
/** Page loads fetch a lazy route chunk and its data: give polls more than the default second. */
const WAIT = { timeout: 15_000 };

describe('check item list journey', () => {
  it('lets the system admin edit XF-01 into version 2 and publish it; the anonymous portal shows version 2 with version 1 in its history', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'admin');
    await page.goto('/admin/check-items');
    await expect
      .poll(() => page.getByRole('link', { name: '单位履行消防安全职责情况的日常监督抽查' }).isVisible(), WAIT)
      .toBe(true);
    expect(await page.getByRole('link', { name: '注册消防工程师执业活动的监督抽查' }).isVisible()).toBe(true);

    await page.getByRole('link', { name: '单位履行消防安全职责情况的日常监督抽查' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /XF-01/ }).isVisible(), WAIT).toBe(true);
    await page.getByRole('button', { name: /修改（形成第 2 版草稿）/ }).click();
    const dialog = page.getByRole('dialog', { name: /编辑 XF-01 第 2 版草稿/ });
    await expect.poll(() => dialog.isVisible(), WAIT).toBe(true);

    // Saving without a change note is refused by the same rule the server applies.
    await dialog.getByRole('button', { name: /保存草稿/ }).click();
    await expect.poll(() => dialog.getByText('修改说明：修改已发布的抽查事项时必须说明修改内容').isVisible(), WAIT).toBe(true);

    await dialog.getByRole('button', { name: '添加检查内容' }).click();
    await dialog.getByLabel('第 16 行编号').fill('10-11');
    await dialog.getByLabel('第 16 行检查内容').fill('消防控制室值班人员是否持证上岗，每班是否不少于2人');
    await dialog.getByLabel('第 16 行依据').fill(HOSTILE);
    await dialog.getByLabel('修改说明').fill('增加消防控制室值班检查内容');
    await dialog.getByLabel('第 16 行编号').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'check-item-editor.png') });
    await dialog.getByRole('button', { name: /保存草稿/ }).click();
    await expect.poll(() => page.getByText('第 2 版草稿尚未发布，门户网站显示的是第 1 版。').isVisible(), WAIT).toBe(true);

    await page.goto('/admin/check-items');
    await expect.poll(() => page.getByText('第 2 版草稿').isVisible(), WAIT).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'check-items.png'), fullPage: true });
    await page.getByRole('link', { name: '单位履行消防安全职责情况的日常监督抽查' }).click();
    await page.getByRole('button', { name: /发布第 2 版/ }).click();
    await page.getByRole('button', { name: /确认发布/ }).click();
    await expect.poll(() => page.getByRole('button', { name: /修改（形成第 3 版草稿）/ }).isVisible(), WAIT).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: HOSTILE }).first().isVisible(), WAIT).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByRole('cell', { name: HOSTILE }).first().isVisible(), WAIT).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'check-item-detail.png'), fullPage: true });
    expect(dialogsOf(page)).toEqual([]);
    await page.context().close();

    const visitor = await newPage(e2e);
    await visitor.goto('/');
    await visitor.getByRole('navigation', { name: '门户导航' }).getByRole('link', { name: '抽查事项' }).click();
    await expect
      .poll(() => visitor.getByRole('link', { name: '单位履行消防安全职责情况的日常监督抽查' }).isVisible(), WAIT)
      .toBe(true);
    await visitor.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-items.png'), fullPage: true });

    await visitor.goto('/portal/items/XF-01');
    await expect.poll(() => visitor.getByText('现行第 2 版').isVisible(), WAIT).toBe(true);
    expect(await visitor.getByText('消防控制室值班人员是否持证上岗，每班是否不少于2人').first().isVisible()).toBe(true);
    expect(await visitor.getByRole('button', { name: /第 1 版（发布于/ }).isVisible()).toBe(true);
    expect(await visitor.getByText('增加消防控制室值班检查内容').first().isVisible()).toBe(true);
    expect(await visitor.getByRole('cell', { name: HOSTILE }).first().isVisible()).toBe(true);
    expect(await visitor.locator('main img').count()).toBe(0);
    await visitor.screenshot({ path: path.join(SCREENSHOT_DIR, 'portal-item.png'), fullPage: true });

    await visitor.getByRole('button', { name: /第 1 版（发布于/ }).click();
    await expect.poll(() => visitor.getByText('检查表（共 15 项）').isVisible(), WAIT).toBe(true);
    expect(dialogsOf(visitor)).toEqual([]);
    await visitor.context().close();
  });

  it('shows a brigade admin the list without edit buttons', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'wucheng');
    await page.goto('/admin/check-items/c0000000-0000-4000-8000-000000000002');
    await expect.poll(() => page.getByRole('heading', { name: /XF-02/ }).isVisible(), WAIT).toBe(true);
    expect(await page.getByRole('button', { name: /修改|发布|废止/ }).count()).toBe(0);
    await page.goto('/admin/check-items');
    await expect.poll(() => page.getByRole('link', { name: '使用领域消防产品质量监督抽查' }).isVisible(), WAIT).toBe(true);
    expect(await page.getByRole('button', { name: /新建抽查事项/ }).count()).toBe(0);
    await page.context().close();
  });
});

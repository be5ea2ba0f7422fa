import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeOrgCodeCheckChar, computeUsccCheckChar } from '../../src/domain/uscc.ts';
import { SCREENSHOT_DIR, buttonName, dialogsOf, logIn, newPage, pickOption, responseTo, startE2E, type E2E } from './harness.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ unitCount: 600 });
});
afterAll(async () => e2e?.close());

/** A valid credit code with a recognisable body. */
function code(n: number): string {
  const body = `E2E${String(n).padStart(5, '0')}`;
  const first17 = `91330702${body}${computeOrgCodeCheckChar(body)}`;
  return first17 + computeUsccCheckChar(first17);
}

async function writeImportFile(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('单位');
  sheet.addRow(['单位名称', '统一社会信用代码', '实际经营地址', '联系人', '联系电话', '单位类别']);
  sheet.addRow(['金华市婺城区导入测试餐馆', code(1), '浙江省金华市婺城区八一南街1号', '王一', '13800000001', '一般单位']);
  sheet.addRow(['金华市婺城区导入测试宾馆', code(2), '浙江省金华市婺城区八一南街2号', '王二', '13800000002', '重点单位']);
  sheet.addRow(['<img src=x onerror=alert(1)>', code(3), '浙江省金华市婺城区八一南街3号', '王三', '13800000003', '一般单位']);
  sheet.addRow(['坏代码单位', '91350203M0001QAY9B', '浙江省金华市婺城区八一南街4号', '王四', '13800000004', '一般单位']);
  await workbook.xlsx.writeFile(file);
}

describe('registry journey', () => {
  it('imports a file, reads the preview, commits, filters the list, exports and opens a detail', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'wucheng');

    const file = path.join(os.tmpdir(), `import-e2e-${process.pid}.xlsx`);
    await writeImportFile(file);
    await page.goto('/admin/imports?tab=units');
    await page.getByLabel('选择文件').setInputFiles(file);
    await page.getByRole('button', { name: '上传并预览' }).click();
    await expect.poll(() => page.getByText('坏代码单位').first().isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByText(/校验位错误/).first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'import-preview.png'), fullPage: true });

    await page.getByRole('radio', { name: /跳过错误行/ }).check();
    await page.getByRole('button', { name: '确认导入', exact: true }).click();
    await expect.poll(() => page.getByText(/已导入 3 条/).isVisible(), { timeout: 20_000 }).toBe(true);

    await page.goto(`/admin/units?q=${encodeURIComponent('导入测试')}`);
    await expect.poll(() => page.getByRole('link', { name: '金华市婺城区导入测试宾馆' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '金华市婺城区导入测试餐馆' }).isVisible()).toBe(true);

    await page.goto(`/admin/units?q=${encodeURIComponent('八一南街3号')}`);
    await expect.poll(() => page.getByRole('link', { name: '<img src=x onerror=alert(1)>' }).isVisible()).toBe(true);
    expect(await page.locator('table img').count()).toBe(0);

    await page.goto(`/admin/units?q=${encodeURIComponent('导入测试')}`);
    await expect.poll(() => page.getByRole('link', { name: '金华市婺城区导入测试宾馆' }).isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出/ }).click()]);
    const exported = path.join(os.tmpdir(), `export-e2e-${process.pid}.xlsx`);
    await download.saveAs(exported);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(exported);
    const names: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => names.push(String(row.values && (row.values as unknown[]).join('|'))));
    expect(names.join('\n')).toContain('金华市婺城区导入测试宾馆');
    expect(names.join('\n')).not.toContain('坏代码单位');

    await page.getByRole('link', { name: '金华市婺城区导入测试宾馆' }).click();
    await expect.poll(() => page.getByText('可被抽取').first().isVisible()).toBe(true);
    expect(await page.getByText(code(2)).first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'unit-detail.png'), fullPage: true });
    expect(dialogsOf(page)).toEqual([]);
    fs.rmSync(file, { force: true });
    fs.rmSync(exported, { force: true });
    await page.context().close();
  });

  it('edits a unit, changes its status and flags it, each dialog refreshing the page it came from', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'wucheng');
    await page.goto(`/admin/units?q=${encodeURIComponent('导入测试宾馆')}`);
    await page.getByRole('link', { name: '金华市婺城区导入测试宾馆' }).click();
    await expect.poll(() => page.getByRole('button', { name: '变更状态' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: /编\s*辑/ }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('单位名称').fill('金华市婺城区导入测试宾馆（更名）');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: '金华市婺城区导入测试宾馆（更名）' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: '变更状态' }).click();
    const status = page.getByRole('dialog');
    await pickOption(page, status, '新状态', '停业');
    await status.getByLabel('变更原因').fill('现场核实已停业装修');
    await status.getByRole('button', { name: '确认变更' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // The page shows the new status at once (the detail and the history both name the reason).
    await expect.poll(() => page.getByText('现场核实已停业装修').first().isVisible()).toBe(true);

    await page.getByRole('button', { name: '标记待核实' }).click();
    const flag = page.getByRole('dialog');
    await flag.getByLabel('标记原因').fill('地址与营业执照不一致');
    await flag.getByRole('button', { name: '标记待核实' }).click();
    await expect.poll(() => page.getByRole('button', { name: '取消标记' }).isVisible()).toBe(true);
    expect(dialogsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('keeps a list in the address bar: a bad link falls back, a search and a page are history, 列设置 stays', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'wucheng');

    // A hand-edited link: refused values fall back to their defaults, the rest of the address still applies.
    await page.goto('/admin/units?page=abc&pageSize=9999&category=bogus&sort=password&status=active');
    await expect.poll(() => page.getByText(/^共 [\d,]+ 家单位$/).isVisible()).toBe(true);
    expect(await page.locator('.ant-pagination-item-active').innerText()).toBe('1');

    // Enter searches; the keyword goes to the address bar. (Rows are clicked only once loaded: antd's spinner
    // takes the clicks of a table that is loading.)
    const loaded = () => expect.poll(() => page.locator('.ant-table-wrapper .ant-spin-spinning').count()).toBe(0);
    await page.goto('/admin/units');
    await loaded();
    await page.getByLabel('关键字').fill('婺城区');
    await responseTo(page, 'GET', /^\/api\/units$/, () => page.getByLabel('关键字').press('Enter'));
    expect(new URL(page.url()).searchParams.get('q')).toBe('婺城区');
    await loaded();
    expect(await page.locator('.ant-pagination-item-active').innerText()).toBe('1');

    // Page 2, then back: page 1 of the same search; forward: page 2 again; a reload keeps it.
    await responseTo(page, 'GET', /^\/api\/units$/, () => page.locator('.ant-pagination-item-2').click());
    await page.waitForURL((url) => url.searchParams.get('page') === '2' && url.searchParams.get('q') === '婺城区');
    await loaded();
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('page') && url.searchParams.get('q') === '婺城区');
    await expect.poll(() => page.locator('.ant-pagination-item-active').innerText()).toBe('1');
    expect(await page.getByLabel('关键字').inputValue()).toBe('婺城区');
    await page.goForward();
    await expect.poll(() => page.locator('.ant-pagination-item-active').innerText()).toBe('2');
    await page.reload();
    await expect.poll(() => page.locator('.ant-pagination-item-active').innerText()).toBe('2');
    expect(await page.getByLabel('关键字').inputValue()).toBe('婺城区');
    await loaded();

    // 清空 clears the filters and the page.
    await page.getByRole('button', { name: buttonName('清空') }).click();
    await page.waitForURL((url) => !url.search);
    expect(await page.getByLabel('关键字').inputValue()).toBe('');

    // 列设置: a hidden column stays hidden after a reload (this browser remembers it for this list). The list the
    // clearing asked for has loaded and the popover has opened before the box is clicked (on a loaded machine a click
    // during the popover's opening animation did not reach the box).
    await loaded();
    expect(await page.getByRole('columnheader', { name: '联系人' }).count()).toBe(1);
    await page.getByRole('button', { name: '列设置' }).click();
    const contactBox = page.getByRole('checkbox', { name: '联系人' });
    await expect.poll(() => contactBox.isVisible()).toBe(true);
    await expect.poll(() => contactBox.isChecked()).toBe(true);
    await contactBox.uncheck({ trial: true });
    await contactBox.uncheck();
    await expect.poll(() => page.getByRole('columnheader', { name: '联系人' }).count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.getByText(/^共 [\d,]+ 家单位$/).isVisible()).toBe(true);
    expect(await page.getByRole('columnheader', { name: '联系人' }).count()).toBe(0);

    // Another list, another schema: a date that does not exist is dropped, the other end of the range stays.
    await page.goto('/admin/audit?from=2026-02-30&to=2099-12-31&page=0');
    await expect.poll(() => page.getByText(/^共 [\d,]+ 条$/).isVisible()).toBe(true);
    expect(dialogsOf(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the data-quality counts and opens the filtered list from them', async () => {
    const page = await newPage(e2e);
    await logIn(page, 'wucheng');
    await page.goto('/admin/units/quality');
    await expect.poll(() => page.getByText('超过一年未更新').first().isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'data-quality.png'), fullPage: true });
    await page.context().close();
  });
});

import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { repeatedDeflate, xlsxWith, sheetXml, inlineCell } from '../../test/harness/zip-files.ts';
import { DomainError } from '../domain/errors.ts';
import { parseImportFile } from '../usecases/imports/parse-import-file.ts';
import { ImportParsingPool, STOP_AFTER_BYTES } from './import-parsing-pool.ts';

const pool = new ImportParsingPool();
/** A worker allowed a 32 MB heap. */
const small = new ImportParsingPool(32);
afterAll(() => Promise.all([pool.close(), small.close()]));

async function registry(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('单位');
  sheet.addRow(['单位名称', '联系电话', '成立日期']);
  for (let i = 0; i < rows; i++)
    sheet.addRow([`第${i}号好运来超市`, 13800000000 + i, new Date(Date.UTC(2020, 0, 1 + (i % 365)))]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Whether `condition` holds within `ms` (checked every 50 ms). */
async function within(ms: number, condition: () => boolean): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

const tinyFile = () => xlsxWith({ content: sheetXml([[inlineCell('A1', '单位名称')], [inlineCell('A2', '甲')]]) });

describe('reading uploaded files on a worker thread', { timeout: 60_000 }, () => {
  it('starts its worker', async () => {
    expect(await pool.ready()).toBe(true);
  });

  it('gives the table this thread would read, rows handed over in slices and joined in order', async () => {
    const bytes = await registry(5_000);
    const here = await parseImportFile(bytes, '名录.xlsx');
    expect(await pool.parse(bytes, '名录.xlsx')).toEqual(here);
    const csv = new TextEncoder().encode(`单位名称,备注\n${Array.from({ length: 4_500 }, (_, i) => `甲${i},"a\nb"`).join('\n')}`);
    expect(await pool.parse(csv, '名录.csv')).toEqual(await parseImportFile(csv, '名录.csv'));
  });

  it('stops its worker after a large file once no other file is waiting, and starts one again for the next', async () => {
    const large = new TextEncoder().encode(`单位名称,备注\n${Array.from({ length: 20_000 }, (_, i) => `甲${i},${'乙'.repeat(20)}`).join('\n')}`);
    expect(large.byteLength).toBeGreaterThanOrEqual(STOP_AFTER_BYTES);
    await pool.parse(tinyFile(), 'a.xlsx');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pool.hasWorker).toBe(true);
    const first = pool.parse(large, 'large.csv');
    const second = pool.parse(tinyFile(), 'b.xlsx');
    expect((await first).rows).toHaveLength(20_000);
    expect(pool.hasWorker).toBe(true);
    await second;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pool.hasWorker).toBe(false);
    expect((await pool.parse(tinyFile(), 'c.xlsx')).rows).toEqual([{ rowNumber: 2, cells: ['甲'] }]);
  });

  it('keeps a worker ready when asked: at once, and again a while after stopping one after a large file', async () => {
    const ready = new ImportParsingPool();
    try {
      expect(await ready.keepReady(300)).toBe(true);
      expect(ready.hasWorker).toBe(true);
      const large = new TextEncoder().encode(`单位名称\n${Array.from({ length: 60_000 }, (_, i) => `甲${i}${'乙'.repeat(10)}`).join('\n')}`);
      expect(large.byteLength).toBeGreaterThanOrEqual(STOP_AFTER_BYTES);
      expect((await ready.parse(large, 'large.csv')).rows).toHaveLength(60_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(ready.hasWorker).toBe(false);
      expect(await within(10_000, () => ready.hasWorker)).toBe(true);
      // close() ends it: nothing is started again.
      await ready.parse(large, 'large.csv');
      await ready.close();
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(ready.hasWorker).toBe(false);
    } finally {
      await ready.close();
    }
  });

  it('leaves no worker running when closed while one is starting', async () => {
    const ready = new ImportParsingPool();
    void ready.keepReady(100);
    await ready.close();
    expect(ready.hasWorker).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ready.hasWorker).toBe(false);
  });

  it('passes on a refusal with its code and Chinese message', async () => {
    await expect(pool.parse(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'x.xls')).rejects.toThrow(
      new DomainError(
        'UNSUPPORTED_FILE',
        '文件格式不受支持：这是旧版 Excel (.xls) 文件，请在 Excel 中“另存为”.xlsx 或 CSV 后重新上传',
      ),
    );
  });

  it('refuses a file that needs more memory than the worker may use, and reads the next one with a new worker', async () => {
    // 300,000 shared strings of 100 characters: within every limit of the file, but ~60 MB once held.
    const strings = repeatedDeflate(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
      Array.from({ length: 100 }, (_, i) => `<si><t>${String(i).padStart(100, '单')}</t></si>`).join(''),
      300_000 * 314,
      '</sst>',
    );
    const heavy = xlsxWith(
      { content: sheetXml([[inlineCell('A1', '单位名称')], ['<c r="A2" t="s"><v>1</v></c>']]) },
      { deflated: strings },
    );
    const refused = small.parse(heavy, 'heavy.xlsx');
    const next = small.parse(tinyFile(), 'tiny.xlsx');
    await expect(refused).rejects.toThrow(
      new DomainError(
        'PAYLOAD_TOO_LARGE',
        '文件过于复杂：读取它需要超过 32 MB 内存，已停止读取并拒绝。请检查文件内容，或拆分后分批导入',
      ),
    );
    expect((await next).rows).toEqual([{ rowNumber: 2, cells: ['甲'] }]);
  });

  it('reads on this thread when the worker cannot start', async () => {
    const broken = new ImportParsingPool();
    broken.ready = () => Promise.resolve(false);
    expect((await broken.parse(tinyFile(), 'tiny.xlsx')).rows).toEqual([{ rowNumber: 2, cells: ['甲'] }]);
  });
});

import { describe, expect, it } from 'vitest';
import { importReportContent, type ImportReportInput } from './import-report.ts';

const base: ImportReportInput = {
  kind: 'units',
  fileName: '名录.xlsx',
  fileSha256: 'ab'.repeat(32),
  orgName: '婺城区大队',
  uploadedAt: new Date('2026-11-22T01:00:00Z'),
  status: 'refused',
  mode: 'refuse',
  totalRows: 1000,
  counts: { new: 999, changed: 0, unchanged: 0, invalid: 1, warnings: 3, duplicatesInFile: 0, probableDuplicates: 0 },
  result: { created: 0, updated: 0, unchanged: 0, skipped: 1, committedAt: new Date('2026-11-22T01:05:00Z') },
  problems: [
    {
      rowNumber: 501,
      key: '91330702MA00050001',
      name: '测试单位500号',
      problems: ['第 501 行「统一社会信用代码」：校验位错误', '第 501 行「联系电话」：x'],
    },
  ],
};

describe('importReportContent', () => {
  it('lists each row not imported with its number, name, key and problems', () => {
    const report = importReportContent(base);
    expect(report.problemHeaders).toEqual(['行号', '单位名称', '统一社会信用代码', '问题']);
    expect(report.problemRows).toEqual([
      [501, '测试单位500号', '91330702MA00050001', '「统一社会信用代码」：校验位错误\n「联系电话」：x'],
    ]);
  });

  it('says in the summary what happened to the file', () => {
    const summary = new Map(importReportContent(base).summary);
    expect(summary.get('状态')).toBe('已整体拒绝（未写入任何数据）');
    expect(summary.get('未导入')).toBe(1000);
    expect(summary.get('上传时间')).toBe('2026-11-22 09:00');
    const skipped = new Map(
      importReportContent({ ...base, status: 'committed', mode: 'skip', result: { ...base.result!, created: 999 } }).summary,
    );
    expect(skipped.get('未导入')).toBe(1);
    expect(skipped.get('说明')).toBe('已跳过以下 1 行错误行，其余行已导入。请修正后单独导入这些行。');
    const inspectors = importReportContent({ ...base, kind: 'inspectors', status: 'previewed', result: null, mode: null });
    expect(inspectors.problemHeaders).toEqual(['行号', '姓名', '警号/工号', '问题']);
    expect(new Map(inspectors.summary).get('预计新增')).toBe(999);
  });
});

/**
 * The content of the downloadable import report (.xlsx): a summary sheet and one line per row that was
 * not imported, with why. Before the commit it lists the rows that would be left out; after a refusal the
 * invalid rows that caused it (the whole file was left out); after a commit that skipped rows, those rows.
 */
import { localDateTimeText } from '../local-date.ts';
import type { ImportCounts, ImportProblemRow } from './import-outcome.ts';

export type ImportReportInput = {
  kind: 'units' | 'inspectors' | 'credit_grades';
  fileName: string;
  fileSha256: string;
  orgName: string;
  uploadedAt: Date;
  status: 'previewed' | 'committed' | 'refused' | 'discarded';
  mode: 'refuse' | 'skip' | null;
  totalRows: number;
  counts: ImportCounts;
  result: { created: number; updated: number; unchanged: number; skipped: number; committedAt: Date } | null;
  problems: readonly ImportProblemRow[];
};

export type ImportReportContent = {
  summarySheet: string;
  summary: [string, string | number][];
  problemSheet: string;
  problemHeaders: string[];
  problemRows: [number, string, string, string][];
};

const STATUS_TEXT: Record<ImportReportInput['status'], string> = {
  previewed: '预览中（尚未提交）',
  committed: '已导入',
  refused: '已整体拒绝（未写入任何数据）',
  discarded: '已放弃',
};

function explanation(input: ImportReportInput): string {
  const n = input.problems.length;
  switch (input.status) {
    case 'previewed':
      return n === 0
        ? '所有行均可导入。'
        : `以下 ${n} 行有错误：选择“跳过错误行”时不会导入，选择“整体拒绝”时整个文件都不会导入。`;
    case 'refused':
      return `按“整体拒绝”方式提交时文件中有 ${n} 行错误，整个文件未导入。请修正以下各行后重新上传。`;
    case 'committed':
      return n === 0 ? '所有行均已导入，没有跳过的行。' : `已跳过以下 ${n} 行错误行，其余行已导入。请修正后单独导入这些行。`;
    case 'discarded':
      return '该批次已放弃，未导入任何数据。';
  }
}

/** "第 12 行「统一社会信用代码」：…" → "「统一社会信用代码」：…": the row number has its own column. */
const withoutRowPrefix = (message: string) => message.replace(/^第 \d+ 行/, '');

export function importReportContent(input: ImportReportInput): ImportReportContent {
  const units = input.kind === 'units' || input.kind === 'credit_grades';
  const summary: [string, string | number][] = [
    ['名录', input.kind === 'credit_grades' ? '检查对象信用等级' : units ? '检查对象名录库（单位）' : '执法检查人员名录库'],
    ['导入到', input.orgName],
    ['文件名', input.fileName],
    ['文件 SHA-256', input.fileSha256],
    ['上传时间', localDateTimeText(input.uploadedAt)],
    ['状态', STATUS_TEXT[input.status]],
    ['导入方式', input.mode === 'refuse' ? '有错误时整体拒绝' : input.mode === 'skip' ? '跳过错误行' : '—'],
    ['数据行数', input.totalRows],
    ['有错误的行', input.counts.invalid],
    ['其中：文件内重复', input.counts.duplicatesInFile],
    ['有警告的行', input.counts.warnings],
    ['疑似重复', input.counts.probableDuplicates],
  ];
  if (input.result) {
    summary.push(
      ['提交时间', localDateTimeText(input.result.committedAt)],
      ['新增', input.result.created],
      ['更新', input.result.updated],
      ['未变化', input.result.unchanged],
      ['未导入', input.status === 'refused' ? input.totalRows : input.result.skipped],
    );
  } else {
    summary.push(['预计新增', input.counts.new], ['预计更新', input.counts.changed], ['未变化', input.counts.unchanged]);
  }
  summary.push(['说明', explanation(input)]);
  return {
    summarySheet: '汇总',
    summary,
    problemSheet: '未导入的行',
    problemHeaders: ['行号', units ? '单位名称' : '姓名', units ? '统一社会信用代码' : '警号/工号', '问题'],
    problemRows: input.problems.map((p) => [p.rowNumber, p.name ?? '', p.key ?? '', p.problems.map(withoutRowPrefix).join('\n')]),
  };
}

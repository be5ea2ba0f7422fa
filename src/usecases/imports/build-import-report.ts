import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { importReportContent } from '../../domain/import/import-report.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { loadImportBatch } from './load-import-batch.ts';
import { rowsSummaryOf } from '../../domain/import/import-summary.ts';

export type ImportReport = { fileName: string; bytes: Buffer };

/**
 * The .xlsx report of a units or inspectors batch: a summary sheet and every row that was not imported
 * (or, before the commit, would not be) with why — 行号, 单位名称/姓名, 统一社会信用代码/警号, 问题. Written
 * with exceljs's streaming writer so a report of 100,000 rows does not hold a workbook model in memory.
 */
export async function buildImportReport(ctx: UseCaseContext, id: string): Promise<ImportReport> {
  const batch = await loadImportBatch(ctx, id, {
    permission: 'registry.read',
    kinds: ['units', 'inspectors', 'credit_grades'],
    withInvalidRows: true,
  });
  const summary = rowsSummaryOf(batch);
  const content = importReportContent({
    kind: batch.kind === 'units' || batch.kind === 'credit_grades' ? batch.kind : 'inspectors',
    fileName: batch.fileName,
    fileSha256: batch.fileSha256,
    orgName: batch.orgName,
    uploadedAt: batch.createdAt,
    status: batch.status,
    mode: batch.mode,
    totalRows: summary.totalRows,
    counts: summary.counts,
    result: summary.result ? { ...summary.result, committedAt: new Date(summary.result.committedAt) } : null,
    problems: summary.invalidRows,
  });

  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });

  const problems = workbook.addWorksheet(content.problemSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  problems.columns = [
    { header: content.problemHeaders[0], width: 8 },
    { header: content.problemHeaders[1], width: 36 },
    { header: content.problemHeaders[2], width: 22 },
    { header: content.problemHeaders[3], width: 90, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  problems.getRow(1).font = { bold: true };
  problems.getRow(1).commit();
  for (const row of content.problemRows) problems.addRow(row).commit();
  problems.commit();

  const sheet = workbook.addWorksheet(content.summarySheet);
  sheet.columns = [{ width: 18 }, { width: 90, style: { alignment: { wrapText: true } } }];
  for (const line of content.summary) sheet.addRow(line).commit();
  sheet.commit();

  await workbook.commit();
  await finished;
  const stem = batch.fileName.replace(/\.[^.]*$/, '');
  return { fileName: `导入报告_${stem}.xlsx`, bytes: Buffer.concat(chunks) };
}

import ExcelJS from 'exceljs';
import type { StatisticsListQuery, StatisticsQuery } from '../../contracts/statistics.ts';
import { COUNT_FIGURE_DEFINITIONS, COUNT_FIGURES, GROUP_KEY_LABELS, RATE_FIGURE_DEFINITIONS, RATE_FIGURES } from '../../domain/statistics/figures.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { getStatistics } from './get-statistics.ts';
import { listStatisticsRows } from './list-statistics-rows.ts';

export type StatisticsExport = { fileName: string; bytes: Buffer };

const HEADER_FONT = { bold: true } as const;
/** A rate as a number with a percentage format, so Excel can compute with it. */
const PERCENT = '0.0%';

/** The figures table as shown (one row a group, then 合计), as .xlsx with Chinese headers. */
export async function exportStatistics(ctx: UseCaseContext, query: StatisticsQuery): Promise<StatisticsExport> {
  const view = await getStatistics(ctx, query);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('统计分析', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = [
    { header: GROUP_KEY_LABELS[query.group].replace('按', ''), width: 18 },
    ...COUNT_FIGURES.map((f) => ({ header: `${COUNT_FIGURE_DEFINITIONS[f].name}（${COUNT_FIGURE_DEFINITIONS[f].unit}）`, width: 14 })),
    ...RATE_FIGURES.map((r) => ({ header: RATE_FIGURE_DEFINITIONS[r].name, width: 12, style: { numFmt: PERCENT } })),
  ];
  sheet.getRow(1).font = HEADER_FONT;
  for (const g of view.groups) sheet.addRow([g.label, ...COUNT_FIGURES.map((f) => g.counts[f] ?? '—'), ...RATE_FIGURES.map((r) => g.rates[r] ?? '—')]);
  const totalRow = sheet.addRow(['合计', ...COUNT_FIGURES.map((f) => view.total.counts[f]), ...RATE_FIGURES.map((r) => view.total.rates[r] ?? '—')]);
  totalRow.font = HEADER_FONT;
  sheet.addRow([]);
  sheet.addRow([`统计范围：${view.scopeName}；期间：${query.from} 至 ${query.to}；比率由合计数重新计算，不取平均。`]);
  return { fileName: `统计分析-${query.from}至${query.to}.xlsx`, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** A drill-down list as .xlsx with Chinese headers (at most the list's limit of rows; the total is written below). */
export async function exportStatisticsList(ctx: UseCaseContext, query: StatisticsListQuery): Promise<StatisticsExport> {
  const view = await listStatisticsRows(ctx, query, true);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  const withAmount = query.figure === 'penalties' || query.figure === 'penaltyAmount' || query.figure === 'planned';
  sheet.columns = [
    { header: '序号', width: 8 },
    { header: '大队', width: 16 },
    { header: '单位名称', width: 36 },
    { header: '日期', width: 12 },
    { header: '说明', width: 40 },
    ...(withAmount ? [{ header: query.figure === 'planned' ? '计划抽查数（家）' : '罚款金额（元）', width: 16 }] : []),
  ];
  sheet.getRow(1).font = HEADER_FONT;
  view.rows.forEach((r, i) => sheet.addRow([i + 1, r.orgName, r.unitName ?? '', r.day, r.detail, ...(withAmount ? [r.amount] : [])]));
  sheet.addRow([]);
  sheet.addRow([`${view.figureName}（${view.groupLabel}）共 ${view.total} 条${view.truncated ? `，本表列出前 ${view.rows.length} 条` : ''}`]);
  return { fileName: `${view.figureName}-${view.groupLabel}-${query.from}至${query.to}.xlsx`, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

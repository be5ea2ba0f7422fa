import ExcelJS from 'exceljs';
import { DomainError } from '../../domain/errors.ts';
import type { UseCaseContext } from '../lib/context.ts';
import { getCallbackRound } from './get-callback-round.ts';

const HEADER_FONT = { bold: true } as const;

/**
 * The quarterly callback report as .xlsx: sheet 「季度报告」 (per brigade, then 合计, then the bundle's hashes) and
 * sheet 「回访明细」 (every unit called with its record). Conduct reports appear as 「有」 only: their text stays on the
 * 纪检 page, so a forwarded file names nobody.
 */
export async function exportCallbackReport(ctx: UseCaseContext, id: string): Promise<{ fileName: string; bytes: Buffer }> {
  const round = await getCallbackRound(ctx, id);
  if (!round.report) throw new DomainError('CONFLICT', '回访抽取执行后才有季度报告');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('季度报告', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  sheet.columns = [
    { header: '大队', width: 22 },
    { header: '回访单位（家）', width: 14 },
    { header: '已回访（家）', width: 12 },
    { header: '联系上（家）', width: 12 },
    { header: '联系率', width: 10 },
    { header: '平均满意度', width: 12 },
    { header: '反映不当行为（件）', width: 18 },
    { header: '单位页投诉（件）', width: 16 },
    { header: '单位页评价（条）', width: 16 },
    { header: '单位页平均评分', width: 16 },
  ];
  sheet.getRow(1).font = HEADER_FONT;
  for (const r of [...round.report.rows, round.report.total]) {
    const row = sheet.addRow([r.brigadeName, r.drawn, r.recorded, r.reached, r.reachedRate, r.averageSatisfaction, r.conductReports, r.complaints, r.ratings, r.averageRating]);
    if (r === round.report.total) row.font = HEADER_FONT;
  }
  sheet.addRow([]);
  sheet.addRow([`${round.orgName} ${round.quarterLabel}纪检回访报告；抽取编号 ${round.code}（${round.statusLabel}）`]);
  sheet.addRow([`清单哈希 manifestHash：${round.report.manifestHash}`]);
  sheet.addRow([`随机种子 seed：${round.report.seed ?? '—'}`]);
  sheet.addRow([`结果哈希 resultHash：${round.report.resultHash ?? '—'}`]);
  sheet.addRow(['结果包可用 npm run cli -- draw-verify <结果包.json> 离线复核。']);
  const detail = workbook.addWorksheet('回访明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = [
    { header: '大队', width: 18 },
    { header: '单位名称', width: 34 },
    { header: '状态', width: 10 },
    { header: '回访人', width: 10 },
    { header: '记录人', width: 10 },
    { header: '是否联系上', width: 10 },
    { header: '联系次数', width: 10 },
    { header: '满意度', width: 8 },
    { header: '反映不当行为', width: 12 },
  ];
  detail.getRow(1).font = HEADER_FONT;
  for (const u of round.units) {
    const r = u.record;
    detail.addRow([u.brigadeName, u.unitName, u.statusLabel, u.caller, u.recorder, r ? (r.reached ? '是' : '否') : '—', r?.attempts ?? '—', r?.satisfaction ?? '—', r ? (r.conductReported ? '有' : '无') : '—']);
  }
  return { fileName: `纪检回访报告-${round.code}.xlsx`, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

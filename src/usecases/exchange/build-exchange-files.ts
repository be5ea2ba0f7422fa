import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { CREDIT_XLSX_HEADERS, creditItemRow, type CreditFeedItem } from '../../domain/exchange/credit-item.ts';
import { EXCHANGE_SCHEMA, EXCHANGE_XLSX_HEADERS, exchangeItemRow, type ExchangeItem } from '../../domain/exchange/exchange-item.ts';

export type ExchangeDocumentHead = {
  kind: 'publications' | 'credit';
  org: { name: string; divisionCode: string | null };
  period: { from: string; to: string };
  part: { index: number; count: number };
  generatedAt: string;
};

export type ExchangeFiles = { json: string; sha256: string; xlsx: Buffer };

const KIND_TITLES = { publications: '公示信息', credit: '信用推送' } as const;

/**
 * The JSON document (schema xf-exchange/1, docs/exchange.md) and the same rows as .xlsx. The JSON text is what is
 * stored and sent, so a download is the very bytes whose SHA-256 was recorded. The workbook's dates are the
 * document's generatedAt, so the .xlsx says when the batch was made, not when it was downloaded (it is stored too).
 */
export async function buildExchangeFiles(head: ExchangeDocumentHead, items: readonly ExchangeItem[] | readonly CreditFeedItem[]): Promise<ExchangeFiles> {
  const json = JSON.stringify({ schema: EXCHANGE_SCHEMA, ...head, itemCount: items.length, items }, null, 2);
  const sha256 = createHash('sha256').update(json, 'utf8').digest('hex');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '双随机消防监管系统';
  workbook.created = new Date(head.generatedAt);
  workbook.modified = new Date(head.generatedAt);
  const sheet = workbook.addWorksheet(KIND_TITLES[head.kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = head.kind === 'credit' ? CREDIT_XLSX_HEADERS : EXCHANGE_XLSX_HEADERS;
  sheet.columns = headers.map((h) => ({ header: h, width: h === '摘要' || h === '单位名称' ? 36 : 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const item of items) sheet.addRow(head.kind === 'credit' ? creditItemRow(item as CreditFeedItem) : exchangeItemRow(item as ExchangeItem));
  const about = workbook.addWorksheet('说明');
  about.columns = [{ width: 16 }, { width: 80 }];
  for (const line of [
    ['数据格式', EXCHANGE_SCHEMA],
    ['内容', KIND_TITLES[head.kind]],
    ['机构', head.org.name],
    ['期间', `${head.period.from} 至 ${head.period.to}`],
    ['分批', `第 ${head.part.index} 批，共 ${head.part.count} 批`],
    ['条目数', String(items.length)],
    ['生成时间', head.generatedAt],
    ['JSON 的 SHA-256', sha256],
  ])
    about.addRow(line);
  return { json, sha256, xlsx: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

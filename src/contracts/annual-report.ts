import { z } from 'zod';
import type { AnnualFigures, ComparedRow } from '../domain/reports/annual-figures.ts';
import { text, uuidParam } from './common.ts';

export type { AnnualFigures, ComparedRow };

/** The years a report can be asked for. */
export const REPORT_YEARS = { min: 2000, max: 2099 } as const;

export const reportYear = z.coerce
  .number({ error: '年份：必须是数字' })
  .int('年份：必须是整数')
  .min(REPORT_YEARS.min, `年份：应在 ${REPORT_YEARS.min}–${REPORT_YEARS.max} 之间`)
  .max(REPORT_YEARS.max, `年份：应在 ${REPORT_YEARS.min}–${REPORT_YEARS.max} 之间`);

/** GET /api/annual-report?orgId=&year= (no orgId: the actor's own brigade, or the first in scope). */
export const AnnualReportQuery = z.object({ orgId: uuidParam('大队').optional(), year: reportYear });
export type AnnualReportQuery = z.infer<typeof AnnualReportQuery>;

const ownText = (label: string) => text(label, { max: 5000, min: 0 }).optional();

/** The brigade's own words, one optional text per section. */
export const OwnWordsInput = z.object({
  opening: ownText('开头语'),
  work: ownText('工作开展情况'),
  problems: ownText('存在的问题'),
  nextSteps: ownText('下一步工作计划'),
});

/** POST /api/annual-report/docx */
export const AnnualReportDocxRequest = z.object({ orgId: uuidParam('大队'), year: reportYear, ownWords: OwnWordsInput.default({}) });
export type AnnualReportDocxRequest = z.infer<typeof AnnualReportDocxRequest>;

export type AnnualReportView = {
  orgId: string;
  orgName: string;
  addressee: string | null;
  year: number;
  title: string;
  current: AnnualFigures;
  previous: AnnualFigures;
  comparison: ComparedRow[];
  /** Brigades the actor may choose from (a 支队 or 总队 user picks one). */
  brigades: { id: string; name: string }[];
};

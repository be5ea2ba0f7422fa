import { z } from 'zod';
import { COUNT_FIGURES, GROUP_KEYS, type CountFigure, type GroupKey, type RateFigure } from '../domain/statistics/figures.ts';

/**
 * 统计分析 (issue 16):
 * - GET /api/statistics?from=YYYY-MM&to=YYYY-MM&group=month|district|industry|category|brigade — the figures by group,
 *   their totals, and the early warning;
 * - GET /api/statistics/list?…&figure=&key= — the rows behind one figure of one group (no key: the whole scope);
 * - GET /api/statistics/export.xlsx?… (and with figure: the list) — the same as an .xlsx with Chinese headers;
 * - POST /api/statistics/warning-weight — a warning's suggested weight into next month's plan (plans.manage).
 */

const month = (label: string) => z.string({ error: `${label}：请填写年月` }).regex(/^20[0-9]{2}-(0[1-9]|1[0-2])$/, `${label}：格式应为“2026-11”`);

export const StatisticsQuery = z
  .object({
    from: month('起始月份'),
    to: month('截止月份'),
    group: z.enum(GROUP_KEYS, { error: '分组：只能是按月份、行政区划、行业、单位类别或大队' }).default('month'),
  })
  .refine((q) => q.from <= q.to, { message: '截止月份：不能早于起始月份', path: ['to'] })
  .refine((q) => Number(q.to.slice(0, 4)) * 12 + Number(q.to.slice(5)) - (Number(q.from.slice(0, 4)) * 12 + Number(q.from.slice(5))) < 36, {
    message: '截止月份：统计期间最长 36 个月',
    path: ['to'],
  });
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

export const StatisticsListQuery = z
  .object({
    from: month('起始月份'),
    to: month('截止月份'),
    group: z.enum(GROUP_KEYS, { error: '分组：只能是按月份、行政区划、行业、单位类别或大队' }).default('month'),
    figure: z.enum(COUNT_FIGURES, { error: '指标：不是可查看明细的统计指标' }),
    key: z.string().max(64, '分组值：过长').regex(/^[0-9A-Za-z_-]*$/, '分组值：格式不正确').optional(),
    /** The screen's page (50 rows each); the export ignores it. */
    page: z
      .string({ error: '页码：应为整数' })
      .regex(/^[1-9][0-9]{0,3}$/, '页码：应为 1–9999 的整数')
      .transform(Number)
      .optional(),
  })
  .refine((q) => q.from <= q.to, { message: '截止月份：不能早于起始月份', path: ['to'] });
export type StatisticsListQuery = z.infer<typeof StatisticsListQuery>;

export type StatisticsGroupView = {
  key: string;
  label: string;
  counts: Record<CountFigure, number | null>;
  rates: Record<RateFigure, number | null>;
};

export type StatisticsWarningView = {
  dimension: 'district' | 'industry';
  key: string;
  label: string;
  failures: number;
  inspections: number;
  rate: number;
  baselineFailures: number;
  baselineInspections: number;
  baselineRate: number;
  pValue: number;
  riskWeight: number;
};

export type StatisticsView = {
  from: string;
  to: string;
  group: GroupKey;
  scopeName: string;
  groups: StatisticsGroupView[];
  total: { counts: Record<CountFigure, number>; rates: Record<RateFigure, number | null> };
  /** The early warning: the period's last month against the twelve before it. */
  warning: { month: string; baseline: { from: string; to: string }; test: string; items: StatisticsWarningView[] };
  /**
   * What the hazards and the 无法检查 are made of over the scope and period: hazards by checklist line (the ten most
   * frequent, then 「其他」), 无法检查 by reason. Each adds up to its figure's total.
   */
  composition: { hazardsByLine: StatisticsShareView[]; unableByReason: StatisticsShareView[] };
};

export type StatisticsShareView = { key: string; label: string; count: number };

export type StatisticsListRowView = {
  id: string;
  orgName: string;
  unitId: string | null;
  unitName: string | null;
  day: string;
  amount: number;
  detail: string;
  /** Where the row opens in the admin: a task, a unit page, a case… */
  link: string | null;
};

/**
 * One page of a drill-down (`rows` from position (page − 1) × pageSize, oldest first); the export writes the first
 * `exportLimit` rows in one file, `truncated` when the list is longer.
 */
export type StatisticsListView = {
  figure: CountFigure;
  figureName: string;
  groupLabel: string;
  total: number;
  page: number;
  pageSize: number;
  rows: StatisticsListRowView[];
  exportLimit: number;
  truncated: boolean;
};

/** The figure definitions and labels the web shows (the only way the web reaches them: through the contract). */
export {
  COUNT_FIGURES,
  COUNT_FIGURE_DEFINITIONS,
  GROUP_KEYS,
  GROUP_KEY_LABELS,
  RATE_FIGURES,
  RATE_FIGURE_DEFINITIONS,
  formatRate,
  isFigureGroupable,
  type CountFigure,
  type GroupKey,
  type RateFigure,
} from '../domain/statistics/figures.ts';

/** 用作下月计划风险权重: a warning of the month `month`, put into the brigade's annual plan for the month after. */
export const ApplyWarningWeightRequest = z.object({
  month: month('预警月份'),
  dimension: z.enum(['district', 'industry'], { error: '预警分组：只能是行政区划或行业' }),
  key: z.string({ error: '分组值：应为文字' }).min(1, '分组值：不能为空').max(32, '分组值：过长').regex(/^[0-9A-Za-z_-]+$/, '分组值：格式不正确'),
});
export type ApplyWarningWeightRequest = z.infer<typeof ApplyWarningWeightRequest>;

export type ApplyWarningWeightResult = {
  annualPlanId: string;
  annualPlanName: string;
  revision: number;
  /** The month whose plan the weight applies to (YYYY-MM). */
  appliesTo: string;
  factor: number;
  reason: string;
};

/**
 * 统计分析 (issue 16), pure: the figures a dashboard shows, the keys it groups them by, and how figures sum across
 * levels (大队 → 支队 → 总队).
 *
 * A count figure is a number of rows (tasks, records, hazards, documents, cases, sealings) or a sum of amounts; counts
 * add up: a 支队's figure is the sum of its brigades'. A rate is never averaged: it is re-computed from the summed
 * numerator and denominator (a brigade with 3 inspections and one with 300 do not weigh the same).
 */

export const COUNT_FIGURES = [
  'planned',
  'drawn',
  'inspected',
  'doneOnTime',
  'failed',
  'unable',
  'hazards',
  'notices',
  'reinspections',
  'reinspectionsOnTime',
  'penalties',
  'penaltyAmount',
  'sealings',
  'jointInspections',
  'resultEntries',
  'published',
] as const;
export type CountFigure = (typeof COUNT_FIGURES)[number];

export type CountFigureDefinition = { name: string; unit: string; description: string };

export const COUNT_FIGURE_DEFINITIONS: Record<CountFigure, CountFigureDefinition> = {
  planned: { name: '计划抽查数', unit: '家', description: '月度计划中各层级的抽查数之和（按计划月份）' },
  drawn: { name: '抽取任务数', unit: '家', description: '双随机抽取产生的任务（不含已替换、已取消的任务和作废的抽取，按任务期间的起始月份）' },
  inspected: { name: '已检查数', unit: '家', description: '检查记录（最新版本）结果为“已检查”（按检查日期）' },
  doneOnTime: { name: '按期完成数', unit: '家', description: '检查记录（最新版本，已检查或无法检查）的检查日期不晚于任务期限' },
  failed: { name: '发现隐患数', unit: '家', description: '已检查且结论为“发现火灾隐患”的检查记录' },
  unable: { name: '无法检查数', unit: '家', description: '检查记录（最新版本）结果为“无法检查”' },
  hazards: { name: '隐患条数', unit: '条', description: '检查中登记的火灾隐患（按发现日期）' },
  notices: { name: '责令改正通知书', unit: '份', description: '已签发的责令立即改正、责令限期改正通知书（按签发日期）' },
  reinspections: { name: '复查任务数', unit: '项', description: '限期改正后的复查任务（按复查期限月份）' },
  reinspectionsOnTime: { name: '按期复查数', unit: '项', description: '在复查期限内完成的复查任务' },
  penalties: { name: '行政处罚数', unit: '件', description: '已作出处罚决定且未撤销的案件（按决定日期）' },
  penaltyAmount: { name: '罚款金额', unit: '元', description: '上述案件的罚款金额之和' },
  sealings: { name: '临时查封数', unit: '次', description: '临时查封（按查封日期）' },
  jointInspections: { name: '联合检查数', unit: '次', description: '有其他部门人员或专家参加的检查记录' },
  resultEntries: { name: '应公示结果数', unit: '条', description: '检查结果的公示条目（不含决定不予公示的，按检查日期）' },
  published: { name: '已公示结果数', unit: '条', description: '上述条目中已在门户公示的（含公示后撤回的）' },
};

export type Counts = Record<CountFigure, number>;

export const RATE_FIGURES = ['completionRate', 'onTimeRate', 'failureRate', 'reinspectionOnTimeRate', 'publicationRate'] as const;
export type RateFigure = (typeof RATE_FIGURES)[number];

export type RateFigureDefinition = { name: string; numerator: readonly CountFigure[]; denominator: readonly CountFigure[] };

/** Each rate: the sum of its numerator counts over the sum of its denominator counts, after summing across the level. */
export const RATE_FIGURE_DEFINITIONS: Record<RateFigure, RateFigureDefinition> = {
  completionRate: { name: '完成率', numerator: ['inspected', 'unable'], denominator: ['drawn'] },
  onTimeRate: { name: '按期完成率', numerator: ['doneOnTime'], denominator: ['inspected', 'unable'] },
  failureRate: { name: '不合格率', numerator: ['failed'], denominator: ['inspected'] },
  reinspectionOnTimeRate: { name: '复查按期率', numerator: ['reinspectionsOnTime'], denominator: ['reinspections'] },
  publicationRate: { name: '结果公示率', numerator: ['published'], denominator: ['resultEntries'] },
};

export const GROUP_KEYS = ['month', 'district', 'industry', 'category', 'brigade'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

export const GROUP_KEY_LABELS: Record<GroupKey, string> = {
  month: '按月份',
  district: '按行政区划',
  industry: '按行业',
  category: '按单位类别',
  brigade: '按大队',
};

/** The figures that exist per unit: `planned` is a plan's quota by month and brigade, not by a unit's district. */
export function isFigureGroupable(figure: CountFigure, group: GroupKey): boolean {
  return figure !== 'planned' || group === 'month' || group === 'brigade';
}

/** A group's label when its key is empty (a unit without a district or an industry). */
export const BLANK_GROUP_LABEL = '未填写';

export function zeroCounts(): Counts {
  return Object.fromEntries(COUNT_FIGURES.map((f) => [f, 0])) as Counts;
}

/** The sum of counts, figure by figure (a level's total from the level below). */
export function sumCounts(rows: readonly Counts[]): Counts {
  const out = zeroCounts();
  for (const r of rows) for (const f of COUNT_FIGURES) out[f] += r[f];
  return out;
}

/** A rate from counts, or null when its denominator is 0 (shown 「—」, never 0 % or 100 %). */
export function rateOf(counts: Counts, rate: RateFigure): number | null {
  const d = RATE_FIGURE_DEFINITIONS[rate];
  const den = d.denominator.reduce((n, f) => n + counts[f], 0);
  if (den === 0) return null;
  return d.numerator.reduce((n, f) => n + counts[f], 0) / den;
}

export function ratesOf(counts: Counts): Record<RateFigure, number | null> {
  return Object.fromEntries(RATE_FIGURES.map((r) => [r, rateOf(counts, r)])) as Record<RateFigure, number | null>;
}

/**
 * Whether a level's totals equal the sum of the level below, figure by figure; returns the figures that differ (empty
 * when they add up). The tests hold every level to it.
 */
export function figuresNotAddingUp(total: Counts, parts: readonly Counts[]): CountFigure[] {
  const sum = sumCounts(parts);
  return COUNT_FIGURES.filter((f) => sum[f] !== total[f]);
}

/** 「12.3%」, or 「—」 for no denominator. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

export type Period = { from: string; to: string };

/** The months (YYYY-MM) of a period, in order. */
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  let [y, m] = period.from.split('-').map(Number) as [number, number];
  const [ty, tm] = period.to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The first and last day of a period of months. */
export function periodDays(period: Period): { fromDay: string; toDay: string } {
  const [ty, tm] = period.to.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return { fromDay: `${period.from}-01`, toDay: `${period.to}-${String(last).padStart(2, '0')}` };
}

/** The twelve months before `month`, as a period (the early warning's baseline). */
export function previousTwelveMonths(month: string): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const back = (k: number) => {
    const idx = y * 12 + (m - 1) - k;
    return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
  };
  return { from: back(12), to: back(1) };
}

/**
 * The `n` largest shares in order, then the rest summed under `restLabel` (key ''), so the shares still add up to the
 * whole; no 「其他」 row when nothing is left over.
 */
export function topShares<T extends { key: string; label: string; count: number }>(shares: readonly T[], n: number, restLabel: string): { key: string; label: string; count: number }[] {
  const sorted = [...shares].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const top = sorted.slice(0, n).map(({ key, label, count }) => ({ key, label, count }));
  const rest = sorted.slice(n).reduce((sum, s) => sum + s.count, 0);
  return rest > 0 ? [...top, { key: '', label: restLabel, count: rest }] : top;
}

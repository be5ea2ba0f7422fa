/**
 * The annual report's figures (issue 16, seed 000), pure: from plain facts about one brigade's year, the counts and
 * rates the yearly summary states, and their comparison with the previous year.
 *
 * Definitions (decision 0025):
 * - drawn: 双随机 tasks of the year (by due date) that stood — a task replaced by an alternate or cancelled is not
 *   counted, its replacement is;
 * - inspected: drawn tasks whose latest record says 已检查; unable: whose latest record says 无法检查;
 * - completion rate = inspected ÷ drawn; failure rate = inspected tasks with at least one hazard ÷ inspected;
 * - joint inspections: inspected tasks whose record names other departments' staff;
 * - 复查 on time: 复查 tasks visited by their due date ÷ those visited or past due;
 * - a year before the system (no tasks) may still have 检查 in the legacy history: then inspected is that count,
 *   marked `source: 'legacy'`, and what the history does not hold (drawn, hazards, and notices, penalties and
 *   sealings when the system has none that year) is null, never 0.
 * Rates are per cent with one decimal; null when the denominator is 0 (never a division by zero).
 */

import type { UnableReason } from '../records/record-labels.ts';
import { UNABLE_REASONS } from '../records/record-labels.ts';

export type DrawTaskFact = {
  /** 1–12: the month of the task's due date. */
  month: number;
  outcome: 'inspected' | 'unable' | null;
  unableReason: UnableReason | null;
  hasHazards: boolean;
  joint: boolean;
};

export type ReinspectionFact = { dueDate: string; visitDate: string | null };

export type HazardLineFact = { itemName: string; lineText: string; count: number };

export type PenaltyFact = { kind: 'warning' | 'fine'; amount: number };

export type AnnualFacts = {
  year: number;
  /** Units in the brigade's registry (not deregistered) and inspectors in service, as of the report. */
  unitsInRegistry: number;
  inspectors: number;
  tasks: readonly DrawTaskFact[];
  /** Inspections in the legacy history (source 'legacy') dated in the year: used only when there are no tasks. */
  legacyInspections: number;
  reinspections: readonly ReinspectionFact[];
  hazardLines: readonly HazardLineFact[];
  hazardCount: number;
  /** 责令限期改正 and 责令立即改正 notices issued in the year and not voided. */
  notices: number;
  penalties: readonly PenaltyFact[];
  sealings: number;
  /** The year's publication entries: published on time, and all that fell due (null rate when none). */
  publication: { due: number; published: number; onTime: number };
};

export type MonthFigures = { month: number; drawn: number; inspected: number; withHazards: number };

export type AnnualFigures = {
  year: number;
  source: 'system' | 'legacy' | 'none';
  unitsInRegistry: number;
  inspectors: number;
  drawn: number | null;
  inspected: number;
  unable: number | null;
  unableByReason: { reason: UnableReason; count: number }[];
  withHazards: number | null;
  hazards: number | null;
  /** Null in a legacy year: the history holds no notices, penalties or sealings (they are 0 in the system then). */
  notices: number | null;
  penalties: number | null;
  fines: number;
  warnings: number;
  fineAmount: number | null;
  sealings: number | null;
  jointInspections: number | null;
  reinspections: number;
  reinspectionsOnTime: number;
  completionRate: number | null;
  failureRate: number | null;
  publicationRate: number | null;
  publicationOnTimeRate: number | null;
  reinspectionOnTimeRate: number | null;
  topHazards: HazardLineFact[];
  months: MonthFigures[];
};

/** part ÷ whole in per cent with one decimal; null when whole is 0. */
export function ratePercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

const TOP_HAZARDS = 5;

/** Computes the figures of one year from its facts; `today` decides which 复查 are still within their time. */
export function computeAnnualFigures(facts: AnnualFacts, today: string): AnnualFigures {
  const fromTasks = facts.tasks.length > 0;
  const inspectedTasks = facts.tasks.filter((t) => t.outcome === 'inspected');
  const unableTasks = facts.tasks.filter((t) => t.outcome === 'unable');
  const withHazards = inspectedTasks.filter((t) => t.hasHazards).length;
  const inspected = fromTasks ? inspectedTasks.length : facts.legacyInspections;
  const source = fromTasks ? 'system' : facts.legacyInspections > 0 ? 'legacy' : 'none';
  const legacyOnly = source === 'legacy' && facts.notices === 0 && facts.penalties.length === 0 && facts.sealings === 0;
  const countedReinspections = facts.reinspections.filter((r) => r.visitDate !== null || r.dueDate < today);
  const reinspectionsOnTime = countedReinspections.filter((r) => r.visitDate !== null && r.visitDate <= r.dueDate).length;
  const fines = facts.penalties.filter((p) => p.kind === 'fine');
  const months: MonthFigures[] = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, drawn: 0, inspected: 0, withHazards: 0 }));
  for (const t of facts.tasks) {
    const m = months[t.month - 1];
    if (!m) continue;
    m.drawn += 1;
    if (t.outcome === 'inspected') {
      m.inspected += 1;
      if (t.hasHazards) m.withHazards += 1;
    }
  }
  const topHazards = [...facts.hazardLines]
    .sort((a, b) => b.count - a.count || a.itemName.localeCompare(b.itemName, 'zh-CN') || a.lineText.localeCompare(b.lineText, 'zh-CN'))
    .slice(0, TOP_HAZARDS);
  return {
    year: facts.year,
    source,
    unitsInRegistry: facts.unitsInRegistry,
    inspectors: facts.inspectors,
    drawn: fromTasks ? facts.tasks.length : null,
    inspected,
    unable: fromTasks ? unableTasks.length : null,
    unableByReason: UNABLE_REASONS.map((reason) => ({ reason, count: unableTasks.filter((t) => t.unableReason === reason).length })).filter(
      (r) => r.count > 0,
    ),
    withHazards: fromTasks ? withHazards : null,
    hazards: fromTasks ? facts.hazardCount : null,
    notices: legacyOnly ? null : facts.notices,
    penalties: legacyOnly ? null : facts.penalties.length,
    fines: fines.length,
    warnings: facts.penalties.length - fines.length,
    fineAmount: legacyOnly ? null : fines.reduce((sum, p) => sum + p.amount, 0),
    sealings: legacyOnly ? null : facts.sealings,
    jointInspections: fromTasks ? inspectedTasks.filter((t) => t.joint).length : null,
    reinspections: countedReinspections.length,
    reinspectionsOnTime,
    completionRate: fromTasks ? ratePercent(inspected, facts.tasks.length) : null,
    failureRate: fromTasks ? ratePercent(withHazards, inspected) : null,
    publicationRate: ratePercent(facts.publication.published, facts.publication.due),
    publicationOnTimeRate: ratePercent(facts.publication.onTime, facts.publication.due),
    reinspectionOnTimeRate: ratePercent(reinspectionsOnTime, countedReinspections.length),
    topHazards,
    months,
  };
}

export type Trend = '上升' | '下降' | '持平';

export type Comparison = {
  current: number | null;
  previous: number | null;
  /** current − previous (percentage points for a rate); null when either is unknown. */
  difference: number | null;
  /** The change in per cent of the previous value, one decimal; null when unknown or the previous value is 0. */
  changePercent: number | null;
  trend: Trend | null;
};

/** Compares this year's value with last year's: difference, change in per cent (none from 0) and 上升/下降/持平. */
export function compareFigure(current: number | null, previous: number | null): Comparison {
  if (current === null || previous === null) return { current, previous, difference: null, changePercent: null, trend: null };
  const difference = Math.round((current - previous) * 10) / 10;
  const changePercent = previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10;
  const trend: Trend = difference > 0 ? '上升' : difference < 0 ? '下降' : '持平';
  return { current, previous, difference, changePercent, trend };
}

/** The figures compared year on year, in the order the report's table lists them. */
export const COMPARED_FIGURES = [
  { key: 'drawn', label: '抽查单位（家）', rate: false },
  { key: 'inspected', label: '实施检查（家）', rate: false },
  { key: 'withHazards', label: '不合格单位（家）', rate: false },
  { key: 'notices', label: '下发责令改正通知书（份）', rate: false },
  { key: 'penalties', label: '行政处罚（起）', rate: false },
  { key: 'fineAmount', label: '罚款金额（元）', rate: false },
  { key: 'sealings', label: '临时查封（处）', rate: false },
  { key: 'jointInspections', label: '跨部门联合检查（次）', rate: false },
  { key: 'completionRate', label: '检查完成率', rate: true },
  { key: 'failureRate', label: '不合格率', rate: true },
  { key: 'publicationRate', label: '公示率', rate: true },
  { key: 'reinspectionOnTimeRate', label: '复查按时率', rate: true },
] as const satisfies readonly { key: keyof AnnualFigures; label: string; rate: boolean }[];

export type ComparedKey = (typeof COMPARED_FIGURES)[number]['key'];

export type ComparedRow = Comparison & { key: ComparedKey; label: string; rate: boolean };

/**
 * Each compared figure of this year beside last year's. A year with nothing in the system (no tasks, no imported
 * history: source 'none') is unknown, not a year of zeros: its figures are shown 「—」 and nothing is said to rise
 * against it (a brigade's first year in the system would otherwise read 「较上年上升 107」).
 */
export function compareYears(current: AnnualFigures, previous: AnnualFigures): ComparedRow[] {
  const known = (figures: AnnualFigures, key: ComparedKey): number | null => (figures.source === 'none' ? null : figures[key]);
  return COMPARED_FIGURES.map((f) => ({ key: f.key, label: f.label, rate: f.rate, ...compareFigure(known(current, f.key), known(previous, f.key)) }));
}

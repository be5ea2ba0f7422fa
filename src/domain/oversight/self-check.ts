/**
 * 每月 10 日、20 日 的检查 (issue 16, seed 001), pure: from plain facts about one brigade on one day, the findings its
 * head should read — tasks behind schedule, tasks due soon with no visit date, uneven load between inspectors,
 * inspectors away who hold tasks, units to be visited with missing facts, publications overdue.
 *
 * Definitions (each finding lists only what is wrong; an empty finding is kept so the report shows 「无」):
 * - 逾期未完成 (lagging): an open task (assigned, notified, in progress) whose due date has passed (a due date on a
 *   holiday counts from its next working day, as every deadline does — decision 0023).
 * - 临期未定检查日 (due soon, no visit date): an open task not yet lagging, with no visit date, due within
 *   DUE_SOON_WORKING_DAYS working days (today counts as 0). A due date whose year has no 放假调休 arrangement is
 *   not guessed: the task is listed under 「无法计算」 with 「无法计算：2027 年节假日安排尚未录入」.
 * - 任务分配不均 (uneven load): an active inspector whose open tasks (as lead or assistant) are more than twice the
 *   median of the brigade's active inspectors (zeros included) and at least UNEVEN_MIN_EXCESS more than it.
 * - 休假人员持有任务 (away, holding tasks): an inspector whose leave, secondment or freeze (not lifted) covers today
 *   and who holds open tasks.
 * - 单位信息缺失 (units with missing facts): a unit with an open task lacking an address, a contact phone or a district.
 * - 公示逾期 (publication overdue): the entries the publication rules call overdue (decision 0024), passed in.
 */
import { CalendarYearMissingError, nextWorkingDayOnOrAfter, type HolidayCalendar } from '../calendar/working-days.ts';
import { deadlineLabel, deadlineState } from '../deadlines/deadlines.ts';
import { missingYearLabel } from '../deadlines/deadline-text.ts';

export const DUE_SOON_WORKING_DAYS = 5;
export const UNEVEN_MIN_EXCESS = 3;

export const OPEN_TASK_STATUSES = ['assigned', 'notified', 'in_progress'] as const;

export type SelfCheckTask = {
  id: string;
  unitId: string;
  unitName: string;
  dueDate: string;
  visitDate: string | null;
  status: string;
  leadIds: readonly string[];
  assistantIds: readonly string[];
};

export type AbsenceKind = 'leave' | 'seconded' | 'frozen';

export type SelfCheckInspector = {
  id: string;
  name: string;
  active: boolean;
  /** Periods not lifted; toDate null: open-ended. */
  absences: readonly { kind: AbsenceKind; fromDate: string; toDate: string | null }[];
};

export type SelfCheckUnit = { id: string; name: string; address: string | null; contactPhone: string | null; districtCode: string | null };

export type SelfCheckPublication = { id: string; unitName: string; due: string; overdueWorkingDays: number };

export type SelfCheckFacts = {
  today: string;
  tasks: readonly SelfCheckTask[];
  inspectors: readonly SelfCheckInspector[];
  /** The units of the open tasks (others are ignored). */
  units: readonly SelfCheckUnit[];
  overduePublications: readonly SelfCheckPublication[];
};

export const FINDING_KINDS = ['lagging', 'due_soon', 'uneven_load', 'away_holding', 'unit_facts', 'publication_overdue', 'undetermined'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_TITLES: Record<FindingKind, string> = {
  lagging: '逾期未完成的任务',
  due_soon: `${DUE_SOON_WORKING_DAYS} 个工作日内到期、尚未确定检查日的任务`,
  uneven_load: '任务分配不均的检查人员',
  away_holding: '休假、借调或冻结中仍持有任务的检查人员',
  unit_facts: '待检查单位信息缺失',
  publication_overdue: '逾期未公示',
  undetermined: '无法计算期限的任务',
};

/** What an item points at, so the page can link it. */
export type FindingTarget = 'task' | 'inspector' | 'unit' | 'publication';

export type FindingItem = { id: string; target: FindingTarget; text: string };
export type Finding = { kind: FindingKind; title: string; count: number; items: FindingItem[] };

const ABSENCE_LABELS: Record<AbsenceKind, string> = { leave: '休假', seconded: '借调', frozen: '冻结' };

export function isOpenTask(status: string): boolean {
  return (OPEN_TASK_STATUSES as readonly string[]).includes(status);
}

function finding(kind: FindingKind, items: FindingItem[]): Finding {
  return { kind, title: FINDING_TITLES[kind], count: items.length, items };
}

/** The median of a list of counts (the mean of the two middle ones for an even length); 0 for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Whether `count` open tasks is uneven against the brigade's median (see the module comment). */
export function isUnevenLoad(count: number, brigadeMedian: number): boolean {
  return count > 2 * brigadeMedian && count - brigadeMedian >= UNEVEN_MIN_EXCESS;
}

/**
 * The findings of one brigade's check on `facts.today`, in the order of FINDING_KINDS (「无法计算」 only when some
 * due date could not be computed). Items are sorted: tasks by due date, inspectors by load, units by name.
 */
export function runSelfCheck(calendar: HolidayCalendar, facts: SelfCheckFacts): Finding[] {
  const today = facts.today;
  const open = facts.tasks.filter((t) => isOpenTask(t.status)).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  const names = new Map(facts.inspectors.map((i) => [i.id, i.name]));
  const people = (t: SelfCheckTask) => t.leadIds.map((id) => names.get(id) ?? '（未知）').join('、') || '（未指派）';

  const lagging: FindingItem[] = [];
  const dueSoon: FindingItem[] = [];
  const undetermined: FindingItem[] = [];
  for (const t of open) {
    let state: ReturnType<typeof deadlineState> | null = null;
    let missingYear = 0;
    try {
      state = deadlineState(calendar, today, t.dueDate);
    } catch (e) {
      if (!(e instanceof CalendarYearMissingError)) throw e;
      missingYear = e.year;
    }
    if (state === null) {
      // The count of working days needs a year not entered; whether the (rolled) due day has passed may still be known.
      let passed = false;
      try {
        passed = nextWorkingDayOnOrAfter(calendar, t.dueDate) < today;
      } catch (e) {
        if (!(e instanceof CalendarYearMissingError)) throw e;
      }
      if (passed) lagging.push({ id: t.id, target: 'task', text: `${t.unitName}：应于 ${t.dueDate} 前完成，已逾期（主办 ${people(t)}）` });
      else if (t.visitDate === null) undetermined.push({ id: t.id, target: 'task', text: `${t.unitName}：${t.dueDate} 到期，${missingYearLabel(missingYear)}` });
      continue;
    }
    if (state.kind === 'overdue') {
      lagging.push({ id: t.id, target: 'task', text: `${t.unitName}：应于 ${t.dueDate} 前完成，${deadlineLabel(state)}（主办 ${people(t)}）` });
    } else if (t.visitDate === null && state.workingDays <= DUE_SOON_WORKING_DAYS) {
      dueSoon.push({ id: t.id, target: 'task', text: `${t.unitName}：${t.dueDate} 到期，${deadlineLabel(state)}，尚未确定检查日（主办 ${people(t)}）` });
    }
  }

  const load = new Map<string, number>();
  for (const t of open) for (const id of new Set([...t.leadIds, ...t.assistantIds])) load.set(id, (load.get(id) ?? 0) + 1);
  const active = facts.inspectors.filter((i) => i.active);
  const brigadeMedian = median(active.map((i) => load.get(i.id) ?? 0));
  const uneven = active
    .filter((i) => isUnevenLoad(load.get(i.id) ?? 0, brigadeMedian))
    .sort((a, b) => (load.get(b.id) ?? 0) - (load.get(a.id) ?? 0))
    .map((i) => ({ id: i.id, target: 'inspector' as const, text: `${i.name}：在办任务 ${load.get(i.id)} 项，全大队中位数 ${brigadeMedian} 项` }));

  const away: FindingItem[] = [];
  for (const i of facts.inspectors) {
    const held = load.get(i.id) ?? 0;
    if (held === 0) continue;
    const absence = i.absences.find((a) => a.fromDate <= today && (a.toDate === null || a.toDate >= today));
    if (!absence) continue;
    const until = absence.toDate === null ? '未定' : absence.toDate;
    away.push({ id: i.id, target: 'inspector', text: `${i.name}：${ABSENCE_LABELS[absence.kind]}中（${absence.fromDate} 至 ${until}），仍持有在办任务 ${held} 项` });
  }

  const openUnits = new Set(open.map((t) => t.unitId));
  const unitFacts = facts.units
    .filter((u) => openUnits.has(u.id))
    .map((u) => ({ u, missing: [!u.address?.trim() && '地址', !u.contactPhone?.trim() && '联系电话', !u.districtCode && '所属区县'].filter((m): m is string => Boolean(m)) }))
    .filter(({ missing }) => missing.length > 0)
    .sort((a, b) => a.u.name.localeCompare(b.u.name, 'zh-CN'))
    .map(({ u, missing }) => ({ id: u.id, target: 'unit' as const, text: `${u.name}：缺少${missing.join('、')}` }));

  const publications = [...facts.overduePublications]
    .sort((a, b) => b.overdueWorkingDays - a.overdueWorkingDays)
    .map((p) => ({ id: p.id, target: 'publication' as const, text: `${p.unitName}：应于 ${p.due} 前公示，已逾期 ${p.overdueWorkingDays} 个工作日` }));

  const findings = [
    finding('lagging', lagging),
    finding('due_soon', dueSoon),
    finding('uneven_load', uneven),
    finding('away_holding', away),
    finding('unit_facts', unitFacts),
    finding('publication_overdue', publications),
  ];
  if (undetermined.length > 0) findings.push(finding('undetermined', undetermined));
  return findings;
}

/** The counts by kind, as stored beside the findings and summed for the detachment. */
export function findingCounts(findings: readonly Finding[]): Record<FindingKind, number> {
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of findings) counts[f.kind] += f.count;
  return counts;
}

/** One line for an inbox item or the audit log: 「逾期未完成 2 项，临期未定检查日 1 项 …」 or 「未发现问题」. */
export function findingSummary(counts: Readonly<Record<FindingKind, number>>): string {
  const SHORT: Record<FindingKind, string> = {
    lagging: '逾期未完成',
    due_soon: '临期未定检查日',
    uneven_load: '分配不均',
    away_holding: '休假人员持有任务',
    unit_facts: '单位信息缺失',
    publication_overdue: '逾期未公示',
    undetermined: '无法计算期限',
  };
  const parts = FINDING_KINDS.filter((k) => counts[k] > 0).map((k) => `${SHORT[k]} ${counts[k]} 项`);
  return parts.length > 0 ? parts.join('，') : '未发现问题';
}

import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../calendar/working-days.ts';
import { noticeRows2026 } from '../calendar/notice-2026.ts';
import { findingCounts, findingSummary, isUnevenLoad, median, runSelfCheck, type SelfCheckFacts, type SelfCheckTask } from './self-check.ts';

const cal = buildHolidayCalendar(noticeRows2026(), [2026]);

function task(id: string, over: Partial<SelfCheckTask> = {}): SelfCheckTask {
  return { id, unitId: `u-${id}`, unitName: `单位${id}`, dueDate: '2026-11-30', visitDate: null, status: 'assigned', leadIds: ['i1'], assistantIds: ['i2'], ...over };
}

function facts(over: Partial<SelfCheckFacts> = {}): SelfCheckFacts {
  return {
    today: '2026-11-10',
    tasks: [],
    inspectors: [
      { id: 'i1', name: '张三', active: true, absences: [] },
      { id: 'i2', name: '李四', active: true, absences: [] },
    ],
    units: [],
    overduePublications: [],
    ...over,
  };
}

const byKind = (f: ReturnType<typeof runSelfCheck>, kind: string) => f.find((x) => x.kind === kind)!;

describe('the check on the 10th and 20th', () => {
  it('lists an open task whose due date has passed as lagging, with its working days overdue', () => {
    const f = runSelfCheck(cal, facts({ tasks: [task('a', { dueDate: '2026-11-06' }), task('b', { dueDate: '2026-11-06', status: 'done' })] }));
    expect(byKind(f, 'lagging').items).toEqual([{ id: 'a', target: 'task', text: '单位a：应于 2026-11-06 前完成，已逾期 2 个工作日（主办 张三）' }]);
  });

  it('does not call a task due on a holiday lagging before the next working day', () => {
    // 2026-10-03 falls in 国庆 (10-01..10-07); its deadline is the next working day, 10-08.
    const f = runSelfCheck(cal, facts({ today: '2026-10-08', tasks: [task('a', { dueDate: '2026-10-03', visitDate: '2026-10-08' })] }));
    expect(byKind(f, 'lagging').count).toBe(0);
  });

  it('lists a task due within 5 working days with no visit date, and not one with a visit date', () => {
    const f = runSelfCheck(cal, facts({ tasks: [task('a', { dueDate: '2026-11-17' }), task('b', { dueDate: '2026-11-17', visitDate: '2026-11-16' }), task('c', { dueDate: '2026-11-18' })] }));
    expect(byKind(f, 'due_soon').items.map((i) => i.id)).toEqual(['a']);
    expect(byKind(f, 'due_soon').items[0]!.text).toContain('还剩 5 个工作日');
  });

  it('refuses to guess a deadline in a year without a holiday arrangement', () => {
    const f = runSelfCheck(cal, facts({ today: '2026-12-28', tasks: [task('a', { dueDate: '2027-01-05' })] }));
    expect(byKind(f, 'due_soon').count).toBe(0);
    expect(byKind(f, 'undetermined').items[0]!.text).toBe('单位a：2027-01-05 到期，无法计算：2027 年节假日安排尚未录入');
  });

  it('still calls a 2026 task lagging when today lies in a year without data', () => {
    const f = runSelfCheck(cal, facts({ today: '2027-01-11', tasks: [task('a', { dueDate: '2026-12-30' })] }));
    expect(byKind(f, 'lagging').items[0]!.text).toBe('单位a：应于 2026-12-30 前完成，已逾期（主办 张三）');
  });

  it('flags an inspector with more than twice the median and at least 3 more', () => {
    expect(median([0, 1, 1, 5])).toBe(1);
    expect(isUnevenLoad(5, 1)).toBe(true);
    expect(isUnevenLoad(3, 1)).toBe(false); // only 2 more
    expect(isUnevenLoad(8, 4)).toBe(false); // exactly twice
    const tasks = ['a', 'b', 'c', 'd', 'e'].map((id) => task(id, { leadIds: ['i3'], assistantIds: [] }));
    const inspectors = [...facts().inspectors, { id: 'i3', name: '王五', active: true, absences: [] }];
    const f = runSelfCheck(cal, facts({ tasks: [...tasks, task('f')], inspectors }));
    expect(byKind(f, 'uneven_load').items).toEqual([{ id: 'i3', target: 'inspector', text: '王五：在办任务 5 项，全大队中位数 1 项' }]);
  });

  it('lists an inspector on leave today who still holds open tasks', () => {
    const inspectors = [
      { id: 'i1', name: '张三', active: true, absences: [{ kind: 'leave' as const, fromDate: '2026-11-09', toDate: '2026-11-20' }] },
      { id: 'i2', name: '李四', active: true, absences: [{ kind: 'leave' as const, fromDate: '2026-11-11', toDate: null }] },
    ];
    const f = runSelfCheck(cal, facts({ tasks: [task('a')], inspectors }));
    expect(byKind(f, 'away_holding').items).toEqual([{ id: 'i1', target: 'inspector', text: '张三：休假中（2026-11-09 至 2026-11-20），仍持有在办任务 1 项' }]);
  });

  it('lists units of open tasks that lack an address, a phone or a district', () => {
    const units = [
      { id: 'u-a', name: '甲单位', address: ' ', contactPhone: null, districtCode: '330702' },
      { id: 'u-b', name: '乙单位', address: '某路1号', contactPhone: '0579', districtCode: '330702' },
      { id: 'u-z', name: '丙单位', address: null, contactPhone: null, districtCode: null },
    ];
    const f = runSelfCheck(cal, facts({ tasks: [task('a'), task('b')], units }));
    expect(byKind(f, 'unit_facts').items).toEqual([{ id: 'u-a', target: 'unit', text: '甲单位：缺少地址、联系电话' }]);
  });

  it('lists overdue publications, most overdue first, and sums the counts', () => {
    const overduePublications = [
      { id: 'p1', unitName: '甲', due: '2026-11-03', overdueWorkingDays: 2 },
      { id: 'p2', unitName: '乙', due: '2026-10-30', overdueWorkingDays: 5 },
    ];
    const f = runSelfCheck(cal, facts({ overduePublications, tasks: [task('a', { dueDate: '2026-11-02' })] }));
    expect(byKind(f, 'publication_overdue').items.map((i) => i.id)).toEqual(['p2', 'p1']);
    const counts = findingCounts(f);
    expect(counts).toMatchObject({ lagging: 1, publication_overdue: 2, due_soon: 0 });
    expect(findingSummary(counts)).toBe('逾期未完成 1 项，逾期未公示 2 项');
    expect(findingSummary(findingCounts(runSelfCheck(cal, facts())))).toBe('未发现问题');
  });
});

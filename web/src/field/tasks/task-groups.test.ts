import type { FieldTask } from '@contracts/field.ts';
import { describe, expect, it } from 'vitest';
import { groupTasks } from './task-groups.ts';

const task = (id: string, over: Partial<FieldTask>): FieldTask =>
  ({ id, status: 'notified', dueDate: '2026-12-31', visitDate: null, unit: { name: id }, ...over }) as FieldTask;

describe('the task lists', () => {
  const today = '2026-12-07';
  const tasks = [
    task('visit-today', { visitDate: today }),
    task('started', { status: 'in_progress', visitDate: '2026-12-05' }),
    task('visit-friday', { visitDate: '2026-12-11' }),
    task('due-sunday', { dueDate: '2026-12-13' }),
    task('next-week', { visitDate: '2026-12-14' }),
    task('unscheduled', { dueDate: '2027-01-31' }),
    task('overdue', { dueDate: '2026-12-06' }),
    task('done', { status: 'done', visitDate: today }),
  ];
  const groups = groupTasks(tasks, today);

  it('put in 今日 the visits of today and the inspections already started', () => {
    expect(groups.today.map((t) => t.id)).toEqual(['started', 'visit-today']);
  });
  it('put in 本周 what is visited or due in the next seven days, and what still waits for a visit date', () => {
    expect(groups.week.map((t) => t.id)).toEqual(['started', 'visit-today', 'visit-friday', 'due-sunday', 'unscheduled']);
  });
  it('put in 逾期 open tasks past their due date, and leave done tasks out of every list', () => {
    expect(groups.overdue.map((t) => t.id)).toEqual(['overdue']);
    expect(Object.values(groups).flat().some((t) => t.id === 'done')).toBe(false);
  });
});

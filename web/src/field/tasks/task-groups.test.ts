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
    task('done', { status: 'done', visitDate: today, myRole: 'lead', record: null }),
    task('to-confirm', { status: 'done', visitDate: '2026-12-04', myRole: 'assistant', record: { id: 'r', version: 1, bodyHash: '', assistantConfirmed: false } }),
    task('confirmed', { status: 'done', visitDate: '2026-12-03', myRole: 'assistant', record: { id: 'q', version: 1, bodyHash: '', assistantConfirmed: true } }),
  ];
  const groups = groupTasks(tasks, today);

  it('put in 今日 the visits of today and the inspections already started', () => {
    expect(groups.today.map((t) => t.id)).toEqual(['to-confirm', 'started', 'visit-today']);
  });
  it('put in 本周 what is visited or due in the next seven days, and what still waits for a visit date', () => {
    expect(groups.week.map((t) => t.id)).toEqual(['started', 'visit-today', 'visit-friday', 'due-sunday', 'unscheduled']);
  });
  it('put in 逾期 open tasks past their due date, and done tasks only in 已提交 (newest first)', () => {
    expect(groups.overdue.map((t) => t.id)).toEqual(['overdue']);
    expect([groups.today, groups.week, groups.overdue].flat().some((t) => t.id === 'done' || t.id === 'confirmed')).toBe(false);
    expect(groups.done.map((t) => t.id)).toEqual(['done', 'to-confirm', 'confirmed']);
  });
});

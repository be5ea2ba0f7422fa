import type { FieldTask } from '@contracts/field.ts';
import { addDays } from '../lib/dates.ts';

export type TaskTab = 'today' | 'week' | 'overdue';
export const TASK_TABS: { key: TaskTab; label: string }[] = [
  { key: 'today', label: '今日' },
  { key: 'week', label: '本周' },
  { key: 'overdue', label: '逾期' },
];

/** Still to be done in the field: a record has not been submitted. */
export function isOpenTask(task: FieldTask): boolean {
  return task.status === 'assigned' || task.status === 'notified' || task.status === 'in_progress';
}

/**
 * The three lists of the task screen, each in visit (or due) date order:
 * - 今日: open tasks whose visit is today, and those already started (检查中);
 * - 本周: open tasks visited or due within the next seven days (today included), and those with no visit date yet
 *   (the lead still has to set one), not overdue;
 * - 逾期: open tasks past their due date.
 * `today` is the device's China date, not the bundle's: a bundle loaded yesterday still sorts by today.
 */
export function groupTasks(tasks: readonly FieldTask[], today: string): Record<TaskTab, FieldTask[]> {
  const weekEnd = addDays(today, 6);
  const open = tasks.filter(isOpenTask);
  const dateOf = (task: FieldTask) => task.visitDate ?? task.dueDate;
  const byDate = (a: FieldTask, b: FieldTask) => dateOf(a).localeCompare(dateOf(b)) || a.unit.name.localeCompare(b.unit.name, 'zh-CN');
  const overdue = open.filter((task) => task.dueDate < today);
  const notOverdue = open.filter((task) => task.dueDate >= today);
  return {
    today: notOverdue.filter((task) => task.visitDate === today || task.status === 'in_progress').sort(byDate),
    week: notOverdue.filter((task) => task.visitDate === null || dateOf(task) <= weekEnd).sort(byDate),
    overdue: overdue.sort(byDate),
  };
}

import type { FieldTask } from '@contracts/field.ts';
import { addDays } from '../lib/dates.ts';

export type TaskTab = 'today' | 'week' | 'overdue' | 'done';
export const TASK_TABS: { key: TaskTab; label: string }[] = [
  { key: 'today', label: '今日' },
  { key: 'week', label: '本周' },
  { key: 'overdue', label: '逾期' },
  { key: 'done', label: '已提交' },
];

/** Still to be done in the field: a record has not been submitted. */
export function isOpenTask(task: FieldTask): boolean {
  return task.status === 'assigned' || task.status === 'notified' || task.status === 'in_progress';
}

/** A submitted record waits for this device's inspector to confirm it as 协办 (on their own device). */
export function awaitsMyConfirmation(task: FieldTask): boolean {
  return task.myRole === 'assistant' && task.record !== null && !task.record.assistantConfirmed;
}

/**
 * The four lists of the task screen, each in visit (or due) date order:
 * - 今日: records waiting for my confirmation as 协办 first, then open tasks whose visit is today, and those already
 *   started (检查中);
 * - 本周: open tasks visited or due within the next seven days (today included), and those with no visit date yet
 *   (the lead still has to set one), not overdue;
 * - 逾期: open tasks past their due date;
 * - 已提交: tasks whose record was submitted (to read it, confirm it as 协办 or correct it as 主办).
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
    today: [
      ...tasks.filter((task) => !isOpenTask(task) && awaitsMyConfirmation(task)).sort(byDate),
      ...notOverdue.filter((task) => task.visitDate === today || task.status === 'in_progress').sort(byDate),
    ],
    week: notOverdue.filter((task) => task.visitDate === null || dateOf(task) <= weekEnd).sort(byDate),
    overdue: overdue.sort(byDate),
    done: tasks.filter((task) => !isOpenTask(task)).sort((a, b) => byDate(b, a)),
  };
}

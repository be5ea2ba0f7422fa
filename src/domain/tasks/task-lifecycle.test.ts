import { describe, expect, it } from 'vitest';
import { decideTaskAction, isOpenTaskStatus, roleOnTask, TASK_STATUSES, type TaskAction } from './task-lifecycle.ts';

describe('decideTaskAction', () => {
  it('takes a task from assigned through notified and in progress to done', () => {
    expect(decideTaskAction('assigned', 'schedule_visit', 'lead')).toEqual({ ok: true, next: 'notified' });
    expect(decideTaskAction('notified', 'start', 'assistant')).toEqual({ ok: true, next: 'in_progress' });
    expect(decideTaskAction('in_progress', 'submit_record', 'lead')).toEqual({ ok: true, next: 'done' });
    expect(decideTaskAction('done', 'close', 'admin')).toEqual({ ok: true, next: 'closed' });
  });

  it('ends a task as unable when the record says 无法检查', () => {
    expect(decideTaskAction('in_progress', 'submit_record', 'lead', 'unable')).toEqual({ ok: true, next: 'unable' });
  });

  it('lets the lead move the visit day while the unit has only been told, not once the visit started', () => {
    expect(decideTaskAction('notified', 'schedule_visit', 'lead')).toEqual({ ok: true, next: 'notified' });
    expect(decideTaskAction('in_progress', 'schedule_visit', 'lead')).toMatchObject({ ok: false, refusal: 'conflict' });
  });

  it('lets only the lead set the visit day', () => {
    expect(decideTaskAction('assigned', 'schedule_visit', 'assistant')).toMatchObject({ ok: false, refusal: 'forbidden' });
    expect(decideTaskAction('assigned', 'schedule_visit', null)).toMatchObject({ ok: false, refusal: 'forbidden' });
  });

  it('starting again is harmless (idempotent), starting before the notice is refused', () => {
    expect(decideTaskAction('in_progress', 'start', 'lead')).toEqual({ ok: true, next: 'in_progress' });
    expect(decideTaskAction('assigned', 'start', 'lead')).toEqual({ ok: false, refusal: 'conflict', message: '请先确定检查日期并告知单位' });
  });

  it('refuses anyone not on the task (403) before looking at the status', () => {
    for (const action of ['start', 'submit_record', 'confirm_record'] as TaskAction[])
      expect(decideTaskAction('replaced', action, null)).toMatchObject({ ok: false, refusal: 'forbidden' });
  });

  it('refuses every field action on a replaced or cancelled task with a message saying so', () => {
    expect(decideTaskAction('replaced', 'submit_record', 'lead')).toMatchObject({ ok: false, refusal: 'conflict', message: expect.stringContaining('任务已递补') });
    expect(decideTaskAction('cancelled', 'start', 'lead')).toMatchObject({ ok: false, refusal: 'conflict', message: expect.stringContaining('已取消') });
  });

  it('allows a correction only once there is a record, and its outcome decides the status', () => {
    expect(decideTaskAction('done', 'correct_record', 'lead', 'unable')).toEqual({ ok: true, next: 'unable' });
    expect(decideTaskAction('in_progress', 'correct_record', 'lead')).toMatchObject({ ok: false, refusal: 'conflict' });
  });

  it('lets only the assistant confirm a record, without changing the status', () => {
    expect(decideTaskAction('done', 'confirm_record', 'assistant')).toEqual({ ok: true, next: 'done' });
    expect(decideTaskAction('done', 'confirm_record', 'lead')).toMatchObject({ ok: false, refusal: 'forbidden' });
  });

  it('lets the 递补 of a unit follow a 无法检查, but not a done inspection', () => {
    expect(decideTaskAction('unable', 'replace_unit', 'admin')).toEqual({ ok: true, next: 'replaced' });
    expect(decideTaskAction('done', 'replace_unit', 'admin')).toMatchObject({ ok: false, refusal: 'conflict' });
    expect(decideTaskAction('notified', 'replace_inspector', 'admin')).toEqual({ ok: true, next: 'notified' });
  });

  it('answers every status and action with a decision and a Chinese message', () => {
    const actions: TaskAction[] = ['schedule_visit', 'start', 'submit_record', 'correct_record', 'confirm_record', 'close', 'replace_inspector', 'replace_unit', 'cancel'];
    for (const status of TASK_STATUSES)
      for (const action of actions)
        for (const role of ['lead', 'assistant', 'admin', null] as const) {
          const d = decideTaskAction(status, action, role);
          if (!d.ok) expect(d.message).toMatch(/[\u4e00-\u9fff]/);
        }
  });
});

describe('roleOnTask and open statuses', () => {
  it('finds the lead first, then the assistant, and nobody without an inspector', () => {
    const task = { leadIds: ['a'], assistantIds: ['b'] };
    expect(roleOnTask(task, 'a')).toBe('lead');
    expect(roleOnTask(task, 'b')).toBe('assistant');
    expect(roleOnTask(task, 'c')).toBeNull();
    expect(roleOnTask(task, null)).toBeNull();
  });

  it('counts only the statuses before a record as open', () => {
    expect(TASK_STATUSES.filter(isOpenTaskStatus)).toEqual(['assigned', 'notified', 'in_progress']);
  });
});

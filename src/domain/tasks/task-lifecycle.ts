/**
 * A task's life (decision 0020), pure: which action may happen in which status, who may take it, and the status it
 * leads to.
 *
 * assigned (待检查) → notified (已告知: the lead set the visit day and the unit was told) → in_progress (检查中) →
 * done (已检查: a record was submitted) → closed (已办结, by the documents module). unable (无法检查) ends a task
 * without a pass or fail, and the 递补 path may then bring in the stratum's next alternate. replaced (已递补) and
 * cancelled (已取消) end a task for good.
 *
 * In the field only the task's own people act: the lead (主办) sets the visit day; lead or assistant (协办) start
 * and submit; the assistant confirms a record. Administrators of the brigade act through the 递补 and void paths.
 */
export const TASK_STATUSES = ['assigned', 'notified', 'in_progress', 'done', 'unable', 'closed', 'replaced', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  assigned: '待检查',
  notified: '已告知',
  in_progress: '检查中',
  done: '已检查',
  unable: '无法检查',
  closed: '已办结',
  replaced: '已递补',
  cancelled: '已取消',
};

/** Statuses of a task still to be inspected: it counts as pending for the next draw, and shows on the device. */
export const OPEN_TASK_STATUSES = ['assigned', 'notified', 'in_progress'] as const satisfies readonly TaskStatus[];

export function isOpenTaskStatus(status: TaskStatus): boolean {
  return (OPEN_TASK_STATUSES as readonly TaskStatus[]).includes(status);
}

export type TaskAction =
  | 'schedule_visit'
  | 'start'
  | 'submit_record'
  | 'correct_record'
  | 'confirm_record'
  | 'close'
  | 'replace_inspector'
  | 'replace_unit'
  | 'cancel';

/** The actor's place on the task: one of its people, or an administrator of its brigade (`admin`), or neither. */
export type TaskRole = 'lead' | 'assistant' | 'admin' | null;

export type TaskDecision =
  | { ok: true; next: TaskStatus }
  | { ok: false; refusal: 'forbidden' | 'conflict'; message: string };


/** Who may take each action. */
const ACTORS: Record<TaskAction, readonly Exclude<TaskRole, null>[]> = {
  schedule_visit: ['lead'],
  start: ['lead', 'assistant'],
  submit_record: ['lead', 'assistant'],
  correct_record: ['lead', 'assistant'],
  confirm_record: ['assistant'],
  close: ['admin'],
  replace_inspector: ['admin'],
  replace_unit: ['admin'],
  cancel: ['admin'],
};

/** From which statuses each action may be taken. */
const FROM: Record<TaskAction, readonly TaskStatus[]> = {
  schedule_visit: ['assigned', 'notified'],
  start: ['notified', 'in_progress'],
  submit_record: ['notified', 'in_progress'],
  correct_record: ['done', 'unable'],
  confirm_record: ['done', 'unable', 'closed'],
  close: ['done'],
  replace_inspector: OPEN_TASK_STATUSES,
  replace_unit: [...OPEN_TASK_STATUSES, 'unable'],
  cancel: OPEN_TASK_STATUSES,
};

const FORBIDDEN: Record<TaskAction, string> = {
  schedule_visit: '只有本任务的主办人员可以确定检查日期并告知单位',
  start: '只有本任务的检查人员可以开始检查',
  submit_record: '您不是本任务的检查人员，不能提交检查记录',
  correct_record: '您不是本任务的检查人员，不能更正检查记录',
  confirm_record: '只有本任务的协办人员可以确认检查记录',
  close: '只有管理员可以办结任务',
  replace_inspector: '只有管理员可以递补检查人员',
  replace_unit: '只有管理员可以递补检查对象',
  cancel: '只有管理员可以取消任务',
};

function conflictMessage(action: TaskAction, status: TaskStatus): string {
  if (status === 'replaced') return '任务已递补，检查对象已由备选单位替换，不能再对本任务操作';
  if (status === 'cancelled') return '任务已取消（抽取已作废），不能再对本任务操作';
  switch (action) {
    case 'schedule_visit':
      return `任务${TASK_STATUS_LABELS[status]}，不能再更改检查日期`;
    case 'start':
    case 'submit_record':
      return status === 'assigned' ? '请先确定检查日期并告知单位' : `任务${TASK_STATUS_LABELS[status]}，已有检查记录；如需更正，请提交更正记录`;
    case 'correct_record':
      return `任务${TASK_STATUS_LABELS[status]}，还没有可更正的检查记录`;
    case 'confirm_record':
      return '任务还没有提交检查记录，无需确认';
    case 'close':
      return `任务${TASK_STATUS_LABELS[status]}，只有已检查的任务可以办结`;
    case 'replace_inspector':
    case 'replace_unit':
    case 'cancel':
      return `任务${TASK_STATUS_LABELS[status]}，只有进行中的任务可以递补`;
  }
}

/**
 * Whether `role` may take `action` on a task in `status`, and the status it leads to. A submitted record leads to
 * done, or unable for a 无法检查 record (`outcome`); a correction to the status its outcome gives. Refusals: not
 * one's task or role → forbidden (403); the wrong status → conflict (409), in Chinese.
 */
export function decideTaskAction(
  status: TaskStatus,
  action: TaskAction,
  role: TaskRole,
  outcome: 'inspected' | 'unable' = 'inspected',
): TaskDecision {
  if (role === null || !ACTORS[action].includes(role)) return { ok: false, refusal: 'forbidden', message: FORBIDDEN[action] };
  if (!FROM[action].includes(status)) return { ok: false, refusal: 'conflict', message: conflictMessage(action, status) };
  switch (action) {
    case 'schedule_visit':
      return { ok: true, next: 'notified' };
    case 'start':
      return { ok: true, next: 'in_progress' };
    case 'submit_record':
    case 'correct_record':
      return { ok: true, next: outcome === 'unable' ? 'unable' : 'done' };
    case 'confirm_record':
      return { ok: true, next: status };
    case 'close':
      return { ok: true, next: 'closed' };
    case 'replace_inspector':
      return { ok: true, next: status };
    case 'replace_unit':
      return { ok: true, next: 'replaced' };
    case 'cancel':
      return { ok: true, next: 'cancelled' };
  }
}

/** The actor's role on a task from its inspector id (null when the account has none). A lead listed twice stays lead. */
export function roleOnTask(task: { leadIds: readonly string[]; assistantIds: readonly string[] }, inspectorId: string | null): 'lead' | 'assistant' | null {
  if (inspectorId === null) return null;
  if (task.leadIds.includes(inspectorId)) return 'lead';
  if (task.assistantIds.includes(inspectorId)) return 'assistant';
  return null;
}

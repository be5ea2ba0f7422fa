/**
 * What made a task (decision 0023): a 双随机 draw, or a 责令限期改正通知书 that needs a 复查. Pure, zod-free (the field
 * app imports the labels).
 */
export const TASK_KINDS = ['draw', 'reinspection'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_KIND_LABELS: Record<TaskKind, string> = { draw: '双随机抽查', reinspection: '复查' };

/** The stratum a 复查 task carries (it was not drawn from a stratum). */
export const REINSPECTION_STRATUM = '复查';

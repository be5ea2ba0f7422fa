import { TASK_STATUS_LABELS, type DrawStatus, type TaskStatus } from '@contracts/draws.ts';

/** Chinese labels and colours of the draw module. */

export const DRAW_STATUS_COLORS: Record<DrawStatus, string> = { frozen: 'processing', executed: 'green', voided: 'red' };

export const TASK_STATUS_COLORS: Record<TaskStatus, string> = {
  assigned: 'blue',
  notified: 'cyan',
  in_progress: 'processing',
  done: 'green',
  unable: 'orange',
  closed: 'default',
  replaced: 'default',
  cancelled: 'default',
};

/** Tasks not yet inspected: what 我的待办 lists and what a 递补 may change. */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['assigned', 'notified', 'in_progress'];

export const TASK_STATUS_OPTIONS = (Object.keys(TASK_STATUS_LABELS) as TaskStatus[]).map((value) => ({ value, label: TASK_STATUS_LABELS[value] }));

/**
 * Names of the default strata, for pages whose view carries only the code (the portal's draw page); a code a
 * plan defined itself is shown as it is.
 */
const DEFAULT_STRATUM_NAMES: Record<string, string> = {
  crowded_key: '人员密集场所重点单位',
  flammable: '易燃易爆场所',
  other_key: '其他重点单位',
  general: '一般单位',
  small_venue: '九小场所',
};

/** A stratum's name: from `names` (the plan's own) when given, else the default name, else the code. */
export function stratumName(code: string, names?: ReadonlyMap<string, string>): string {
  return names?.get(code) ?? DEFAULT_STRATUM_NAMES[code] ?? code;
}

/** Who sits at the draw table (suggestions; any text up to 40 characters is accepted). */
export const OBSERVER_CAPACITY_OPTIONS = ['特邀廉政监督员', '企业代表', '群众代表', '人大代表', '政协委员', '新闻媒体记者'].map(
  (value) => ({ value }),
);

export const EXTERNAL_SOURCE_OPTIONS = ['福彩3D', '排列3', '双色球'].map((value) => ({ value }));

/** "福彩3D 第 2026001 期". */
export const externalRefLabel = (e: { source: string; ref: string }) => `${e.source} 第 ${e.ref} 期`;

/** "第 3 名 / 共 12 家"; null without a rank. */
export function rankLabel(rank: number | null, of: number | null): string | null {
  if (rank === null) return null;
  return of === null ? `第 ${rank} 名` : `第 ${rank} 名 / 共 ${of} 家`;
}

/**
 * A task's rank for people: 1-based. TaskView.rank is the 0-based position in the stratum's selection (as stored),
 * while the unit search answers 1-based ranks; both pages show 第 1 名 for the first drawn.
 */
export const displayRank = (task: { rank: number }) => task.rank + 1;

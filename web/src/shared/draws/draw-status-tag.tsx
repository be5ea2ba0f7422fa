import type { DrawStatus, TaskView } from '@contracts/draws.ts';
import { Tag } from 'antd';
import { DRAW_STATUS_COLORS, TASK_STATUS_COLORS } from './labels.ts';

export function DrawStatusTag({ draw }: { draw: { status: DrawStatus; statusLabel: string } }) {
  return <Tag color={DRAW_STATUS_COLORS[draw.status]}>{draw.statusLabel}</Tag>;
}

export function TaskStatusTag({ task }: { task: Pick<TaskView, 'status' | 'statusLabel'> }) {
  return <Tag color={TASK_STATUS_COLORS[task.status]}>{task.statusLabel}</Tag>;
}

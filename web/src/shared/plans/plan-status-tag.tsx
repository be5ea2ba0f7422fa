import { Tag } from 'antd';
import type { PlanStatus } from './labels.ts';
import { PLAN_STATUS_COLORS, revisionsOf } from './labels.ts';

/**
 * 草稿 / 已发布 in the status colour, as the server labels it (已发布（修订 N） once a published annual plan
 * has been revised), orange when revised.
 */
export function PlanStatusTag({ plan }: { plan: { status: PlanStatus; statusLabel: string; revision?: number } }) {
  const revised = plan.status === 'published' && revisionsOf(plan.revision ?? 1) > 0;
  return <Tag color={revised ? 'orange' : PLAN_STATUS_COLORS[plan.status]}>{plan.statusLabel}</Tag>;
}

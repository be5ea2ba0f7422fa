import type { PublicMonthlyPlanSummary } from '@contracts/plans.ts';
import type { TableColumnsType } from 'antd';
import { Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { MONTH_LABELS } from './labels.ts';
import { PlanStatusTag } from './plan-status-tag.tsx';

type MonthRow<P> = { month: number; plan: P | undefined };

/** Who generated a plan: known on the admin side only (the portal publishes the organisation, not the person). */
const generatedBy = (plan: PublicMonthlyPlanSummary) => ('generatedByName' in plan && typeof plan.generatedByName === 'string' ? plan.generatedByName : '');

/**
 * The twelve months of an annual plan with their monthly plans. `linkTo` says where a month's plan opens
 * (admin or portal); `action` adds a last column (生成 / 重新生成) when given.
 */
export function MonthsTable<P extends PublicMonthlyPlanSummary>({
  monthlyPlans,
  linkTo,
  action,
  portal = false,
}: {
  monthlyPlans: P[];
  linkTo: (plan: P) => string;
  action?: (month: number, plan: P | undefined) => ReactNode;
  /** The portal: only months with a (published) plan, without status and who generated it. */
  portal?: boolean;
}) {
  const rows: MonthRow<P>[] = MONTH_LABELS.map((_, i) => ({ month: i + 1, plan: monthlyPlans.find((p) => p.month === i + 1) })).filter(
    (row) => !portal || row.plan,
  );
  const columns: TableColumnsType<MonthRow<P>> = [
    {
      title: '月份',
      key: 'month',
      width: 80,
      render: (_, row) => (row.plan ? <Link to={linkTo(row.plan)}>{MONTH_LABELS[row.month - 1]}</Link> : MONTH_LABELS[row.month - 1]),
    },
    { title: '本月任务数', key: 'quota', align: 'right', width: 110, render: (_, row) => (row.plan ? `${row.plan.totalQuota} 家` : '—') },
    { title: '完成期限', key: 'due', width: 120, render: (_, row) => row.plan?.dueDate ?? '—' },
    { title: '发布时间', key: 'published', render: (_, row) => formatDateTime(row.plan?.publishedAt) },
  ];
  if (!portal) {
    columns.splice(1, 0, {
      title: '状态',
      key: 'status',
      width: 100,
      render: (_, row) => (row.plan ? <PlanStatusTag plan={row.plan} /> : <Typography.Text type="secondary">未生成</Typography.Text>),
    });
    columns.splice(4, 0, {
      title: '生成',
      key: 'generated',
      render: (_, row) => (row.plan ? `${generatedBy(row.plan)} · ${formatDateTime(row.plan.generatedAt)}` : '—'),
    });
  }
  if (action) columns.push({ title: '操作', key: 'action', width: 200, render: (_, row) => action(row.month, row.plan) });
  return (
    <Table<MonthRow<P>>
      rowKey="month"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '尚无已发布的月度计划' }}
    />
  );
}


import type { MonthlyPlanSummary } from '@contracts/plans.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Card, Flex, Table } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { monthlyPlansQuery } from '../../api/plans.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { PlanStatusTag } from '../../shared/plans/plan-status-tag.tsx';
import { todayInChinaDayjs } from '../../lib/today.ts';
import { YearFilter } from './year-filter.tsx';

const columns: TableColumnsType<MonthlyPlanSummary> = [
  {
    title: '月份',
    key: 'month',
    width: 120,
    render: (_, plan) => <Link to={`/admin/monthly-plans/${plan.id}`}>{`${plan.year} 年 ${plan.month} 月`}</Link>,
  },
  { title: '制定单位', dataIndex: 'orgName', key: 'org' },
  { title: '状态', key: 'status', render: (_, plan) => <PlanStatusTag plan={plan} /> },
  { title: '本月任务数', key: 'quota', align: 'right', render: (_, plan) => `${plan.totalQuota} 家` },
  { title: '完成期限', dataIndex: 'dueDate', key: 'due' },
  { title: '生成', key: 'generated', render: (_, plan) => `${plan.generatedByName} · ${formatDateTime(plan.generatedAt)}` },
  { title: '发布时间', key: 'publishedAt', render: (_, plan) => formatDateTime(plan.publishedAt) },
];

/** 月度计划: every month's plan of the actor's brigades, newest first, with its status; a month opens its plan. */
export default function MonthlyPlansPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const yearParam = Number(searchParams.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : undefined;
  const list = useQuery(monthlyPlansQuery(year));
  const thisYear = todayInChinaDayjs().year();
  const yearOptions = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: `${y} 年` }));
  const rows = [...(list.data ?? [])].sort(
    (a, b) => b.year - a.year || b.month - a.month || a.orgName.localeCompare(b.orgName, 'zh-CN'),
  );

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="月度计划"
        description="由已发布的年度计划逐月生成：本月各分层的任务数、检查能力和完成期限；发布后据此组织随机抽取。新的月度计划在年度计划页生成。"
      />
      <Card>
        <Flex vertical gap={16}>
          <YearFilter value={year} options={yearOptions} onChange={(value) => setSearchParams(value ? { year: String(value) } : {})} />
          {list.isError ? (
            <LoadFailed onRetry={() => void list.refetch()} />
          ) : (
            <Table<MonthlyPlanSummary>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={list.isFetching}
              pagination={{ pageSize: 24, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: '还没有月度计划：请在年度计划页生成' }}
            />
          )}
        </Flex>
      </Card>
    </Flex>
  );
}

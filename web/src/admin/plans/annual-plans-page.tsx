import { PlusOutlined } from '@ant-design/icons';
import type { AnnualPlanSummary } from '@contracts/plans.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Button, Card, Flex, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { annualPlansQuery } from '../../api/plans.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnnualPlanCreateModal } from './annual-plan-create-modal.tsx';
import { PlanStatusTag } from '../../shared/plans/plan-status-tag.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../session/session-context.ts';
import { todayInChinaDayjs } from '../../lib/today.ts';
import { YearFilter } from './year-filter.tsx';

const columns: TableColumnsType<AnnualPlanSummary> = [
  { title: '年度', dataIndex: 'year', key: 'year', width: 90, render: (year: number) => `${year} 年` },
  { title: '计划名称', key: 'name', render: (_, plan) => <Link to={`/admin/annual-plans/${plan.id}`}>{plan.name}</Link> },
  { title: '制定单位', dataIndex: 'orgName', key: 'org' },
  { title: '状态', key: 'status', render: (_, plan) => <PlanStatusTag plan={plan} /> },
  { title: '发布时间', key: 'publishedAt', render: (_, plan) => formatDateTime(plan.publishedAt) },
  { title: '更新时间', key: 'updatedAt', render: (_, plan) => formatDateTime(plan.updatedAt) },
];

export default function AnnualPlansPage() {
  const { canChange } = useSession();
  const canManage = canChange('plans.manage');
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const yearParam = Number(searchParams.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : undefined;
  const list = useQuery(annualPlansQuery(year));
  const [creating, setCreating] = useState(false);
  const thisYear = todayInChinaDayjs().year();
  const yearOptions = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: `${y} 年` }));

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="年度计划"
        description="年度“双随机、一公开”抽查工作计划：分层比例、频次、权重和不纳入范围，逐月分解为月度抽查计划。"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建年度计划
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex vertical gap={16}>
          <YearFilter value={year} options={yearOptions} onChange={(value) => setSearchParams(value ? { year: String(value) } : {}, { replace: true })} />
          {list.isError ? (
            <LoadFailed onRetry={() => void list.refetch()} />
          ) : (
            <Table<AnnualPlanSummary>
              rowKey="id"
              columns={columns}
              dataSource={list.data ?? []}
              loading={list.isFetching}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: year ? `${year} 年还没有年度计划` : '还没有年度计划' }}
            />
          )}
        </Flex>
      </Card>
      {creating ? (
        <AnnualPlanCreateModal
          onClose={() => setCreating(false)}
          onCreated={(plan) => {
            setCreating(false);
            void navigate(`/admin/annual-plans/${plan.id}`);
          }}
        />
      ) : null}
    </Flex>
  );
}

import type { MonthProgressView } from '@contracts/dashboard.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Card, Progress, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { monthProgressQuery } from '../../api/dashboard.ts';
import { LoadFailed } from '../../components/load-failed.tsx';

type Row = MonthProgressView['plans'][number];

const columns: TableColumnsType<Row> = [
  { title: '大队', dataIndex: 'orgName', key: 'org' },
  {
    title: '月度计划',
    key: 'plan',
    render: (_, p) => (
      <Link to={`/admin/monthly-plans/${p.id}`}>
        {p.totalQuota} 家 · <Tag color={p.status === 'published' ? 'green' : 'default'}>{p.statusLabel}</Tag>
      </Link>
    ),
  },
  {
    title: '抽取',
    key: 'draw',
    render: (_, p) => (p.draw ? <Link to={`/admin/draws/${p.draw.id}`}>{`${p.draw.code}（${p.draw.statusLabel}）`}</Link> : '—'),
  },
  {
    title: '完成情况',
    key: 'done',
    width: 200,
    render: (_, p) =>
      p.draw && p.draw.total > 0 ? (
        <Progress
          percent={Math.round((p.draw.done / p.draw.total) * 100)}
          size="small"
          format={() => `${p.draw!.done}/${p.draw!.total}`}
        />
      ) : (
        '—'
      ),
  },
  {
    title: '下一步',
    key: 'next',
    render: (_, p) => <Typography.Text type={p.draw && p.draw.overdue > 0 ? 'danger' : undefined}>{p.next}</Typography.Text>,
  },
  { title: '完成期限', dataIndex: 'dueDate', key: 'due' },
];

/** 本月进度: each brigade's plan for this month, its draw, how many tasks are done, and the next step. */
export function MonthProgressCard() {
  const progress = useQuery(monthProgressQuery);
  const title = progress.data ? `${progress.data.year} 年 ${progress.data.month} 月抽查进度` : '本月抽查进度';
  return (
    <Card title={title}>
      {progress.isError ? (
        <LoadFailed onRetry={() => void progress.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={progress.data?.plans ?? []}
          loading={progress.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '本月还没有月度计划：请在年度计划页生成（每月最后两个工作日也会自动生成下月计划）' }}
        />
      )}
    </Card>
  );
}

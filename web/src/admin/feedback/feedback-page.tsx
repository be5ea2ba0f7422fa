import type { FeedbackComplaintView, FeedbackRatingView } from '@contracts/publication.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Card, Flex, Rate, Result, Table, Typography } from 'antd';
import { ApiError } from '../../api/client.ts';
import { feedbackQuery } from '../../api/unit-page.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageSpin } from '../../components/page-spin.tsx';
import { formatDateTime } from '../../lib/format.ts';

const TITLE = '回访评价与投诉';

const ratingColumns: TableColumnsType<FeedbackRatingView> = [
  {
    title: '评分',
    dataIndex: 'score',
    width: 220,
    render: (_: unknown, r) => (
      <Flex gap={8} align="center" wrap>
        <Rate disabled value={r.score} style={{ fontSize: 14 }} aria-hidden />
        <span>{r.scoreLabel}</span>
      </Flex>
    ),
  },
  { title: '评价内容', dataIndex: 'comment', render: (v: string) => v || '—' },
  { title: '被检查单位', dataIndex: 'unitName' },
  { title: '检查大队', dataIndex: 'brigadeName' },
  { title: '提交时间', dataIndex: 'submittedAt', width: 170, render: (v: string) => formatDateTime(v) },
];

const complaintColumns: TableColumnsType<FeedbackComplaintView> = [
  { title: '投诉对象', dataIndex: 'inspectorLabel', width: 140 },
  { title: '投诉内容', dataIndex: 'text', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
  { title: '联系方式', dataIndex: 'contact', width: 140, render: (v: string) => v || '未留' },
  { title: '被检查单位', dataIndex: 'unitName' },
  { title: '检查大队', dataIndex: 'brigadeName' },
  { title: '提交时间', dataIndex: 'submittedAt', width: 170, render: (v: string) => formatDateTime(v) },
];

/**
 * /admin/feedback — 纪检's view of what the inspected units said about their inspections (decision 0024): ratings, and
 * complaints about inspectors' conduct (never shown to the brigade that inspected, nor to its own 纪检).
 */
export default function FeedbackPage() {
  const feedback = useQuery(feedbackQuery);
  const header = <PageHeader title={TITLE} description="被检查单位通过整改通知上的核验码对检查作出的评价和投诉，仅纪检部门可见。" />;
  if (feedback.isPending) return <PageSpin />;
  if (feedback.isError) {
    const forbidden = feedback.error instanceof ApiError && feedback.error.status === 403;
    return (
      <>
        {header}
        {forbidden ? <Result status="403" title="无权访问" subTitle={feedback.error.message} /> : <LoadFailed onRetry={() => void feedback.refetch()} />}
      </>
    );
  }
  const data = feedback.data;
  return (
    <>
      {header}
      <Flex vertical gap={16}>
        <Card title={`投诉（${data.complaints?.length ?? 0}）`}>
          {data.complaints ? (
            <Table<FeedbackComplaintView> rowKey="id" size="small" columns={complaintColumns} dataSource={data.complaints} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 900 }} locale={{ emptyText: '暂无投诉' }} />
          ) : (
            <Alert type="info" showIcon message={data.complaintsHiddenReason ?? '投诉不在本账号的查看范围内'} />
          )}
        </Card>
        <Card title={`评价（${data.ratings.length}）`}>
          <Table<FeedbackRatingView> rowKey="id" size="small" columns={ratingColumns} dataSource={data.ratings} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 800 }} locale={{ emptyText: '暂无评价' }} />
        </Card>
        <Typography.Text type="secondary">最多显示最近 500 条。</Typography.Text>
      </Flex>
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { publicationQueueQuery } from '../../api/publications.ts';

/**
 * 公示提醒 on the 工作台 (decision 0024): entries past their publication deadline and withdrawals to carry out, and the
 * on-time rate of the brigades in scope.
 */
export function PublicationRemindersCard() {
  const queue = useQuery(publicationQueueQuery({ view: 'queue' }));
  const items = queue.data?.items ?? [];
  const overdue = items.filter((i) => i.status === 'pending' && i.overdue).length;
  const withdrawals = items.filter((i) => i.status === 'withdrawal_pending').length;
  const records = queue.data?.records ?? [];
  const fellDue = records.reduce((n, r) => n + r.publishedOnTime + r.publishedLate + r.overdue, 0);
  const onTime = records.reduce((n, r) => n + r.publishedOnTime, 0);
  const rate = fellDue === 0 ? null : Math.round((onTime / fellDue) * 1000) / 10;
  return (
    <Card title="公示提醒" extra={<Link to="/admin/publications">公示管理</Link>}>
      <Row gutter={[16, 16]}>
        <Col xs={8}>
          <Statistic title="逾期未公示" value={queue.data ? overdue : '—'} suffix={queue.data ? '条' : null} valueStyle={overdue ? { color: '#cf1322' } : undefined} loading={queue.isPending} />
        </Col>
        <Col xs={8}>
          <Statistic title="待撤回" value={queue.data ? withdrawals : '—'} suffix={queue.data ? '条' : null} valueStyle={withdrawals ? { color: '#d46b08' } : undefined} loading={queue.isPending} />
        </Col>
        <Col xs={8}>
          <Statistic title="按期公示率" value={rate ?? '—'} suffix={rate === null ? null : '%'} loading={queue.isPending} />
        </Col>
      </Row>
    </Card>
  );
}

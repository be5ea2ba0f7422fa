import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { hazardListQuery } from '../../api/documents.ts';

/**
 * 隐患期限提醒 on the 工作台 (decision 0023): hazards whose deadline (开具文书, or the correction date) has passed, and those
 * due today or within two working days — the inspector's own hazards for an inspector, the whole scope for the others.
 */
export function HazardRemindersCard({ mine }: { mine: boolean }) {
  const scope = mine ? ({ mine: 'true' } as const) : {};
  const overdue = useQuery(hazardListQuery({ page: 1, pageSize: 1, overdue: 'true', ...scope }));
  const dueSoon = useQuery(hazardListQuery({ page: 1, pageSize: 1, dueSoon: 'true', ...scope }));
  return (
    <Card title={mine ? '我的隐患期限提醒' : '隐患期限提醒'} extra={<Link to="/admin/hazards">隐患闭环</Link>}>
      <Row gutter={[16, 16]}>
        <Col xs={12}>
          <Link to="/admin/hazards?overdue=true" aria-label="查看已逾期的隐患">
            <Statistic title="已逾期" value={overdue.data?.total ?? '—'} suffix={overdue.data ? '处' : null} valueStyle={overdue.data?.total ? { color: '#cf1322' } : undefined} loading={overdue.isPending} />
          </Link>
        </Col>
        <Col xs={12}>
          <Statistic title="两个工作日内到期" value={dueSoon.data?.total ?? '—'} suffix={dueSoon.data ? '处' : null} valueStyle={dueSoon.data?.total ? { color: '#d46b08' } : undefined} loading={dueSoon.isPending} />
        </Col>
      </Row>
    </Card>
  );
}

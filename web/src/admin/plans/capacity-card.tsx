import type { CapacityView } from '@contracts/plans.ts';
import { Alert, Card, Col, Flex, Row, Statistic } from 'antd';

/** 检查能力: inspector-days × tasks per day ÷ inspectors per task, against the month's demand. */
export function CapacityCard({ capacity }: { capacity: CapacityView }) {
  const stats = [
    { title: '可用执法人日', value: capacity.inspectorDays, suffix: '人日' },
    { title: '每人每日任务数', value: capacity.tasksPerInspectorDay, suffix: '项' },
    { title: '每项任务人数', value: capacity.inspectorsPerTask, suffix: '人' },
    { title: '可承担任务数', value: capacity.capacity, suffix: '项' },
    { title: '本月任务数', value: capacity.demand, suffix: '项' },
  ];
  return (
    <Card title="检查能力">
      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          {stats.map((stat) => (
            <Col key={stat.title} xs={12} md={8} xl={4}>
              <Statistic title={stat.title} value={stat.value} suffix={stat.suffix} />
            </Col>
          ))}
        </Row>
        {capacity.shortfall > 0 ? (
          <Alert
            type="error"
            showIcon
            title={`检查力量不足：本月任务 ${capacity.demand} 项，现有人员最多承担 ${capacity.capacity} 项，缺口 ${capacity.shortfall} 项`}
            description="请减少本月任务数（并说明理由）、调整每人每日任务数，或核实执法人员的请假、抽调和执法证有效期。"
          />
        ) : (
          <Alert type="success" showIcon title={`现有人员可承担本月全部 ${capacity.demand} 项任务`} />
        )}
      </Flex>
    </Card>
  );
}

import type { AnnualCapacityView, AnnualPlanView } from '@contracts/plans.ts';
import type { TableColumnsType } from 'antd';
import { Alert, Card, Col, Flex, Row, Statistic, Table } from 'antd';

type StratumRow = AnnualCapacityView['strata'][number];

const percent = (bp: number) => `${Number.isInteger(bp / 100) ? bp / 100 : (bp / 100).toFixed(1)}%`;

/**
 * 全年检查能力: the working days left this year × the inspectors who can be drawn on them, against what the plan's
 * ratios still ask for, with the ratios that would fit when it does not.
 */
export function AnnualCapacityCard({ plan }: { plan: AnnualPlanView }) {
  const report = plan.capacity;
  if (!report) {
    return (
      <Card title="全年检查能力">
        <Alert type="info" showIcon title={plan.capacityProblem ?? '暂时无法核算全年检查能力'} />
      </Card>
    );
  }
  const stats = [
    { title: '剩余工作日', value: report.workingDays, suffix: '天' },
    { title: '可抽派检查人员', value: report.inspectors, suffix: '名' },
    { title: '可用执法人日', value: report.inspectorDays, suffix: '人日' },
    { title: '可承担任务数', value: report.capacity, suffix: '项' },
    { title: '计划尚需检查', value: report.demand, suffix: '项' },
  ];
  const short = report.shortfall > 0;
  const columns: TableColumnsType<StratumRow> = [
    { title: '分层', dataIndex: 'name', key: 'name' },
    { title: '年度比例', key: 'ratio', align: 'right', render: (_, s) => percent(s.ratioBp) },
    { title: '单位数', dataIndex: 'population', key: 'population', align: 'right' },
    { title: '年度目标', dataIndex: 'target', key: 'target', align: 'right' },
    { title: '本年已检查', dataIndex: 'covered', key: 'covered', align: 'right' },
    { title: '尚需检查', dataIndex: 'remaining', key: 'remaining', align: 'right' },
    { title: '按现有力量可安排', dataIndex: 'fits', key: 'fits', align: 'right' },
    ...(short
      ? [{ title: '可行比例', key: 'fit', align: 'right' as const, render: (_: unknown, s: StratumRow) => percent(s.fitRatioBp) }]
      : []),
  ];
  return (
    <Card title="全年检查能力">
      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          {stats.map((stat) => (
            <Col key={stat.title} xs={12} md={8} xl={4}>
              <Statistic title={stat.title} value={stat.value} suffix={stat.suffix} />
            </Col>
          ))}
        </Row>
        {short ? (
          <Alert
            type="error"
            showIcon
            title={`全年检查力量不足：缺口 ${report.shortfall} 项`}
            description={plan.capacityShortfall}
          />
        ) : (
          <Alert
            type="success"
            showIcon
            title={`现有人员全年可承担 ${report.capacity} 项任务，计划尚需 ${report.demand} 项`}
            description={`自 ${report.from} 起按每人每日 ${report.tasksPerInspectorDay} 项、每项 ${report.inspectorsPerTask} 人计算，已扣除节假日、请假、抽调和执法证到期。`}
          />
        )}
        {plan.capacityNote ? (
          <Alert type="warning" showIcon title="超出检查能力发布的说明" description={plan.capacityNote} />
        ) : null}
        <Table<StratumRow>
          rowKey="code"
          size="small"
          columns={columns}
          dataSource={report.strata}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Flex>
    </Card>
  );
}

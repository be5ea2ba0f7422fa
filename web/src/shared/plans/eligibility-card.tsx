import type { EligibilitySummaryView } from '@contracts/plans.ts';
import type { TableColumnsType } from 'antd';
import { Button, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format.ts';
import type { PlanUnitsFilter } from '../../api/plans.ts';

type StratumRow = EligibilitySummaryView['strata'][number];
type ReasonRow = EligibilitySummaryView['excludedByReason'][number];

/** What a count opens: the units behind it, with a title for the drawer. */
export type OpenUnits = (filter: PlanUnitsFilter, title: string) => void;

/** A count; with `onOpen` a button that lists the units behind it. */
function CountCell({ n, filter, title, label, onOpen }: { n: number; filter: PlanUnitsFilter; title: string; label: string; onOpen?: OpenUnits }) {
  if (!onOpen || n === 0) return n.toLocaleString();
  return (
    <Button type="link" size="small" style={{ padding: 0 }} aria-label={label} onClick={() => onOpen(filter, title)}>
      {n.toLocaleString()}
    </Button>
  );
}

/** 候选单位 / 不纳入 totals, with a line of explanation beside them. */
export function EligibilityTotals({ candidates, excluded, children }: { candidates: number; excluded: number; children?: ReactNode }) {
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={12} md={6}>
        <Statistic title="候选单位" value={candidates} suffix="家" />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title="不纳入" value={excluded} suffix="家" />
      </Col>
      <Col xs={24} md={12}>
        <Typography.Text type="secondary">{children}</Typography.Text>
      </Col>
    </Row>
  );
}

/** Units left out per reason (reasons with none are not listed). */
export function ExcludedReasonsTable({ rows, onOpen }: { rows: ReasonRow[]; onOpen?: OpenUnits }) {
  const columns: TableColumnsType<ReasonRow> = [
    { title: '不纳入原因', dataIndex: 'label', key: 'label' },
    {
      title: '单位数',
      key: 'count',
      align: 'right',
      width: 120,
      render: (_, row) => (
        <CountCell n={row.count} filter={{ reason: row.reason }} title={`不纳入：${row.label}`} label={`查看不纳入原因为${row.label}的单位`} onOpen={onOpen} />
      ),
    },
  ];
  return (
    <Table<ReasonRow>
      rowKey="reason"
      size="small"
      columns={columns}
      dataSource={rows.filter((row) => row.count > 0)}
      pagination={false}
      locale={{ emptyText: '没有不纳入的单位' }}
    />
  );
}

/**
 * 候选与不纳入: how many units are candidates per stratum and how many are left out per reason. With
 * `onOpen`, every count is a button that lists its units (admin); without, counts only (the portal).
 */
export function EligibilityCard({
  eligibility,
  onOpen,
}: {
  eligibility: EligibilitySummaryView;
  onOpen?: OpenUnits;
}) {
  const strataColumns: TableColumnsType<StratumRow> = [
    { title: '分层', dataIndex: 'name', key: 'name' },
    { title: '范围内单位', key: 'population', align: 'right', render: (_, row) => row.population.toLocaleString() },
    { title: '本年已覆盖', key: 'covered', align: 'right', render: (_, row) => row.covered.toLocaleString() },
    {
      title: '候选单位',
      key: 'candidates',
      align: 'right',
      render: (_, row) => (
        <CountCell
          n={row.candidates}
          filter={{ reason: 'candidate', stratum: row.code }}
          title={`候选单位：${row.name}`}
          label={`查看${row.name}的候选单位`}
          onOpen={onOpen}
        />
      ),
    },
  ];
  return (
    <Card title="候选单位与不纳入情况">
      <EligibilityTotals candidates={eligibility.candidates} excluded={eligibility.excluded}>
        按 {eligibility.on} 的条件计算（计算时间 {formatDateTime(eligibility.computedAt)}）。
        {onOpen ? '点击数字可查看对应的单位。' : '按规定不公开单位名单，抽取结果将在抽取后公示。'}
      </EligibilityTotals>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={13}>
          <Table<StratumRow>
            rowKey="code"
            size="small"
            columns={strataColumns}
            dataSource={eligibility.strata}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </Col>
        <Col xs={24} xl={11}>
          <ExcludedReasonsTable rows={eligibility.excludedByReason} onOpen={onOpen} />
        </Col>
      </Row>
    </Card>
  );
}

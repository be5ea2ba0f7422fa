import type { StratumQuotaView } from '@contracts/plans.ts';
import type { TableColumnsType } from 'antd';
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';

const count = (n: number | null) => (n === null ? '—' : n.toLocaleString());

/**
 * The quota table of a monthly plan or campaign, one row per stratum: 年度目标 → 已覆盖 → 剩余 → ÷ 剩余月数
 * = 计算值, capped by 候选单位数, and 本月任务数 with its 备选 and 缺口. `editQuota` / `editReason` replace
 * the last two cells with editors (a draft plan); otherwise the adjusted quota is marked 已调整.
 */
export function QuotaTable({
  quotas,
  editQuota,
  editReason,
}: {
  quotas: StratumQuotaView[];
  editQuota?: (row: StratumQuotaView, index: number) => ReactNode;
  editReason?: (row: StratumQuotaView, index: number) => ReactNode;
}) {
  const columns: TableColumnsType<StratumQuotaView> = [
    { title: '分层', dataIndex: 'name', key: 'name', fixed: 'left', width: 160 },
    {
      title: '年度目标',
      key: 'target',
      align: 'right',
      render: (_, row) => (row.target === null ? <Typography.Text type="secondary">不设目标</Typography.Text> : count(row.target)),
    },
    { title: '已覆盖', key: 'covered', align: 'right', render: (_, row) => count(row.covered) },
    { title: '剩余', key: 'remaining', align: 'right', render: (_, row) => count(row.remaining) },
    { title: '剩余月数', key: 'monthsLeft', align: 'right', render: (_, row) => count(row.monthsLeft) },
    { title: '计算值', key: 'computed', align: 'right', render: (_, row) => count(row.computed) },
    { title: '候选单位数', key: 'candidates', align: 'right', render: (_, row) => count(row.candidates) },
    {
      title: '本月任务数',
      key: 'quota',
      align: 'right',
      width: editQuota ? 150 : undefined,
      render: (_, row, index) =>
        editQuota ? (
          editQuota(row, index)
        ) : (
          <>
            <Typography.Text strong>{count(row.quota)}</Typography.Text>
            {row.adjustReason ? (
              <Tooltip title={`调整理由：${row.adjustReason}`}>
                <Tag color="orange" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                  已调整
                </Tag>
              </Tooltip>
            ) : null}
          </>
        ),
    },
    { title: '备选', key: 'alternates', align: 'right', render: (_, row) => count(row.alternates) },
    {
      title: '缺口',
      key: 'shortBy',
      align: 'right',
      render: (_, row) => (row.shortBy > 0 ? <Typography.Text type="danger">{count(row.shortBy)}</Typography.Text> : '0'),
    },
    {
      title: '调整理由',
      key: 'reason',
      width: editReason ? 260 : undefined,
      render: (_, row, index) =>
        editReason ? editReason(row, index) : <div style={{ minWidth: 120, maxWidth: 280, whiteSpace: 'normal' }}>{row.adjustReason ?? '—'}</div>,
    },
  ];
  const total = (pick: (row: StratumQuotaView) => number) => quotas.reduce((sum, row) => sum + pick(row), 0);
  return (
    <Table<StratumQuotaView>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={quotas}
      pagination={false}
      scroll={{ x: 'max-content' }}
      summary={() =>
        editQuota ? null : (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            <Table.Summary.Cell index={1} colSpan={5} />
            <Table.Summary.Cell index={6} align="right">
              {count(total((row) => row.candidates))}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              <Typography.Text strong>{count(total((row) => row.quota))}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8} align="right">
              {count(total((row) => row.alternates))}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={9} colSpan={2} />
          </Table.Summary.Row>
        )
      }
    />
  );
}

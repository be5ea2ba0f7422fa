import type { DrawSummary } from '@contracts/draws.ts';
import type { TableColumnsType } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { Card } from 'antd';
import { Link } from 'react-router';
import { QueryTable } from '../../components/query-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { DrawStatusTag } from './draw-status-tag.tsx';
import { HashText } from './hash-text.tsx';

/** Draws as a table (admin list and portal list) in a card: code, plan, org, status, times and the manifest hash. */
export function DrawsCard({
  list,
  linkTo,
  emptyText,
}: {
  list: UseQueryResult<DrawSummary[]>;
  linkTo: (draw: DrawSummary) => string;
  emptyText: string;
}) {
  const columns: TableColumnsType<DrawSummary> = [
    { title: '抽取编号', key: 'code', render: (_, d) => <Link to={linkTo(d)}>{d.code}</Link> },
    { title: '抽查计划', dataIndex: 'sourceLabel', key: 'source' },
    { title: '组织单位', dataIndex: 'orgName', key: 'org' },
    { title: '状态', key: 'status', render: (_, d) => <DrawStatusTag draw={d} /> },
    { title: '冻结时间', key: 'frozen', render: (_, d) => formatDateTime(d.frozenAt) },
    { title: '执行 / 作废时间', key: 'executed', render: (_, d) => formatDateTime(d.voidedAt ?? d.executedAt) },
    { title: '清单哈希', key: 'hash', render: (_, d) => <HashText hash={d.manifestHash} short /> },
  ];
  return (
    <Card>
      <QueryTable<DrawSummary> list={list} columns={columns} emptyText={emptyText} size="middle" />
    </Card>
  );
}

import type { AnomalyView } from '@contracts/callbacks.ts';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Card, Flex, Result, Select, Table, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { anomaliesQuery } from '../../api/callbacks.ts';
import { ApiError } from '../../api/client.ts';
import { LoadFailed } from '../../components/load-failed.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageSpin } from '../../components/page-spin.tsx';
import { formatDateTime } from '../../lib/format.ts';

type Voided = AnomalyView['voidedDraws'][number];
type Replacer = AnomalyView['frequentReplacers'][number];
type Bar = AnomalyView['barsBeforeDraws'][number];
type Correction = AnomalyView['corrections'][number];

const voidedColumns: TableColumnsType<Voided> = [
  { title: '抽取编号', dataIndex: 'code', render: (v: string, r) => <Link to={`/admin/draws/${r.drawId}`} data-latin>{v}</Link> },
  { title: '机构', dataIndex: 'orgName' },
  { title: '作废时间', dataIndex: 'voidedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
  { title: '作废人', dataIndex: 'voidedBy', width: 100 },
  { title: '作废理由', dataIndex: 'reason' },
  { title: '作废前是否已执行', dataIndex: 'wasExecuted', width: 140, render: (v: boolean) => (v ? '已执行' : '未执行') },
];

const replacerColumns: TableColumnsType<Replacer> = [
  { title: '递补操作人', dataIndex: 'name', width: 120 },
  { title: '近 30 天递补（次）', dataIndex: 'count', width: 150 },
  { title: '辖区中位数', dataIndex: 'median', width: 110 },
  {
    title: '最近的递补',
    key: 'latest',
    render: (_: unknown, r) => (
      <Flex vertical gap={2}>
        {r.latest.map((l) => (
          <span key={`${l.taskId}-${l.at}`}>
            <Link to={`/admin/tasks/${l.taskId}`}>
              <span data-latin>{l.drawCode}</span> 的任务
            </Link>{' '}
            {formatDateTime(l.at)}：{l.reason}
          </span>
        ))}
      </Flex>
    ),
  },
];

const barColumns: TableColumnsType<Bar> = [
  { title: '类型', dataIndex: 'kindLabel', width: 70 },
  { title: '检查人员', dataIndex: 'inspectorName', width: 100, render: (v: string, r) => <Link to={`/admin/inspectors/${r.inspectorId}`}>{v}</Link> },
  { title: '回避单位', dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
  { title: '理由', dataIndex: 'reason' },
  { title: '登记', key: 'created', width: 180, render: (_: unknown, r) => `${r.createdBy} ${formatDateTime(r.createdAt)}` },
  { title: '随后的抽取', key: 'draw', width: 200, render: (_: unknown, r) => <Link to={`/admin/draws/${r.drawId}`}><span data-latin>{r.drawCode}</span>（{r.daysBefore} 天后冻结）</Link> },
];

const correctionColumns: TableColumnsType<Correction> = [
  { title: '单位', dataIndex: 'unitName', render: (v: string, r) => <Link to={`/admin/records/${r.recordId}`}>{v}</Link> },
  { title: '大队', dataIndex: 'orgName', width: 140 },
  { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `第 ${v} 版` },
  { title: '更正人', dataIndex: 'by', width: 100 },
  { title: '更正时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
  { title: '更正的内容', dataIndex: 'fields', render: (v: string[]) => (v.length ? v.join('、') : '—') },
  { title: '更正理由', dataIndex: 'reason' },
];

const DAY_OPTIONS = [30, 90, 180, 365].map((d) => ({ value: d, label: `近 ${d} 天` }));

/**
 * /admin/anomalies — 异常线索 for 纪检 and the system administrator (decision 0026), read-only: voided draws, many 递补 by
 * one person, freezes and 回避 registered shortly before a draw, records corrected after submission. Each row links
 * to its record; the rules are stated on the page.
 */
export default function AnomaliesPage() {
  const [params, setParams] = useSearchParams();
  const days = Number(params.get('days') ?? 90) || 90;
  const query = useQuery(anomaliesQuery(days));
  const header = <PageHeader title="异常线索" description="从系统记录中筛出值得纪检关注的情况，仅作线索，不作结论。" />;
  if (query.isPending) return <PageSpin />;
  if (query.isError) {
    const forbidden = query.error instanceof ApiError && query.error.status === 403;
    return (
      <>
        {header}
        {forbidden ? <Result status="403" title="无权访问" subTitle={query.error.message} /> : <LoadFailed onRetry={() => void query.refetch()} />}
      </>
    );
  }
  const v = query.data;
  const table = <T extends object>(rowKey: (r: T) => string, columns: TableColumnsType<T>, data: T[], empty: string, x: number) => (
    <Table<T> rowKey={rowKey} size="small" columns={columns} dataSource={data} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x }} locale={{ emptyText: empty }} />
  );
  return (
    <>
      {header}
      <Card size="small">
        <Flex gap={12} align="center" wrap style={{ marginBottom: 8 }}>
          <span>期间</span>
          <Select aria-label="期间" style={{ width: 140 }} value={days} options={DAY_OPTIONS} onChange={(d: number) => setParams({ days: String(d) })} />
        </Flex>
        <Tabs
          items={[
            { key: 'voided', label: `作废的抽取（${v.voidedDraws.length}）`, children: table<Voided>((r) => r.drawId, voidedColumns, v.voidedDraws, '没有作废的抽取', 860) },
            {
              key: 'replacements',
              label: `频繁递补（${v.frequentReplacers.length}）`,
              children: (
                <>
                  <Typography.Paragraph type="secondary">规则：{v.rules.replacements}。</Typography.Paragraph>
                  {table<Replacer>((r) => r.by, replacerColumns, v.frequentReplacers, '没有符合规则的递补', 760)}
                </>
              ),
            },
            {
              key: 'bars',
              label: `抽取前冻结或回避（${v.barsBeforeDraws.length}）`,
              children: (
                <>
                  <Typography.Paragraph type="secondary">规则：{v.rules.bars}。</Typography.Paragraph>
                  {table<Bar>((r) => `${r.kind}-${r.inspectorId}-${r.createdAt}-${r.drawId}`, barColumns, v.barsBeforeDraws, '没有抽取前不久登记的冻结或回避', 900)}
                </>
              ),
            },
            { key: 'corrections', label: `提交后更正的记录（${v.corrections.length}）`, children: table<Correction>((r) => r.recordId, correctionColumns, v.corrections, '没有提交后更正的检查记录', 900) },
          ]}
        />
      </Card>
    </>
  );
}

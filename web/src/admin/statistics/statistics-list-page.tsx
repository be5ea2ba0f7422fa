import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import { COUNT_FIGURE_DEFINITIONS, COUNT_FIGURES, GROUP_KEYS, type CountFigure, type GroupKey, type StatisticsListRowView } from '@contracts/statistics.ts';
import { statisticsExportUrl, statisticsListQuery, type StatisticsListParams } from '../../api/statistics.ts';
import { BackLink } from '../../components/back-link.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { todayInChina } from '../../lib/today.ts';

/** 统计明细: the rows behind one figure (of one group, or the whole scope), each linking to its task, record, case… */
export default function StatisticsListPage() {
  const [search, setSearch] = useSearchParams();
  const today = todayInChina();
  const figure = (COUNT_FIGURES as readonly string[]).includes(search.get('figure') ?? '') ? (search.get('figure') as CountFigure) : 'drawn';
  const group = (GROUP_KEYS as readonly string[]).includes(search.get('group') ?? '') ? (search.get('group') as GroupKey) : 'month';
  const params: StatisticsListParams = { from: search.get('from') ?? `${today.slice(0, 4)}-01`, to: search.get('to') ?? today.slice(0, 7), group, figure, key: search.get('key') ?? undefined, page: Number(search.get('page') ?? '1') || 1 };
  const query = useQuery(statisticsListQuery(params));
  const back = `/admin/statistics?${new URLSearchParams({ from: params.from, to: params.to, group }).toString()}`;
  const withAmount = figure === 'penalties' || figure === 'penaltyAmount' || figure === 'planned';
  const columns: ColumnsType<StatisticsListRowView> = [
    { title: '大队', dataIndex: 'orgName', width: 120 },
    { title: '单位名称', dataIndex: 'unitName', render: (v: string | null, r) => (r.link ? <Link to={r.link}>{v ?? '查看'}</Link> : (v ?? '—')) },
    { title: '日期', dataIndex: 'day', width: 110 },
    { title: '说明', dataIndex: 'detail', ellipsis: true },
    ...(withAmount ? [{ title: figure === 'planned' ? '计划抽查数（家）' : '罚款金额（元）', dataIndex: 'amount', align: 'right' as const, width: 140, render: (v: number) => v.toLocaleString('zh-CN') }] : []),
  ];
  return (
    <>
      <BackLink to={back}>返回统计分析</BackLink>
      <PageHeader
        title={`统计明细：${COUNT_FIGURE_DEFINITIONS[figure].name}`}
        description={COUNT_FIGURE_DEFINITIONS[figure].description}
        extra={
          <Button href={statisticsExportUrl({ ...params, page: undefined })} download>
            导出 Excel
          </Button>
        }
      />
      <QueryGate query={query} notFound={{ title: '没有该统计明细', backTo: back, backText: '返回统计分析' }}>
        {(view) => (
          <Card size="small" title={`${view.groupLabel}（${params.from} 至 ${params.to}）共 ${view.total} 条`}>
            {view.truncated ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`导出 Excel 含前 ${view.exportLimit} 条；在此可逐页查看全部 ${view.total} 条`} /> : null}
            <Table<StatisticsListRowView>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={view.rows}
              loading={query.isFetching}
              pagination={{
                current: view.page,
                pageSize: view.pageSize,
                total: view.total,
                showSizeChanger: false,
                onChange: (page) => {
                  const next = new URLSearchParams(search);
                  next.set('page', String(page));
                  setSearch(next);
                },
              }}
              scroll={{ x: 'max-content' }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              明细与统计数字来自同一查询，条数与统计表一致。
            </Typography.Text>
          </Card>
        )}
      </QueryGate>
    </>
  );
}

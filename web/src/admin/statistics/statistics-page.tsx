import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  COUNT_FIGURE_DEFINITIONS,
  COUNT_FIGURES,
  formatRate,
  GROUP_KEY_LABELS,
  GROUP_KEYS,
  RATE_FIGURE_DEFINITIONS,
  RATE_FIGURES,
  type CountFigure,
  type GroupKey,
  type StatisticsGroupView,
  type StatisticsShareView,
  type StatisticsView,
} from '@contracts/statistics.ts';
import { applyWarningWeight, statisticsExportUrl, statisticsQuery, type StatisticsParams } from '../../api/statistics.ts';
import { useNotifiedMutation } from '../../hooks/use-notified-mutation.ts';
import { useSession } from '../../session/session-context.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { QueryGate } from '../../components/query-gate.tsx';
import { todayInChina } from '../../lib/today.ts';
import { StatisticsChart } from './statistics-chart.tsx';

/** The months offered in the period selectors: this year and the two before, newest first. */
function monthOptions(today: string) {
  const year = Number(today.slice(0, 4));
  const last = Number(today.slice(5, 7));
  const out: { value: string; label: string }[] = [];
  for (let y = year; y >= year - 2; y--) for (let m = y === year ? last : 12; m >= 1; m--) out.push({ value: `${y}-${String(m).padStart(2, '0')}`, label: `${y}年${m}月` });
  return out;
}

/** Reads the period and grouping from the address (so a drill-down's 「返回」 comes back to the same view). */
export function useStatisticsParams(): [StatisticsParams, (next: Partial<StatisticsParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const today = todayInChina();
  const group = (GROUP_KEYS as readonly string[]).includes(search.get('group') ?? '') ? (search.get('group') as GroupKey) : 'month';
  const params = { from: search.get('from') ?? `${today.slice(0, 4)}-01`, to: search.get('to') ?? today.slice(0, 7), group };
  return [params, (next) => setSearch({ ...params, ...next }, { replace: true })];
}

export const listHref = (p: StatisticsParams, figure: CountFigure, key?: string) => {
  const q = new URLSearchParams({ from: p.from, to: p.to, group: p.group, figure, ...(key === undefined ? {} : { key }) });
  return `/admin/statistics/list?${q.toString()}`;
};

const KPI_FIGURES: { title: string; value: (v: StatisticsView) => string; figure: CountFigure; hint: (v: StatisticsView) => string }[] = [
  { title: '完成率', figure: 'drawn', value: (v) => formatRate(v.total.rates.completionRate), hint: (v) => `计划 ${v.total.counts.planned} · 抽取 ${v.total.counts.drawn} · 已检查 ${v.total.counts.inspected} · 无法检查 ${v.total.counts.unable}` },
  { title: '按期完成率', figure: 'doneOnTime', value: (v) => formatRate(v.total.rates.onTimeRate), hint: (v) => `按期 ${v.total.counts.doneOnTime} / 已完成 ${v.total.counts.inspected + v.total.counts.unable}` },
  { title: '不合格率', figure: 'failed', value: (v) => formatRate(v.total.rates.failureRate), hint: (v) => `发现隐患 ${v.total.counts.failed} 家 / 已检查 ${v.total.counts.inspected} 家` },
  { title: '复查按期率', figure: 'reinspections', value: (v) => formatRate(v.total.rates.reinspectionOnTimeRate), hint: (v) => `按期 ${v.total.counts.reinspectionsOnTime} / 复查 ${v.total.counts.reinspections}` },
  { title: '行政处罚', figure: 'penalties', value: (v) => `${v.total.counts.penalties} 件`, hint: (v) => `罚款 ${v.total.counts.penaltyAmount.toLocaleString('zh-CN')} 元` },
  { title: '责令改正通知书', figure: 'notices', value: (v) => `${v.total.counts.notices} 份`, hint: (v) => `隐患 ${v.total.counts.hazards} 条` },
  { title: '结果公示率', figure: 'published', value: (v) => formatRate(v.total.rates.publicationRate), hint: (v) => `已公示 ${v.total.counts.published} / 应公示 ${v.total.counts.resultEntries}` },
  { title: '联合检查', figure: 'jointInspections', value: (v) => `${v.total.counts.jointInspections} 次`, hint: (v) => `临时查封 ${v.total.counts.sealings} 次` },
];

export default function StatisticsPage() {
  const [params, setParams] = useStatisticsParams();
  const query = useQuery(statisticsQuery(params));
  const months = useMemo(() => monthOptions(todayInChina()), []);
  return (
    <>
      <PageHeader
        title="统计分析"
        description="本级及下辖机构的抽查、执法与公示情况。比率由合计数重新计算，不取各单位比率的平均；点击数字查看明细。"
        extra={
          <Button href={statisticsExportUrl(params)} download>
            导出 Excel
          </Button>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select aria-label="起始月份" style={{ width: 140 }} value={params.from} options={months} onChange={(from: string) => setParams({ from, ...(from > params.to ? { to: from } : {}) })} />
        <Typography.Text style={{ alignSelf: 'center' }}>至</Typography.Text>
        <Select aria-label="截止月份" style={{ width: 140 }} value={params.to} options={months} onChange={(to: string) => setParams({ to, ...(to < params.from ? { from: to } : {}) })} />
        <Select aria-label="分组" style={{ width: 150 }} value={params.group} options={GROUP_KEYS.map((g) => ({ value: g, label: GROUP_KEY_LABELS[g] }))} onChange={(group: GroupKey) => setParams({ group })} />
      </Flex>
      <QueryGate query={query} notFound={{ title: '没有统计数据', backTo: '/admin', backText: '返回工作台' }}>{(view) => <StatisticsBody view={view} params={params} />}</QueryGate>
    </>
  );
}

function StatisticsBody({ view, params }: { view: StatisticsView; params: StatisticsParams }) {
  const categories = useMemo(() => view.groups.map((g) => g.label), [view]);
  const barSeries = useMemo(
    () => (['planned', 'drawn', 'inspected', 'failed'] as const).filter((f) => view.groups.some((g) => g.counts[f] !== null)).map((f) => ({ name: COUNT_FIGURE_DEFINITIONS[f].name, kind: 'bar' as const, values: view.groups.map((g) => g.counts[f]) })),
    [view],
  );
  const rateSeries = useMemo(
    () => [
      ...(['hazards', 'notices', 'penalties'] as const).map((f) => ({ name: COUNT_FIGURE_DEFINITIONS[f].name, kind: (params.group === 'month' ? 'line' : 'bar') as 'line' | 'bar', values: view.groups.map((g) => g.counts[f]) })),
      { name: RATE_FIGURE_DEFINITIONS.failureRate.name, kind: 'line' as const, percent: true, values: view.groups.map((g) => g.rates.failureRate) },
    ],
    [view, params.group],
  );
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        统计范围：{view.scopeName}；期间：{view.from} 至 {view.to}
      </Typography.Text>
      <Row gutter={[12, 12]}>
        {KPI_FIGURES.map((k) => (
          <Col key={k.title} xs={12} md={6} xl={6} xxl={3}>
            <Card size="small">
              <Link to={listHref(params, k.figure)} aria-label={`${k.title}明细`}>
                <Statistic title={k.title} value={k.value(view)} />
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {k.hint(view)}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      {view.groups.length === 0 ? (
        <Card>
          <Empty description="所选期间没有数据" />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={`计划、抽取与检查（${GROUP_KEY_LABELS[params.group]}）`}>
              <StatisticsChart categories={categories} series={barSeries} ariaLabel="计划、抽取与检查图表" />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={`隐患、执法与不合格率（${GROUP_KEY_LABELS[params.group]}）`}>
              <StatisticsChart categories={categories} series={rateSeries} ariaLabel="隐患、执法与不合格率图表" />
            </Card>
          </Col>
        </Row>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <SharesCard title="隐患类别（按检查内容）" shares={view.composition.hazardsByLine} unit="条" href={listHref(params, 'hazards')} empty="所选期间没有登记隐患" />
        </Col>
        <Col xs={24} xl={10}>
          <SharesCard title="无法检查的原因" shares={view.composition.unableByReason} unit="家" href={listHref(params, 'unable')} empty="所选期间没有无法检查的任务" />
        </Col>
      </Row>
      <WarningCard view={view} />
      <Card size="small" title="分组统计表">
        <FiguresTable view={view} params={params} />
      </Card>
    </Flex>
  );
}

function FiguresTable({ view, params }: { view: StatisticsView; params: StatisticsParams }) {
  type Row = StatisticsGroupView & { isTotal?: boolean };
  const rows: Row[] = [...view.groups, { key: '__total', label: '合计', counts: view.total.counts, rates: view.total.rates, isTotal: true }];
  const columns: ColumnsType<Row> = [
    { title: GROUP_KEY_LABELS[params.group].replace('按', ''), dataIndex: 'label', fixed: 'left', width: 120, render: (v: string, r) => (r.isTotal ? <strong>{v}</strong> : v) },
    ...COUNT_FIGURES.map((f) => ({
      title: COUNT_FIGURE_DEFINITIONS[f].name,
      key: f,
      align: 'right' as const,
      width: 104,
      render: (_: unknown, r: Row) => {
        const value = r.counts[f];
        if (value === null) return '—';
        const text = f === 'penaltyAmount' ? value.toLocaleString('zh-CN') : String(value);
        return value === 0 ? (
          text
        ) : (
          <Link to={listHref(params, f, r.isTotal ? undefined : r.key)} aria-label={`${r.label}${COUNT_FIGURE_DEFINITIONS[f].name}：${text}`}>
            {text}
          </Link>
        );
      },
    })),
    ...RATE_FIGURES.map((rate) => ({ title: RATE_FIGURE_DEFINITIONS[rate].name, key: rate, align: 'right' as const, width: 96, render: (_: unknown, r: Row) => formatRate(r.rates[rate]) })),
  ];
  return <Table<Row> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />;
}

/** A figure split into its parts (hazards by checklist line, 无法检查 by reason), with the list behind the figure. */
function SharesCard({ title, shares, unit, href, empty }: { title: string; shares: StatisticsShareView[]; unit: string; href: string; empty: string }) {
  const total = shares.reduce((n, s) => n + s.count, 0);
  return (
    <Card size="small" title={title} extra={<Link to={href}>查看明细</Link>}>
      {shares.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <Table<StatisticsShareView>
          rowKey={(s) => s.key || '其他'}
          size="small"
          pagination={false}
          dataSource={shares}
          columns={[
            { title: '类别', dataIndex: 'label', key: 'label' },
            { title: '数量', key: 'count', align: 'right', width: 80, render: (_, s) => `${s.count} ${unit}` },
            { title: '占比', key: 'share', align: 'right', width: 80, render: (_, s) => formatRate(total === 0 ? null : s.count / total) },
          ]}
        />
      )}
    </Card>
  );
}

function WarningCard({ view }: { view: StatisticsView }) {
  const w = view.warning;
  const { canChange, session } = useSession();
  const queryClient = useQueryClient();
  // The weight goes into the annual plan of the actor's own org: a brigade's administrator.
  const canApply = canChange('plans.manage') && session.org.kind === 'brigade';
  const apply = useNotifiedMutation(
    applyWarningWeight,
    { success: (r) => `已加入「${r.annualPlanName}」（第 ${r.revision} 次修订）：${r.appliesTo.slice(0, 4)}年${Number(r.appliesTo.slice(5))}月计划中该区域单位的抽取权重 ×${r.factor}` },
    { refresh: () => void queryClient.invalidateQueries({ queryKey: ['plans'] }) },
  );
  return (
    <Card size="small" title={`不合格率预警（${w.month.slice(0, 4)}年${Number(w.month.slice(5))}月，对比前 12 个月）`}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        检验方法：{w.test}。
      </Typography.Paragraph>
      {w.items.length === 0 ? (
        <Alert type="success" showIcon message="本月没有不合格率显著上升的行政区划或行业" />
      ) : (
        <Flex vertical gap={8}>
          {w.items.map((item) => (
            <Alert
              key={`${item.dimension}-${item.key}`}
              type="warning"
              showIcon
              message={
                <span>
                  <Tag>{item.dimension === 'district' ? '行政区划' : '行业'}</Tag>
                  {item.label}：本月不合格 {item.failures}/{item.inspections}（{formatRate(item.rate)}），前 12 个月 {item.baselineFailures}/{item.baselineInspections}（{formatRate(item.baselineRate)}）
                </span>
              }
              description={`建议下月抽查风险权重 ×${item.riskWeight}（偶然出现的概率 ${item.pValue < 0.0001 ? '小于 0.0001' : item.pValue.toFixed(4)}）。加入后，下月计划中该${item.dimension === 'district' ? '行政区划' : '行业'}单位被抽中的权重取整后乘以该倍数（至少 ×2），并随年度计划公开。`}
              action={
                canApply ? (
                  <Button
                    size="small"
                    loading={apply.isPending && apply.variables?.key === item.key && apply.variables.dimension === item.dimension}
                    onClick={() => apply.mutate({ month: w.month, dimension: item.dimension, key: item.key })}
                  >
                    用作下月计划权重
                  </Button>
                ) : undefined
              }
            />
          ))}
        </Flex>
      )}
    </Card>
  );
}

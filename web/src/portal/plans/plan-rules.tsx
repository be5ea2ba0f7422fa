import type { PublicPlanSettings } from '@contracts/plans.ts';
import type { TableColumnsType } from 'antd';
import { Card, Col, Row, Table, Typography } from 'antd';
import { UNIT_CATEGORY_LABELS, labelOf } from '../../lib/registry-labels.ts';
import { AreaWeights } from '../../shared/plans/area-weights.tsx';
import { DEFAULT_LEVEL_LABELS, INSPECTOR_POOL_LABELS, describeFilter, formatBp, formatRatio } from '../../shared/plans/labels.ts';

type WeightRow = { code: string; label: string; weight: number };

const weightColumns = (title: string): TableColumnsType<WeightRow> => [
  { title, dataIndex: 'label', key: 'label' },
  { title: '权重', dataIndex: 'weight', key: 'weight', align: 'right', width: 100 },
];

/** Rows in the seeded level order (高 → 低, A → D), other codes after them. */
function weightRows(table: Record<string, number>, kind: 'risk' | 'credit'): WeightRow[] {
  const known = Object.keys(DEFAULT_LEVEL_LABELS[kind]);
  const rank = (code: string) => (known.includes(code) ? known.indexOf(code) : known.length);
  return Object.entries(table)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([code, weight]) => ({ code, label: DEFAULT_LEVEL_LABELS[kind][code] ?? code, weight }));
}

type Stratum = PublicPlanSettings['strata'][number];

const strataColumns: TableColumnsType<Stratum & { order: number }> = [
  { title: '顺序', dataIndex: 'order', key: 'order', width: 64 },
  { title: '抽查对象', dataIndex: 'name', key: 'name' },
  { title: '范围', key: 'filter', render: (_, s) => describeFilter(s.filter) },
  { title: '年度抽查比例', key: 'ratio', render: (_, s) => formatRatio(s.annualRatioBp) },
];

const Paragraph = Typography.Paragraph;


/** An annual plan's rules in plain Chinese, as published on the portal. */
export function PlanRules({ settings }: { settings: PublicPlanSettings }) {
  const strata = settings.strata.filter((s) => s.enabled).map((s, i) => ({ ...s, order: i + 1 }));
  const f = settings.frequency;
  const a = settings.assignment;
  const adjustments = Object.entries(settings.riskRatioAdjustmentsBp).filter(([, bp]) => bp !== 0);
  const ex = settings.exclusions;

  return (
    <>
      <Card title="一、抽查事项">
        <Paragraph style={{ marginBottom: 0 }}>
          本计划覆盖的随机抽查事项：{settings.checkItemCodes.length ? settings.checkItemCodes.join('、') : '（未列明）'}。
        </Paragraph>
      </Card>
      <Card title="二、抽查对象及抽查比例">
        <Paragraph>
          检查对象按下表顺序归入第一个符合条件的类别，各类别按年度抽查比例确定全年至少抽查的单位数，并按剩余月份逐月分解到月度抽查计划。
        </Paragraph>
        <Table rowKey="code" size="small" columns={strataColumns} dataSource={strata} pagination={false} scroll={{ x: 'max-content' }} />
        {adjustments.length ? (
          <Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
            按风险等级调整抽查比例：
            {adjustments
              .map(([code, bp]) => `风险等级「${DEFAULT_LEVEL_LABELS.risk[code] ?? code}」的单位${bp > 0 ? '上浮' : '下调'} ${formatBp(Math.abs(bp))}`)
              .join('；')}
            （调整后的比例在 0%–100% 之间）。
          </Paragraph>
        ) : null}
      </Card>
      <Card title="三、抽查频次">
        <Paragraph>
          对同一检查对象，每个自然年内抽查不超过 {f.maxPerYear} 次（不含复查），两次抽查间隔至少 {f.minIntervalMonths} 个月。
        </Paragraph>
        <Paragraph style={{ marginBottom: 0 }}>
          {f.coverageFirst
            ? '日常抽查优先覆盖本年度尚未检查的单位：本年度已抽查过的单位不再进入月度日常抽查。'
            : '本年度已抽查过的单位在符合上述频次规则时仍可再次被抽中。'}
        </Paragraph>
      </Card>
      <Card title="四、被抽中的概率（权重）">
        <Paragraph>
          单位被抽中的概率与其权重成正比：权重 = 风险等级权重 × 信用等级权重；有未处理的举报投诉、失信等线索的单位再乘以 {settings.weights.triggeredFactor}
          。未评定等级的单位权重按 1 计。
        </Paragraph>
        <Row gutter={[24, 16]}>
          <Col xs={24} md={12}>
            <Table rowKey="code" size="small" columns={weightColumns('风险等级')} dataSource={weightRows(settings.weights.risk, 'risk')} pagination={false} />
          </Col>
          <Col xs={24} md={12}>
            <Table rowKey="code" size="small" columns={weightColumns('信用等级')} dataSource={weightRows(settings.weights.credit, 'credit')} pagination={false} />
          </Col>
        </Row>
        <AreaWeights areas={settings.weights.areas ?? []} />
      </Card>
      <Card title="五、不纳入抽查范围">
        <Paragraph style={{ marginBottom: ex.unitCount ? undefined : 0 }}>
          {ex.categories.length
            ? `${ex.categories.map((c) => labelOf(UNIT_CATEGORY_LABELS, c)).join('、')}不纳入本计划：${ex.categoriesReason}`
            : '本计划未整类排除任何单位类别。'}
        </Paragraph>
        {ex.unitCount ? (
          <Paragraph style={{ marginBottom: 0 }}>另有 {ex.unitCount} 家单位因在建、已由其他部门监管等具体原因单独不纳入本计划。</Paragraph>
        ) : null}
      </Card>
      <Card title="六、检查力量安排">
        <Paragraph style={{ marginBottom: 0 }}>
          每项检查任务由 {a.lead} 名主办、{a.assistant} 名协办执法人员实施，并按顺序抽取 {a.backups} 名递补人员；执法人员从
          {INSPECTOR_POOL_LABELS[settings.inspectorPool]}中随机选派。按每名执法人员每个工作日 {settings.capacity.tasksPerInspectorDay}{' '}
          项任务测算检查能力；另按任务数的 {settings.alternatesPercent}% 抽取备选单位，用于依序递补。
        </Paragraph>
      </Card>
    </>
  );
}

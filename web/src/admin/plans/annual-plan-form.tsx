import type { PlanSettingsInput } from '@contracts/plans.ts';
import { CreateAnnualPlanRequest } from '@contracts/plans.ts';
import type { FormInstance } from 'antd';
import { Alert, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import { zodRule } from '../../lib/form-rules.ts';
import { UNIT_CATEGORY_OPTIONS } from '../../lib/registry-labels.ts';
import { CheckItemCodesSelect } from './check-item-codes-select.tsx';
import { ExcludedUnitsInput } from './excluded-units-input.tsx';
import { INSPECTOR_POOL_LABELS } from '../../shared/plans/labels.ts';
import { LevelTableInput } from './level-table-input.tsx';
import { AreaWeights, type AreaWeight } from '../../shared/plans/area-weights.tsx';
import type { Stratum } from './strata-input.tsx';
import { StrataInput } from './strata-input.tsx';

export type AnnualPlanFormValues = { name: string; settings: PlanSettingsInput };

const s = (...path: (string | number)[]) => ['settings', ...path];

/** The problems of a strata table the server would refuse, so they show at the table before saving. */
function strataProblem(strata: Stratum[] | undefined): string | null {
  if (!strata?.some((x) => x.enabled)) return '至少启用一个分层';
  const blank = strata.findIndex((x) => !x.name.trim());
  if (blank >= 0) return `第 ${blank + 1} 行：分层名称不能为空`;
  return null;
}

const Hint = ({ children }: { children: string }) => (
  <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
    {children}
  </Typography.Paragraph>
);

/**
 * The rule set of an annual plan (PlanSettingsInput) in sections, as the 抽查计划 documents write them:
 * items, strata with their annual ratios, weights, frequency, what is out of scope, capacity and staffing.
 * Read-only when `disabled`.
 */
export function AnnualPlanForm({
  form,
  initialValues,
  disabled,
  onValuesChange,
}: {
  form: FormInstance<AnnualPlanFormValues>;
  initialValues: AnnualPlanFormValues;
  disabled: boolean;
  onValuesChange?: () => void;
}) {
  const excludedCategories = Form.useWatch(s('exclusions', 'categories'), form) as string[] | undefined;
  const coverageFirst = Form.useWatch(s('frequency', 'coverageFirst'), form) as boolean | undefined;

  return (
    <Form<AnnualPlanFormValues>
      form={form}
      name="annualPlanForm"
      layout="vertical"
      initialValues={initialValues}
      disabled={disabled}
      onValuesChange={onValuesChange}
      requiredMark={!disabled}
    >
      <Card title="基本信息" style={{ marginBottom: 16 }}>
        <Form.Item label="计划名称" name="name" required rules={[zodRule(CreateAnnualPlanRequest.shape.name)]} style={{ maxWidth: 560 }}>
          <Input maxLength={100} />
        </Form.Item>
      </Card>

      <Card title="抽查事项" style={{ marginBottom: 16 }}>
        <Hint>本计划覆盖的随机抽查事项，从已发布的抽查事项清单中选择。</Hint>
        <Form.Item label="抽查事项" name={s('checkItemCodes')} style={{ maxWidth: 720 }}>
          <CheckItemCodesSelect />
        </Form.Item>
      </Card>

      <Card title="分层与年度比例" style={{ marginBottom: 16 }}>
        <Hint>
          单位按顺序归入第一个匹配且已启用的分层；停用的分层跳过，其单位落入后面匹配的分层。年度比例为该分层在范围内单位全年至少抽查的比例，系统按剩余月份逐月分解；不设目标的分层每月任务数由人工确定。
        </Hint>
        <Form.Item
          name={s('strata')}
          rules={[
            {
              validator: (_rule, value: Stratum[] | undefined) => {
                const problem = strataProblem(value);
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <StrataInput disabled={disabled} />
        </Form.Item>
      </Card>

      <Card title="权重表" style={{ marginBottom: 16 }}>
        <Hint>
          被抽中的概率与单位权重成正比：权重 = 风险等级权重 × 信用等级权重（有未处理的触发式线索时再乘以倍数）。未列出或未评定等级的单位权重按 1 计，每项取 1–64 的整数。
        </Hint>
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={12}>
            <Typography.Title level={5}>风险等级</Typography.Title>
            <Form.Item name={s('weights', 'risk')}>
              <LevelTableInput disabled={disabled} kind="risk_level" column="权重" min={1} max={64} placeholder="1" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Title level={5}>信用等级</Typography.Title>
            <Form.Item name={s('weights', 'credit')}>
              <LevelTableInput disabled={disabled} kind="credit_level" column="权重" min={1} max={64} placeholder="1" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="触发式线索权重倍数"
          name={s('weights', 'triggeredFactor')}
          extra="有未处理的举报投诉、失信等线索的单位，权重再乘以此倍数。"
          rules={[{ required: true, message: '请填写倍数' }]}
        >
          <InputNumber min={1} max={64} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {() => {
            const areas = (form.getFieldValue(['settings', 'weights', 'areas'] as const) as AreaWeight[] | undefined) ?? [];
            const remove = (index: number) => {
              form.setFieldValue(['settings', 'weights', 'areas'] as const, areas.filter((_, j) => j !== index));
              onValuesChange?.();
            };
            return <AreaWeights areas={areas} onRemove={disabled ? undefined : remove} />;
          }}
        </Form.Item>
      </Card>

      <Card title="风险比例调整" style={{ marginBottom: 16 }}>
        <Hint>
          按风险等级在分层年度比例上增减的百分点（可为负数），合计限定在 0%–100%。例如「高」+20 表示高风险单位的年度覆盖目标提高 20 个百分点。
        </Hint>
        <Form.Item name={s('riskRatioAdjustmentsBp')} style={{ maxWidth: 560 }}>
          <LevelTableInput disabled={disabled} kind="risk_level" column="调整（百分点）" min={-100} max={100} scale={100} suffix="%" placeholder="不调整" />
        </Form.Item>
      </Card>

      <Card title="频次规则" style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item
              label="每自然年最多抽查次数"
              name={s('frequency', 'maxPerYear')}
              extra="同一检查对象一年内被抽查的上限（不含复查）。"
              rules={[{ required: true, message: '请填写次数' }]}
            >
              <InputNumber min={1} max={12} precision={0} suffix="次" style={{ width: 140 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="最短间隔月数"
              name={s('frequency', 'minIntervalMonths')}
              extra="两次抽查之间至少间隔的月数。"
              rules={[{ required: true, message: '请填写月数' }]}
            >
              <InputNumber min={0} max={12} precision={0} suffix="个月" style={{ width: 140 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="优先覆盖未检查单位" name={s('frequency', 'coverageFirst')} valuePropName="checked">
              <Switch checkedChildren="是" unCheckedChildren="否" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {coverageFirst === false
            ? '未开启：本年度已抽查过的单位仍可在日常抽查中再次被抽中（受上面的次数和间隔限制），比例为 100% 的分层可能无法全部覆盖。'
            : '已开启：日常抽查先覆盖本年度尚未检查的单位，本年度已抽查过的单位不再进入月度日常抽查；次数上限主要约束专项检查和触发式抽查。'}
        </Typography.Paragraph>
      </Card>

      <Card title="不纳入范围" style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Form.Item label="不纳入的单位类别" name={s('exclusions', 'categories')}>
              <Select mode="multiple" allowClear options={UNIT_CATEGORY_OPTIONS} placeholder="无" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="不纳入理由（向社会公开）"
              name={s('exclusions', 'categoriesReason')}
              required={Boolean(excludedCategories?.length)}
              rules={[
                {
                  validator: (_rule, value: string | undefined) =>
                    excludedCategories?.length && !value?.trim()
                      ? Promise.reject(new Error('排除单位类别时应说明理由'))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input.TextArea rows={2} maxLength={200} showCount placeholder="如：九小场所由派出所实施日常监督检查" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>单独不纳入的单位</Typography.Title>
        <Form.Item name={s('exclusions', 'units')}>
          <ExcludedUnitsInput disabled={disabled} />
        </Form.Item>
      </Card>

      <Card title="检查能力与人员分配" style={{ marginBottom: 16 }}>
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item
              label="每人每日任务数"
              name={s('capacity', 'tasksPerInspectorDay')}
              extra="每名执法人员每个可用工作日可参加的检查任务数；「每日一查」为 1。"
              rules={[{ required: true, message: '请填写任务数' }]}
            >
              <InputNumber min={1} max={10} precision={0} style={{ width: 140 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="检查人员来源" name={s('inspectorPool')}>
              <Radio.Group
                options={(Object.keys(INSPECTOR_POOL_LABELS) as PlanSettingsInput['inspectorPool'][]).map((value) => ({
                  value,
                  label: INSPECTOR_POOL_LABELS[value],
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={24}>
          <Col xs={12} md={6}>
            <Form.Item label="主办人数" name={s('assignment', 'lead')} rules={[{ required: true, message: '请填写人数' }]}>
              <InputNumber min={1} max={5} precision={0} suffix="人" style={{ width: 120 }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="协办人数" name={s('assignment', 'assistant')} rules={[{ required: true, message: '请填写人数' }]}>
              <InputNumber min={1} max={5} precision={0} suffix="人" style={{ width: 120 }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="递补人数（每个角色）" name={s('assignment', 'backups')} rules={[{ required: true, message: '请填写人数' }]}>
              <InputNumber min={0} max={10} precision={0} suffix="人" style={{ width: 120 }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              label="备选单位比例"
              name={s('alternatesPercent')}
              extra="按本月任务数的比例抽取备选单位，用于递补。"
              rules={[{ required: true, message: '请填写比例' }]}
            >
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 120 }} />
            </Form.Item>
          </Col>
        </Row>
        <Alert type="info" showIcon title="每项检查任务至少由 1 名主办和 1 名协办共 2 名执法人员实施（《行政处罚法》第四十二条）。" />
      </Card>
    </Form>
  );
}
